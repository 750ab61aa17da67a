/**
 * The prediction engine: roofline bound → learned efficiency (adjusted by measured references when the same
 * model was measured on other devices) → roofline with a typical efficiency → nearest measured neighbours.
 * Every answer names the layer that produced it and why. No answer is faster than its roofline bound.
 */
import { METRIC_UNITS, type HardwareRow, type MeasurementRow, type Metric } from '../catalog/schema.ts';
import type { BoundKind } from '../roofline/bound.ts';
import { rooflineEstimate, type RooflineEstimate } from '../roofline/estimate.ts';
import { DEFAULTS, isGenerative, type Workload } from '../roofline/workload.ts';
import { predictConsistent } from './consistency.ts';
import { priorLogEff } from './prior.ts';
import { FEATURE_COUNT, featurizeInto, type FeatureInput } from './featurize.ts';
import { boundValue, RATE_METRICS, valueFromEfficiency } from './observation.ts';
import { ReferenceIndex, weightedLogMean, type Reference } from './references.ts';
import type { EfficiencyModel, Layer, Manifest, Prediction, Query } from './types.ts';

/** log-efficiency never above 0 (the bound) and never below this (a 10⁻⁴ fraction of the bound). */
const MIN_LOG_EFF = Math.log(1e-4);
const clampLog = (y: number) => Math.min(0, Math.max(MIN_LOG_EFF, y));

export interface EngineParts {
  manifest: Manifest;
  model: EfficiencyModel | null;
  references?: ReferenceIndex;
  /** Measurements for the neighbour layer (rows whose roofline cannot be computed). */
  measurements?: readonly MeasurementRow[];
  /** Devices a small call is compared with (a device is never slower than one it dominates). */
  catalog?: readonly HardwareRow[];
  /** Keep every call's answers consistent with each other (core/predict/consistency.ts); default true. */
  consistency?: boolean;
}

interface Prepared {
  query: Query;
  estimate: RooflineEstimate & { ok: true };
  bound: number;
}

export class PredictionEngine {
  /** Measurements by `model|hardware`, for the neighbour layer. */
  private readonly measured = new Map<string, MeasurementRow[]>();

  constructor(private readonly parts: EngineParts) {
    for (const r of parts.measurements ?? []) {
      const key = `${r.model_id}|${r.hardware_id}`;
      const list = this.measured.get(key);
      if (list) list.push(r);
      else this.measured.set(key, [r]);
    }
  }

  get hasLearnedModel(): boolean {
    return this.parts.model !== null;
  }

  /** Standardized features of many inputs, row-major. */
  features(inputs: readonly FeatureInput[]): Float32Array {
    const { mean, std } = this.parts.manifest;
    const m = Float64Array.from({ length: FEATURE_COUNT }, (_, j) => mean[j] ?? 0);
    // std 0: the feature never varied in training; it is held at its training value (standardized 0).
    const sd = Float64Array.from({ length: FEATURE_COUNT }, (_, j) => std[j] ?? 1);
    const out = new Float32Array(inputs.length * FEATURE_COUNT);
    for (let r = 0, o = 0; r < inputs.length; r++, o += FEATURE_COUNT) {
      featurizeInto(inputs[r]!, out, o);
      for (let j = 0; j < FEATURE_COUNT; j++) out[o + j] = sd[j] === 0 ? 0 : (out[o + j]! - m[j]!) / sd[j]!;
    }
    return out;
  }

  /**
   * Predict many queries at once (one batched call into the learned model). For LLM generation without a
   * benchmark scenario, TTFT, TPOT, end-to-end latency and throughput are derived from the predicted prefill
   * and decode rates of the same workload, so every metric of one workload tells the same story.
   */
  async predictMany(
    queries: readonly Query[],
    options: { consistency?: boolean } = {},
  ): Promise<Prediction[]> {
    const expanded: Query[] = [];
    // TTFT, TPOT, latency and throughput of one workload share its two phase predictions.
    const phases = new Map<string, { prefill: number; decode: number }>();
    const objectIds = new WeakMap<object, number>();
    let nextId = 0;
    const objectId = (o: object) => {
      let id = objectIds.get(o);
      if (id === undefined) objectIds.set(o, (id = nextId++));
      return id;
    };
    const plan = queries.map((q) => {
      if (!derivesFromPhases(q)) return { direct: expanded.push(q) - 1 };
      const w = q.workload;
      const key = `${objectId(w.model)}|${objectId(q.hw)}|${objectId(q.model)}|${workloadShape(w)}|${q.runtime ?? ''}|${q.scenario ?? ''}|${q.batchKnown ?? true}`;
      let pair = phases.get(key);
      if (!pair) {
        const prefill = expanded.push({ ...q, metric: 'prefill_tokens_s' }) - 1;
        const decode = expanded.push({ ...q, metric: 'decode_tokens_s' }) - 1;
        phases.set(key, (pair = { prefill, decode }));
      }
      return pair;
    });
    const raw = await this.predictBatch(expanded, options.consistency ?? this.parts.consistency ?? true);
    return plan.map((step, i) =>
      'direct' in step
        ? raw[step.direct]!
        : combinePhases(queries[i]!, raw[step.prefill]!, raw[step.decode]!),
    );
  }

  /** `consistent`: compare the answers with each other (off for searches that only rank candidates). */
  private async predictBatch(queries: readonly Query[], consistent: boolean): Promise<Prediction[]> {
    // One roofline per workload × device: the metrics of one workload (a ranking asks for several) share it.
    const estimates = new EstimateMemo();
    if (!consistent) return this.predictRaw(queries, estimates);
    return predictConsistent(
      queries,
      (qs) => this.predictRaw(qs, estimates),
      (q) => estimates.get(q),
      this.parts.catalog ?? [],
    );
  }

  private async predictRaw(queries: readonly Query[], estimates: EstimateMemo): Promise<Prediction[]> {
    const results: (Prediction | null)[] = new Array(queries.length).fill(null);
    const prepared: { i: number; p: Prepared }[] = [];
    queries.forEach((query, i) => {
      const r = this.prepare(query, estimates);
      if ('error' in r) results[i] = r.error;
      else prepared.push({ i, p: r });
    });
    let quantiles: Float32Array | null = null;
    if (this.parts.model && prepared.length > 0) {
      const x = this.features(prepared.map(({ p }) => this.featureInput(p)));
      quantiles = await this.parts.model.predict(x, prepared.length);
    }
    prepared.forEach(({ i, p }, k) => {
      const q = quantiles ? [quantiles[3 * k]!, quantiles[3 * k + 1]!, quantiles[3 * k + 2]!] : null;
      results[i] = this.answer(p, q);
    });
    return results as Prediction[];
  }

  async predict(query: Query): Promise<Prediction> {
    return (await this.predictMany([query]))[0]!;
  }

  private featureInput(p: Prepared): FeatureInput {
    return {
      workload: p.query.workload,
      hw: p.query.hw,
      model: p.query.model,
      estimate: p.estimate,
      metric: p.query.metric,
      runtime: p.query.runtime ?? null,
      scenario: p.query.scenario ?? null,
      batchKnown: p.query.batchKnown ?? true,
    };
  }

  private prepare(query: Query, estimates?: EstimateMemo): Prepared | { error: Prediction } {
    const est = estimates ? estimates.get(query) : rooflineEstimate(query.workload, query.hw);
    if (!est.ok) {
      const neighbour = this.neighbours(query, est.reason);
      return { error: neighbour ?? { ok: false, metric: query.metric, error: est.reason } };
    }
    if (query.metric === 'memory_mb') {
      const mb = est.metrics.memory_mb ?? 0;
      return {
        error: {
          ok: true,
          metric: 'memory_mb',
          value: mb,
          low: mb * 0.85,
          high: mb * 1.25,
          unit: 'MB',
          layer: 'memory-model',
          bound: null,
          boundValue: null,
          explanation: `weights ${gb(est.memory.weights)} + KV ${gb(est.memory.kvCache)} + activations ${gb(est.memory.activations)} + runtime ${gb(est.memory.overhead)}${est.memory.optimizer ? ` + gradients/optimizer ${gb(est.memory.gradients + est.memory.optimizer)}` : ''} per ${(est.fit.devicesNeeded ?? 1) > 1 ? `device of ${est.fit.devicesNeeded}` : 'device'}`,
        },
      };
    }
    const bound = boundValue(est, query.metric);
    if (bound === null)
      return { error: { ok: false, metric: query.metric, error: `no roofline value for ${query.metric}` } };
    return { query, estimate: est, bound };
  }

  private answer(p: Prepared, q: number[] | null): Prediction {
    const { manifest } = this.parts;
    const metric = p.query.metric;
    const phase = p.estimate.bound;
    let logEff: number;
    let lo: number;
    let hi: number;
    let layer: Layer;
    let why: string;
    let evidence: string | undefined;
    const symmetric = manifest.intervals === 'symmetric';
    if (q) {
      const [q10, q50, q90] = [...q].sort((a, b) => a - b) as [number, number, number];
      const refs = this.transfer(p, q50);
      if (refs) {
        logEff = refs.logEff;
        evidence = `transfer:${refs.count >= 5 ? '5+' : refs.count >= 2 ? '2-4' : '1'}`;
        const c =
          manifest.conformal[evidence] ?? manifest.conformal.transfer ?? manifest.conformal.learned ?? 0.5;
        lo = symmetric ? logEff - c : logEff - c - Math.max(0, q50 - q10) * 0.5;
        hi = symmetric ? logEff + c : logEff + c + Math.max(0, q90 - q50) * 0.5;
        layer = 'transfer';
        why = `scaled from ${refs.count} measurement${refs.count > 1 ? 's' : ''} of this model on ${refs.devices}, adjusted by the learned efficiency difference`;
      } else {
        const alpha = manifest.learnedBlend ?? 1;
        const prior =
          alpha < 1 && manifest.prior
            ? priorLogEff(manifest.prior, p.query.runtime ?? null, p.query.hw.kind, metric)
            : null;
        // No measurement of this model elsewhere: the network, leaning on the runtime's typical efficiency.
        const shift = prior === null ? 0 : (1 - alpha) * (prior - q50);
        evidence = `learned:${prior === null ? 'net' : 'prior'}`;
        const c = manifest.conformal[evidence] ?? manifest.conformal.learned ?? 0;
        logEff = q50 + shift;
        lo = symmetric ? logEff - c : q10 + shift - c;
        hi = symmetric ? logEff + c : q90 + shift + c;
        layer = 'learned';
        why = `learned efficiency ${(Math.exp(clampLog(logEff)) * 100).toFixed(0)}% of the ${phase}-bound roofline${prior === null ? '' : ` (the network ${Math.round(alpha * 100)}%, this runtime's typical ${(Math.exp(prior) * 100).toFixed(0)}% on ${p.query.hw.kind} devices ${Math.round((1 - alpha) * 100)}%)`}`;
      }
    } else {
      const key = `${p.query.hw.kind}:${p.estimate.phases[0]!.phase}`;
      const typical =
        manifest.typicalEfficiency[key] ??
        manifest.typicalEfficiency[`*:${p.estimate.phases[0]!.phase}`] ??
        0.3;
      const spread = manifest.typicalSpread[key] ?? [1, 1];
      logEff = Math.log(typical);
      lo = logEff - spread[0];
      hi = logEff + spread[1];
      layer = 'roofline-typical';
      why = `no learned model loaded: roofline with the typical ${(typical * 100).toFixed(0)}% efficiency of ${p.query.hw.kind} devices`;
    }
    const eff = Math.exp(clampLog(logEff));
    const value = valueFromEfficiency(metric, p.bound, eff);
    const a = valueFromEfficiency(metric, p.bound, Math.exp(clampLog(lo)));
    const b = valueFromEfficiency(metric, p.bound, Math.exp(clampLog(hi)));
    return {
      ok: true,
      metric,
      value,
      low: Math.min(a, b, value),
      high: Math.max(a, b, value),
      unit: METRIC_UNITS[metric],
      layer,
      bound: phase,
      boundValue: p.bound,
      explanation: `${why}; ${phase}-bound at ${fmt(p.bound)} ${METRIC_UNITS[metric]} ${RATE_METRICS.has(metric) ? 'max' : 'min'}`,
      ...(evidence ? { evidence } : {}),
    };
  }

  /** Transfer from measured references of the same model on other devices (Habitat-style). */
  private transfer(p: Prepared, q50: number): { logEff: number; count: number; devices: string } | null {
    const index = this.parts.references;
    if (!index) return null;
    const w = p.query.workload;
    const found = index.find({
      modelId: p.query.model.id,
      hardwareId: p.query.hw.id,
      metric: p.query.metric,
      mode: w.mode,
      precision: w.precision,
      batch: p.query.batchKnown === false ? null : w.batch,
      promptTokens: w.promptTokens ?? null,
      genTokens: w.genTokens ?? null,
      seqLen: w.seqLen ?? null,
      imageSize: w.imageSize ?? null,
      runtime: p.query.runtime ?? null,
      vendor: p.query.hw.vendor.toLowerCase(),
      kind: p.query.hw.kind,
    });
    if (found.length === 0) return null;
    const logEff = weightedLogMean(
      found.map(({ ref, weight }) => ({
        log: Math.log(ref.efficiency) + (q50 - ref.predictedLogEff),
        weight,
      })),
    );
    const names: string[] = [];
    for (const f of found) {
      const id = f.ref.row.hardware_id;
      if (names.length < 3 && !names.includes(id)) names.push(id);
    }
    const devices = names.join(', ');
    return { logEff, count: found.length, devices };
  }

  /** Last resort when no roofline can be computed: measured rows of the same model and metric on this device. */
  private neighbours(query: Query, reason: string): Prediction | null {
    const rows = (this.measured.get(`${query.model.id}|${query.hw.id}`) ?? []).filter(
      (r) =>
        r.metric === query.metric &&
        r.mode === query.workload.mode &&
        r.precision === query.workload.precision,
    );
    if (rows.length === 0) return null;
    const dist = (r: MeasurementRow) =>
      Math.abs(Math.log2((r.batch_size ?? query.workload.batch) / query.workload.batch));
    const near = [...rows].sort((a, b) => dist(a) - dist(b)).slice(0, 5);
    const d0 = dist(near[0]!);
    const same = near.filter((r) => dist(r) === d0);
    const values = same.map((r) => r.value);
    const value = Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
    return {
      ok: true,
      metric: query.metric,
      value,
      low: Math.min(...values) * 0.8,
      high: Math.max(...values) * 1.25,
      unit: METRIC_UNITS[query.metric],
      layer: 'neighbours',
      bound: null,
      boundValue: null,
      explanation: `no roofline (${reason}); ${same.length} measurement${same.length > 1 ? 's' : ''} of this model on this device at batch ${same[0]!.batch_size ?? '?'}`,
    };
  }
}

/** Everything in a workload but the model: with the model and device, it decides the roofline estimate. */
const workloadShape = (w: Workload) =>
  `${w.mode}|${w.batch}|${w.precision}|${w.nDevices}|${w.parallelism ?? ''}|${w.layout ? `${w.layout.tp}x${w.layout.pp}` : ''}|${w.seqLen ?? ''}|${w.promptTokens ?? ''}|${w.genTokens ?? ''}|${w.imageSize ?? ''}|${w.runtime ?? ''}|${w.kvPrecision ?? ''}`;

/**
 * Roofline estimates memoized by workload and device within one batch. Model and device rows are keyed by
 * identity (a custom model never shares an entry with a catalog model of the same id), the rest by value.
 */
class EstimateMemo {
  private readonly byObjects = new WeakMap<object, WeakMap<object, Map<string, RooflineEstimate>>>();

  get(q: Query): RooflineEstimate {
    const w = q.workload;
    let byHw = this.byObjects.get(w.model);
    if (!byHw) this.byObjects.set(w.model, (byHw = new WeakMap()));
    let byShape = byHw.get(q.hw);
    if (!byShape) byHw.set(q.hw, (byShape = new Map()));
    const key = workloadShape(w);
    let est = byShape.get(key);
    if (!est) byShape.set(key, (est = rooflineEstimate(w, q.hw)));
    return est;
  }
}

const DERIVED: ReadonlySet<Metric> = new Set(['ttft_ms', 'tpot_ms', 'latency_ms', 'throughput']);

/** LLM generation at a known batch outside a server scenario: its time metrics come from the two phase rates. */
function derivesFromPhases(q: Query): boolean {
  // A static batch at a stated size is prefill then decode steps whatever the benchmark calls it (a latency
  // table's batch run, a first-token row); a server's queueing and a max-load run at an unstated batch are not.
  const phased = !q.scenario || (q.batchKnown !== false && !/server|interactive/i.test(q.scenario));
  return DERIVED.has(q.metric) && phased && q.workload.mode === 'inference' && isGenerative(q.workload.model);
}

const LAYER_ORDER: Layer[] = ['neighbours', 'roofline-typical', 'learned', 'transfer', 'memory-model'];

/** TTFT, TPOT, latency or throughput from predicted prefill and decode rates (intervals combined end to end). */
function combinePhases(q: Query, prefill: Prediction, decode: Prediction): Prediction {
  if (!prefill.ok) return { ok: false, metric: q.metric, error: prefill.error };
  if (!decode.ok) return { ok: false, metric: q.metric, error: decode.error };
  const w = q.workload;
  const B = w.batch;
  const S = w.promptTokens ?? DEFAULTS.promptTokens;
  const G = w.genTokens ?? DEFAULTS.genTokens;
  // [fast, typical, slow] ends for each phase time (seconds): ttft for the whole prompt, tpot per step.
  const ttft = [prefill.high, prefill.value, prefill.low].map((r) => (B * S) / r) as [number, number, number];
  const tpot = [decode.high, decode.value, decode.low].map((r) => B / r) as [number, number, number];
  const latency = ttft.map((t, k) => t + G * tpot[k]!) as [number, number, number];
  const pick = (): {
    v: [number, number, number];
    unit: 'ms' | 'items/s';
    bound: BoundKind | null;
    boundValue: number | null;
  } => {
    switch (q.metric) {
      case 'ttft_ms':
        return {
          v: ttft.map((x) => x * 1000) as [number, number, number],
          unit: 'ms',
          bound: prefill.bound,
          boundValue: prefill.boundValue === null ? null : ((B * S) / prefill.boundValue) * 1000,
        };
      case 'tpot_ms':
        return {
          v: tpot.map((x) => x * 1000) as [number, number, number],
          unit: 'ms',
          bound: decode.bound,
          boundValue: decode.boundValue === null ? null : (B / decode.boundValue) * 1000,
        };
      case 'latency_ms':
        return {
          v: latency.map((x) => x * 1000) as [number, number, number],
          unit: 'ms',
          bound: decode.bound,
          boundValue: phaseLatency(prefill, decode, B, S, G),
        };
      default: {
        const bl = phaseLatency(prefill, decode, B, S, G);
        return {
          v: latency.map((x) => (B * G) / x) as [number, number, number],
          unit: 'items/s',
          bound: decode.bound,
          boundValue: bl === null ? null : (B * G) / (bl / 1000),
        };
      }
    }
  };
  const { v, unit, bound, boundValue } = pick();
  const layer = LAYER_ORDER[Math.min(LAYER_ORDER.indexOf(prefill.layer), LAYER_ORDER.indexOf(decode.layer))]!;
  return {
    ok: true,
    metric: q.metric,
    value: v[1],
    low: Math.min(v[0], v[2]),
    high: Math.max(v[0], v[2]),
    unit,
    layer,
    bound,
    boundValue,
    explanation: `from predicted prefill ${fmt(prefill.value)} tokens/s (${prefill.layer}) and decode ${fmt(decode.value)} tokens/s (${decode.layer}) for batch ${B}, prompt ${S}, ${G} generated`,
  };
}

/** End-to-end latency bound (ms) from the phase bounds. */
function phaseLatency(
  prefill: Prediction & { ok: true },
  decode: Prediction & { ok: true },
  B: number,
  S: number,
  G: number,
): number | null {
  if (prefill.boundValue === null || decode.boundValue === null) return null;
  return ((B * S) / prefill.boundValue + (G * B) / decode.boundValue) * 1000;
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(bytes < 1e9 ? 2 : 1)} GB`;
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3));

/** Build references from observations and the model's median log-efficiency for each. */
export function buildReferences(
  obs: readonly { row: MeasurementRow; hw: HardwareRow; efficiency: number }[],
  predictedLogEff: ArrayLike<number>,
): ReferenceIndex {
  const refs: Reference[] = obs.map((o, i) => ({
    row: o.row,
    efficiency: Math.min(o.efficiency, 1),
    predictedLogEff: predictedLogEff[i] ?? 0,
    hwVendor: o.hw.vendor.toLowerCase(),
    hwKind: o.hw.kind,
  }));
  return new ReferenceIndex(refs);
}
