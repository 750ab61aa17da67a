import { useSyncExternalStore, type MouseEvent } from 'react';
import type { SelectionPage } from '../core/share/selection.ts';
import { PAGES } from '../state/nav-slice.ts';
import { urlForSelection } from '../state/selection-slice.ts';
import { useAppStore } from '../state/store.ts';
import { getTheme, setTheme, subscribeTheme, THEME_CHOICES, type ThemeChoice } from './theme.ts';

/** The pages in the nav: the slice's list, with Compare after Predict where the list lacks it. */
export const NAV_PAGES: readonly SelectionPage[] = (PAGES as readonly SelectionPage[]).includes('compare')
  ? PAGES
  : PAGES.flatMap((p): SelectionPage[] => (p === 'predict' ? [p, 'compare'] : [p]));

const LABELS: Record<SelectionPage, string> = {
  recommend: 'Recommend',
  predict: 'Predict',
  compare: 'Compare',
  data: 'Data',
  yours: 'Your data',
  matrix: 'Matrix',
  lab: 'Lab',
  accuracy: 'Accuracy',
  sources: 'Sources',
};

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Cycles the colour theme: system → light → dark; the choice is stored (see theme.ts). */
function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeTheme, getTheme);
  const next = THEME_CHOICES[(THEME_CHOICES.indexOf(theme) + 1) % THEME_CHOICES.length]!;
  return (
    <button
      type="button"
      className="theme-toggle"
      title={`Colour theme: ${theme === 'system' ? 'follows your system' : theme}. Switch to ${THEME_LABELS[next].toLowerCase()}.`}
      onClick={() => setTheme(next)}
    >
      Theme: {THEME_LABELS[theme]}
    </button>
  );
}

/** Top navigation: real links (open in a new tab works), handled in-page on plain clicks. */
export function Nav() {
  const selection = useAppStore((s) => s.selection);
  const page = selection.page;
  const navigate = useAppStore((s) => s.navigate);
  const onClick = (p: SelectionPage) => (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    navigate(p);
  };
  return (
    <nav aria-label="Main" className="nav-bar">
      <ul className="nav">
        {NAV_PAGES.map((p) => (
          <li key={p}>
            <a
              href={urlForSelection({ ...selection, page: p }, window.location)}
              aria-current={p === page ? 'page' : undefined}
              onClick={onClick(p)}
            >
              {LABELS[p]}
            </a>
          </li>
        ))}
      </ul>
      <ThemeToggle />
    </nav>
  );
}
