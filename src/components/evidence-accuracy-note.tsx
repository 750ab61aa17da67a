import type { MouseEvent } from 'react';
import { writeAccuracyParams } from '../core/accuracy/link-params.ts';
import type { AccuracyFilters } from '../core/sql/accuracy.ts';
import { urlForSelection } from '../state/selection-slice.ts';
import { useAppStore } from '../state/store.ts';
import { useEvidenceAccuracy } from './use-evidence-accuracy.ts';
import { count } from '../core/format.ts';
import { fmtPercent } from '../core/accuracy/evidence-accuracy.ts';

/** A link to the Accuracy page with these filters that keeps the rest of the current selection. */
export function useAccuracyHref(filters: AccuracyFilters): string {
  const selection = useAppStore((s) => s.selection);
  const url = urlForSelection({ ...selection, page: 'accuracy' }, { pathname: '', search: '', hash: '' });
  const search = writeAccuracyParams(url.replace(/^\?/, ''), filters);
  return `${window.location.pathname}?${search}`;
}

/**
 * Follows an in-app link without reloading on a plain click: the URL changes and the app adopts it as it
 * does on back/forward (a `popstate`), so the page and its own `acc_` filters follow.
 */
export function followInPage(e: MouseEvent<HTMLAnchorElement>): void {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
  e.preventDefault();
  window.history.pushState(null, '', e.currentTarget.href);
  window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
}

/**
 * "Predictions like this one: median error 18% on unseen devices (2,000 held-out rows)", linking to the
 * Accuracy page filtered to that evidence level; nothing until the figure is known (or when this build has
 * no held-out evaluation). Give it a prediction's `evidence ?? layer`.
 */
export function EvidenceAccuracyNote({ evidence }: { evidence: string | null | undefined }) {
  const hit = useEvidenceAccuracy(evidence);
  const href = useAccuracyHref({ evidence: hit?.evidence ?? '' });
  if (!hit) return null;
  const text = hit.text.charAt(0).toUpperCase() + hit.text.slice(1);
  return (
    <p className="evidence-accuracy" data-testid="evidence-accuracy" data-evidence={hit.evidence}>
      {text} ({count(hit.n)} held-out rows
      {hit.exact ? '' : ` at the broader level ${hit.evidence}`}).{' '}
      <a href={href} onClick={followInPage}>
        See them
      </a>
    </p>
  );
}

/**
 * The same figure for a table cell: "18%" linking to the Accuracy page filtered to the level, its sentence
 * as the accessible name; "–" until it is known (or when this build has no held-out evaluation).
 */
export function EvidenceAccuracyLink({
  evidence,
  enabled = true,
}: {
  evidence: string | null | undefined;
  /** False: "–" without loading anything (e.g. while a page's own work is not done). */
  enabled?: boolean;
}) {
  const hit = useEvidenceAccuracy(evidence, { enabled });
  const href = useAccuracyHref({ evidence: hit?.evidence ?? '' });
  if (!hit)
    return (
      <span className="muted" title="No held-out rows like this one (yet)">
        –
      </span>
    );
  const sentence = `${hit.text} (${count(hit.n)} held-out rows${hit.exact ? '' : ` at the broader level ${hit.evidence}`})`;
  return (
    <a
      href={href}
      onClick={followInPage}
      title={sentence}
      aria-label={sentence}
      data-testid="evidence-accuracy-link"
      data-evidence={hit.evidence}
    >
      {fmtPercent(hit.mdape)}
    </a>
  );
}
