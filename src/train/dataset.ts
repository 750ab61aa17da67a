/** Training rows: observations → standardized features and targets (−log efficiency ≥ 0), with weights. */
import type { SnapshotRows } from '../adapters/parquet-rows.ts';
import { FEATURE_COUNT, featurizeInto } from '../core/predict/featurize.ts';
import { featureInputOf, observe, type Observation } from '../core/predict/observation.ts';

/** Targets are clipped to efficiencies in [1e-4, 1]: rows beyond the bound train as "at the bound". */
export const MAX_INEFFICIENCY = -Math.log(1e-4);

export interface Dataset {
  obs: Observation[];
  /** Raw (unstandardized) features, row-major. */
  x: Float32Array;
  /** −ln(efficiency), clipped to [0, MAX_INEFFICIENCY]. */
  t: Float32Array;
  /** Sampling weights: sources contribute by √(rows), so timm's 38k rows do not drown the rest. */
  w: Float32Array;
  skipped: number;
}

/** Observations of every measurement the roofline can bound; rows flagged `outlier` are left out. */
export function buildObservations(snapshot: SnapshotRows): { observations: Observation[]; skipped: number } {
  const hw = new Map(snapshot.hardware.map((h) => [h.id, h]));
  const models = new Map(snapshot.models.map((m) => [m.id, m]));
  const rows = snapshot.measurements.filter((r) => !r.flags.includes('outlier'));
  const { observations, skipped } = observe(rows, hw, models);
  return { observations, skipped: skipped.length + (snapshot.measurements.length - rows.length) };
}

export function buildDataset(snapshot: SnapshotRows): Dataset {
  const { observations, skipped } = buildObservations(snapshot);
  return { ...fromObservations(observations), skipped };
}

export function fromObservations(obs: Observation[]): Omit<Dataset, 'skipped'> {
  const n = obs.length;
  const x = new Float32Array(n * FEATURE_COUNT);
  const t = new Float32Array(n);
  const w = new Float32Array(n);
  const perSource = new Map<string, number>();
  for (const o of obs) perSource.set(o.row.source_id, (perSource.get(o.row.source_id) ?? 0) + 1);
  obs.forEach((o, i) => {
    featurizeInto(featureInputOf(o), x, i * FEATURE_COUNT);
    t[i] = Math.min(MAX_INEFFICIENCY, Math.max(0, -Math.log(o.efficiency)));
    w[i] = 1 / Math.sqrt(perSource.get(o.row.source_id) ?? 1);
  });
  return { obs, x, t, w };
}

/** Column means and standard deviations over the selected rows; std 0 for a column that never varies. */
export function standardization(x: Float32Array, rows: readonly number[]): { mean: number[]; std: number[] } {
  const mean = new Array<number>(FEATURE_COUNT).fill(0);
  const sq = new Array<number>(FEATURE_COUNT).fill(0);
  for (const r of rows)
    for (let j = 0; j < FEATURE_COUNT; j++) {
      const v = x[r * FEATURE_COUNT + j]!;
      mean[j]! += v;
      sq[j]! += v * v;
    }
  const n = Math.max(rows.length, 1);
  const std = mean.map((s, j) => {
    const m = s / n;
    const v = sq[j]! / n - m * m;
    return v > 1e-12 ? Math.sqrt(v) : 0;
  });
  return { mean: mean.map((s) => s / n), std };
}

/** Deterministic PRNG (mulberry32), in core so calibration (adapters) draws from the same one. */
export { rng } from '../core/random.ts';
