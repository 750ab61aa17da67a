/** Mantissas per decade, coarse to fine: decades, 1-3, 1-2-5, then a finer 1-1.5-2-3-5-7. */
const STEPS: readonly (readonly number[])[] = [[1], [1, 3], [1, 2, 5], [1, 1.5, 2, 3, 5, 7]];

export interface LogAxis {
  domain: [number, number];
  ticks: number[];
}

/** Rounds away float noise (0.30000000000000004 → 0.3). */
const clean = (v: number): number => Number(v.toPrecision(12));

function stepTicks(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const all: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of mantissas) all.push(clean(m * 10 ** e));
  const first = all.findLastIndex((t) => t <= lo);
  const last = all.findIndex((t) => t >= hi);
  return all.slice(Math.max(0, first), last + 1);
}

/** Evenly spaced ticks, the widest 1-2-5 step that still gives `count`, for spans too narrow for any per-decade set. */
function linearTicks(lo: number, hi: number, count: number): number[] {
  let step = 10 ** Math.ceil(Math.log10(hi - lo));
  for (let k = 0; k < 30; k++) {
    const out: number[] = [];
    for (let i = Math.floor(lo / step + 1e-9); i * step < hi + step * 0.999; i++)
      if (i > 0) out.push(clean(i * step));
    if (out.length >= count) return out;
    step /= k % 3 === 1 ? 2.5 : 2; // 10 → 5 → 2 → 1
  }
  return [lo, hi];
}

/**
 * Nice ticks and a matching domain for a log axis over data in [lo, hi] (both > 0): the per-decade set that
 * gives between `min` and `max` ticks over the tightest domain (fewer ticks on a tie); the domain runs from
 * the last tick at or below `lo` to the first at or above `hi`. Spans too narrow for any set get evenly
 * spaced 1-2-5 ticks; equal or nearly equal values are widened by 10% either way.
 */
export function logTicks(lo: number, hi: number, min = 4, max = 7): LogAxis {
  if (!(lo > 0) || !(hi > 0) || !Number.isFinite(lo) || !Number.isFinite(hi))
    throw new Error(`logTicks needs a positive finite range, got [${lo}, ${hi}]`);
  if (lo > hi) [lo, hi] = [hi, lo];
  // Equal or nearly equal values: widen, so the axis still has room and distinct ticks.
  if (hi / lo < 1.05) [lo, hi] = [lo / 1.1, hi * 1.1];
  let best: number[] | null = null;
  const width = (t: number[]) => Math.log10(t.at(-1)! / t[0]!);
  for (const mantissas of STEPS) {
    const ticks = stepTicks(lo, hi, mantissas);
    if (ticks.length < min || ticks.length > max) continue;
    if (!best || width(ticks) < width(best) - 1e-9) best = ticks;
  }
  const ticks = best ?? linearTicks(lo, hi, min);
  return { domain: [Math.min(ticks[0]!, lo), Math.max(ticks.at(-1)!, hi)], ticks };
}
