/**
 * Calibration's cross-validated scores and its decision: each held-out row predicted by the shipped model
 * (before) and by the model fine-tuned without its fold (after), scored per fold and pooled over every
 * fold (median APE, share within ±25%: core/predict/accuracy.ts), on the rows both answered. The
 * calibrated model is kept only where the pooled median APE after is below the one before.
 */
import { accuracy, type Accuracy } from '../predict/accuracy.ts';

/** One held-out row: its fold, the measured value and both predictions (null: not answered). */
export interface HeldOutRow {
  fold: number;
  truth: number;
  before: number | null;
  after: number | null;
}

/** Before and after on the same rows. */
export interface PairScore {
  /** Rows scored (answered by both models). */
  n: number;
  before: Accuracy;
  after: Accuracy;
}

export interface FoldScore {
  fold: number;
  /** Held-out rows of the fold, answered or not. */
  rows: number;
  /** Null when neither model answered any of them. */
  score: PairScore | null;
}

function pair(rows: readonly HeldOutRow[]): PairScore | null {
  const both = rows.filter((r) => r.before !== null && r.after !== null);
  const before = accuracy(both.map((r) => ({ truth: r.truth, pred: r.before! })));
  const after = accuracy(both.map((r) => ({ truth: r.truth, pred: r.after! })));
  return before && after ? { n: both.length, before, after } : null;
}

/** Scores per fold (0…k−1) and pooled over all held-out rows. */
export function scoreFolds(
  rows: readonly HeldOutRow[],
  k: number,
): { folds: FoldScore[]; pooled: PairScore | null } {
  const folds = Array.from({ length: k }, (_, fold) => {
    const own = rows.filter((r) => r.fold === fold);
    return { fold, rows: own.length, score: pair(own) };
  });
  return { folds, pooled: pair(rows) };
}

export type Decision =
  | {
      keep: true;
      before: number;
      after: number;
      /** after − before, percentage points (negative: better). */
      points: number;
      /** (after − before) / before, % (negative: better). */
      relative: number;
      summary: string;
    }
  | {
      keep: false;
      reason: 'not-better' | 'too-few';
      before: number | null;
      after: number | null;
      points: number | null;
      relative: number | null;
      summary: string;
    };

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;

/** Keep the calibrated model only if its pooled cross-validated median APE is lower than the shipped one's. */
export function decide(pooled: PairScore | null): Decision {
  if (!pooled)
    return {
      keep: false,
      reason: 'too-few',
      before: null,
      after: null,
      points: null,
      relative: null,
      summary: 'No held-out row could be predicted, so the calibration cannot be checked: not offered.',
    };
  const before = pooled.before.mdape;
  const after = pooled.after.mdape;
  const points = round(after - before, 2);
  const relative = before > 0 ? round(((after - before) / before) * 100) : 0;
  const change = `${before.toFixed(1)}% → ${after.toFixed(1)}% (${signed(points)} points, ${signed(relative)}%) on ${pooled.n} held-out rows`;
  if (after < before)
    return {
      keep: true,
      before,
      after,
      points,
      relative,
      summary: `Kept: the calibrated model's cross-validated median error is lower, ${change}.`,
    };
  return {
    keep: false,
    reason: 'not-better',
    before,
    after,
    points,
    relative,
    summary: `Not kept: the calibrated model is not better on your held-out rows, ${change}. The shipped model stays in use.`,
  };
}
