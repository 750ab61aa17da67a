import type { MouseEvent } from 'react';
import { PAGES, type Page } from '../state/nav-slice.ts';
import { urlForSelection } from '../state/selection-slice.ts';
import { useAppStore } from '../state/store.ts';

const LABELS: Record<Page, string> = {
  recommend: 'Recommend',
  predict: 'Predict',
  data: 'Data',
  matrix: 'Matrix',
  lab: 'Lab',
  sources: 'Sources',
};

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
    <nav aria-label="Main">
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
    </nav>
  );
}
