/** Accuracy summaries: absolute percentage errors, shares within ±10%/±25%, interval coverage. */

export interface Scored {
  truth: number;
  pred: number;
  low?: number | undefined;
  high?: number | undefined;
}

export interface Accuracy {
  n: number;
  /** Median absolute percentage error, %. */
  mdape: number;
  /** Mean absolute percentage error, %. */
  mape: number;
  /** Share of predictions within ±10% / ±25% of the truth, %. */
  within10: number;
  within25: number;
  /** Share of truths inside the 80% interval, % (null when the method gives no interval). */
  coverage80: number | null;
  /** Median of max(pred/truth, truth/pred): the typical factor off. */
  medianFactor: number;
  /** Median interval width as a factor, high / low (null when the method gives no interval). */
  medianWidth: number | null;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function accuracy(rows: readonly Scored[]): Accuracy | null {
  if (rows.length === 0) return null;
  const ape = rows.map((r) => (Math.abs(r.pred - r.truth) / r.truth) * 100).sort((a, b) => a - b);
  const factors = rows.map((r) => Math.max(r.pred / r.truth, r.truth / r.pred)).sort((a, b) => a - b);
  const withInterval = rows.filter((r) => r.low !== undefined && r.high !== undefined);
  const covered = withInterval.filter((r) => r.low! <= r.truth && r.truth <= r.high!).length;
  const mid = (xs: number[]) =>
    xs.length % 2 ? xs[xs.length >> 1]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2;
  return {
    n: rows.length,
    mdape: round(mid(ape)),
    mape: round(ape.reduce((s, x) => s + x, 0) / ape.length),
    within10: round((ape.filter((x) => x <= 10).length / ape.length) * 100, 1),
    within25: round((ape.filter((x) => x <= 25).length / ape.length) * 100, 1),
    coverage80: withInterval.length ? round((covered / withInterval.length) * 100, 1) : null,
    medianFactor: round(mid(factors), 3),
    medianWidth: withInterval.length
      ? round(mid(withInterval.map((r) => r.high! / Math.max(r.low!, 1e-300)).sort((a, b) => a - b)), 3)
      : null,
  };
}
