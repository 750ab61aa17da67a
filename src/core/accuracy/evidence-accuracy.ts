/**
 * "Predictions like this one": how accurate the engine was, on devices it never saw, for the evidence level
 * a prediction carries (`Prediction.evidence`, e.g. `transfer:runtime:near`, `learned:prior`), from the
 * held-out evaluation (evidenceStats() in core/sql/accuracy.ts).
 */
import type { EvidenceStat } from '../sql/accuracy.ts';
import { accuracyLinkSearch } from './link-params.ts';

/** Fewer answered rows than this and a level says too little: its parent level is used instead. */
export const MIN_EVIDENCE_ROWS = 30;

export interface EvidenceAccuracy {
  /** The level the figure is for: the prediction's own, or the nearest parent with enough rows. */
  evidence: string;
  /** True when `evidence` is the prediction's own level. */
  exact: boolean;
  n: number;
  mdape: number;
  within25: number;
  /** "predictions like this one: median error 23% on unseen devices". */
  text: string;
  /** The Accuracy page filtered to that level: `?page=accuracy&acc_evidence=…`. */
  href: string;
}

/** `a:b:c` → `['a:b:c', 'a:b', 'a']`: the level, then each parent, most specific first. */
export function evidenceLevels(evidence: string): string[] {
  const parts = evidence.split(':');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join(':')).filter((l) => l !== '');
}

/** A percentage for a sentence: one decimal under 10%, whole numbers above. */
export function fmtPercent(p: number): string {
  return `${p < 10 ? p.toFixed(1) : Math.round(p).toLocaleString('en-US')}%`;
}

/**
 * The held-out accuracy of predictions at `evidence` (or its layer where a prediction has no evidence
 * level): the most specific level with at least `minRows` answered rows. Null when there is no such level
 * (no evidence, or no held-out rows like it).
 */
export function lookupEvidenceAccuracy(
  evidence: string | null | undefined,
  stats: readonly EvidenceStat[],
  minRows = MIN_EVIDENCE_ROWS,
): EvidenceAccuracy | null {
  if (!evidence) return null;
  const byLevel = new Map(stats.map((s) => [s.evidence, s]));
  const levels = evidenceLevels(evidence);
  for (const level of levels) {
    const s = byLevel.get(level);
    if (!s || s.n < minRows || !Number.isFinite(s.mdape)) continue;
    return {
      evidence: level,
      exact: level === evidence,
      n: s.n,
      mdape: s.mdape,
      within25: s.within25,
      text: `predictions like this one: median error ${fmtPercent(s.mdape)} on unseen devices`,
      href: `?${accuracyLinkSearch({ evidence: level })}`,
    };
  }
  return null;
}
