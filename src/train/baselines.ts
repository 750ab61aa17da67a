/**
 * The three baselines the evaluation reports beside the engine, each measured on the same test rows:
 * roofline × one constant efficiency; k nearest measured neighbours (feature space); and the same model's
 * measurement on the most similar measured device, scaled by the ratio of peaks.
 */
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import { RATE_METRICS, valueFromEfficiency, type Observation } from '../core/predict/observation.ts';
import { precisionInfo } from '../core/roofline/precision.ts';
import { rng } from './dataset.ts';

export interface BaselinePrediction {
  value: number;
  low?: number;
  high?: number;
}

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Roofline with one constant efficiency: the training rows' median, with their 10–90% spread as interval. */
export function constantEfficiency(train: readonly Observation[]) {
  const logs = train.map((o) => Math.log(Math.min(o.efficiency, 1))).sort((a, b) => a - b);
  const [q10, q50, q90] = [quantile(logs, 0.1), quantile(logs, 0.5), quantile(logs, 0.9)];
  return {
    efficiency: Math.exp(q50),
    predict(o: Observation): BaselinePrediction {
      const a = valueFromEfficiency(o.row.metric, o.bound, Math.exp(q10));
      const b = valueFromEfficiency(o.row.metric, o.bound, Math.exp(q90));
      return {
        value: valueFromEfficiency(o.row.metric, o.bound, Math.exp(q50)),
        low: Math.min(a, b),
        high: Math.max(a, b),
      };
    },
  };
}

/**
 * k nearest neighbours (Euclidean, standardized features) among at most `sample` training rows of the same
 * metric; predicts the mean log-efficiency of the k neighbours through the test row's own bound.
 */
export function nearestNeighbours(
  train: readonly Observation[],
  trainX: Float32Array,
  k = 5,
  sample = 4000,
  seed = 11,
) {
  const random = rng(seed);
  const byMetric = new Map<string, number[]>();
  train.forEach((o, i) => {
    const list = byMetric.get(o.row.metric) ?? [];
    list.push(i);
    byMetric.set(o.row.metric, list);
  });
  for (const [m, list] of byMetric) {
    if (list.length <= sample) continue;
    const shuffled = list.map((i) => ({ i, r: random() })).sort((a, b) => a.r - b.r);
    byMetric.set(
      m,
      shuffled.slice(0, sample).map((x) => x.i),
    );
  }
  return {
    predict(o: Observation, x: Float32Array, offset: number): BaselinePrediction | null {
      const pool = byMetric.get(o.row.metric);
      if (!pool || pool.length === 0) return null;
      const best: { d: number; i: number }[] = [];
      for (const i of pool) {
        let d = 0;
        const base = i * FEATURE_COUNT;
        for (let j = 0; j < FEATURE_COUNT; j++) {
          const diff = trainX[base + j]! - x[offset + j]!;
          d += diff * diff;
        }
        if (best.length < k) best.push({ d, i });
        else if (d < best[k - 1]!.d) best[k - 1] = { d, i };
        else continue;
        best.sort((a, b) => a.d - b.d);
      }
      const mean = best.reduce((s, b) => s + Math.log(Math.min(train[b.i]!.efficiency, 1)), 0) / best.length;
      return { value: valueFromEfficiency(o.row.metric, o.bound, Math.exp(mean)) };
    },
  };
}

const precisionClass = (p: string) => {
  const info = precisionInfo(p);
  return info ? (info.weightOnly ? `w${Math.round(info.weightBits)}` : info.compute.join('/')) : p;
};

/** Training observations grouped by `key`. */
function indexBy(train: readonly Observation[], key: (o: Observation) => string): Map<string, Observation[]> {
  const index = new Map<string, Observation[]>();
  for (const o of train) {
    const list = index.get(key(o));
    if (list) list.push(o);
    else index.set(key(o), [o]);
  }
  return index;
}

/**
 * The observation on the most similar other device among `candidates`: log distance in the bound's peak and
 * in bandwidth, plus the batch gap in doublings (at most one), plus `penalty`.
 */
function nearestOther(
  candidates: readonly Observation[],
  o: Observation,
  penalty: (r: Observation) => number,
  accept: (r: Observation) => boolean = () => true,
): Observation | null {
  let best: { ref: Observation; d: number } | null = null;
  for (const r of candidates) {
    if (r.hw.id === o.hw.id || !accept(r)) continue;
    const batchGap =
      r.row.batch_size !== null && o.row.batch_size !== null
        ? Math.abs(Math.log2(r.row.batch_size / o.row.batch_size))
        : 0;
    if (batchGap > 1) continue;
    const d =
      Math.abs(Math.log(r.estimate.peakTflops / o.estimate.peakTflops)) +
      Math.abs(Math.log((r.hw.mem_bw_gbs ?? 1) / (o.hw.mem_bw_gbs ?? 1))) +
      batchGap +
      penalty(r);
    if (!best || d < best.d) best = { ref: r, d };
  }
  return best?.ref ?? null;
}

/** The same model measured on the most similar other device (by log peak and bandwidth), scaled by peak ratio. */
export function sameModelScaled(train: readonly Observation[]) {
  const key = (o: Observation) =>
    `${o.row.model_id}|${o.row.metric}|${o.row.mode}|${precisionClass(o.row.precision)}`;
  const index = indexBy(train, key);
  const same = (a: number | null, b: number | null) => a === null || b === null || a === b;
  return {
    predict(o: Observation): BaselinePrediction | null {
      const ref = nearestOther(
        index.get(key(o)) ?? [],
        o,
        (r) => (r.row.n_devices === o.row.n_devices ? 0 : 1),
        (r) =>
          same(r.row.prompt_tokens, o.row.prompt_tokens) &&
          same(r.row.gen_tokens, o.row.gen_tokens) &&
          same(r.row.image_size, o.row.image_size) &&
          same(r.row.seq_len, o.row.seq_len),
      );
      if (!ref) return null;
      const ratio = (o.estimate.peakTflops * o.row.n_devices) / (ref.estimate.peakTflops * ref.row.n_devices);
      return { value: RATE_METRICS.has(o.row.metric) ? ref.row.value * ratio : ref.row.value / ratio };
    },
  };
}

/** Rows of the same model, metric, mode, precision class, lengths and runtime class, by key. */
const sameWorkloadKey = (o: Observation) =>
  `${o.row.model_id}|${o.row.metric}|${o.row.mode}|${precisionClass(o.row.precision)}|${o.row.runtime_class}|${o.row.prompt_tokens ?? ''}|${o.row.gen_tokens ?? ''}|${o.row.seq_len ?? ''}|${o.row.image_size ?? ''}|${o.row.n_devices}`;

/**
 * The same model under the same runtime class on the most similar other device (log distance in peak and
 * bandwidth), its achieved efficiency applied to this device's roofline: the bound scales compute-bound
 * phases by the dense peak and memory-bound ones by bandwidth, per phase.
 */
export function sameModelSameRuntime(train: readonly Observation[]) {
  const index = indexBy(train, sameWorkloadKey);
  return {
    predict(o: Observation): BaselinePrediction | null {
      const ref = nearestOther(index.get(sameWorkloadKey(o)) ?? [], o, (r) =>
        r.hw.vendor === o.hw.vendor ? 0 : 1,
      );
      return ref ? { value: valueFromEfficiency(o.row.metric, o.bound, Math.min(ref.efficiency, 1)) } : null;
    },
  };
}

/**
 * The roofline × the runtime's typical efficiency: the median achieved efficiency of training rows with the
 * same runtime class, device kind and metric (falling back to runtime and metric, then metric alone).
 */
export function runtimeEfficiency(train: readonly Observation[], minRows = 10) {
  const groups = new Map<string, number[]>();
  const keys = (o: Observation) => [
    `${o.row.runtime_class}|${o.hw.kind}|${o.row.metric}`,
    `${o.row.runtime_class}|*|${o.row.metric}`,
    `*|*|${o.row.metric}`,
  ];
  for (const o of train)
    for (const k of keys(o)) {
      const g = groups.get(k) ?? [];
      g.push(Math.log(Math.min(o.efficiency, 1)));
      groups.set(k, g);
    }
  const median = new Map<string, number>();
  for (const [k, g] of groups)
    if (g.length >= minRows) median.set(k, [...g].sort((a, b) => a - b)[g.length >> 1]!);
  return {
    predict(o: Observation): BaselinePrediction | null {
      for (const k of keys(o)) {
        const m = median.get(k);
        if (m !== undefined) return { value: valueFromEfficiency(o.row.metric, o.bound, Math.exp(m)) };
      }
      return null;
    },
  };
}
