import { useSyncExternalStore, type MouseEvent } from 'react';
import { PAGES, type Page } from '../state/nav-slice.ts';
import { urlForSelection } from '../state/selection-slice.ts';
import { useAppStore } from '../state/store.ts';
import { getTheme, setTheme, subscribeTheme, THEME_CHOICES, type ThemeChoice } from './theme.ts';

const LABELS: Record<Page, string> = {
  recommend: 'Recommend',
  predict: 'Predict',
  data: 'Data',
  matrix: 'Matrix',
  lab: 'Lab',
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
  const onClick = (p: Page) => (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    navigate(p);
  };
  return (
    <nav aria-label="Main" className="nav-bar">
      <ul className="nav">
        {PAGES.map((p) => (
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
