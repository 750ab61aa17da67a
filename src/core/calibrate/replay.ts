/**
 * What calibration fine-tunes on: your rows mixed with a replay sample of the snapshot's rows (so the
 * network does not forget what it knew), each group given a share of the minibatch draws.
 */
import { rng } from '../random.ts';

/** Targets are clipped to efficiencies in [1e-4, 1], as in training (rows beyond the bound train as at it). */
const MAX_INEFFICIENCY = -Math.log(1e-4);

/** The network's target for an achieved efficiency: t = −ln(efficiency), clipped to [0, −ln 1e-4]. */
export function inefficiency(efficiency: number): number {
  return Math.min(MAX_INEFFICIENCY, Math.max(0, -Math.log(efficiency)));
}

/** Training's row weights: each source's rows weigh 1/√(its rows), so one big source does not drown the rest. */
export function sourceWeights(sources: readonly string[]): Float32Array {
  const count = new Map<string, number>();
  for (const s of sources) count.set(s, (count.get(s) ?? 0) + 1);
  return Float32Array.from(sources, (s) => 1 / Math.sqrt(count.get(s)!));
}

/**
 * `n` distinct indices drawn with probability ∝ weight, deterministic for a seed (Efraimidis–Spirakis:
 * the n largest keys u^(1/w)), in ascending order. All indices with weight > 0 when there are no more.
 */
export function weightedSample(weights: ArrayLike<number>, n: number, seed: number): number[] {
  const random = rng(seed);
  const keyed: { i: number; key: number }[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const u = random();
    if (w > 0) keyed.push({ i, key: Math.log(u) / w });
  }
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed
    .slice(0, Math.max(0, n))
    .map((k) => k.i)
    .sort((a, b) => a - b);
}

/**
 * Sampling weights for `yours` rows of your data then `replay` snapshot rows: your rows get `yourShare`
 * of the draws, the replay rows the rest, evenly within each group.
 */
export function mixWeights(yours: number, replay: number, yourShare: number): Float32Array {
  const w = new Float32Array(yours + replay);
  const share = replay === 0 ? 1 : yours === 0 ? 0 : yourShare;
  for (let i = 0; i < yours; i++) w[i] = share / yours;
  for (let i = 0; i < replay; i++) w[yours + i] = (1 - share) / replay;
  return w;
}
