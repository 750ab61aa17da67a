/**
 * The prediction engine: roofline bound → learned efficiency (adjusted by measured references when the same
 * model was measured on other devices) → roofline with a typical efficiency → nearest measured neighbours.
 * Every answer names the layer that produced it and why. No answer is faster than its roofline bound.
 */
import {
  METRIC_UNITS,
  type HardwareRow,
  type MeasurementRow,
  type Metric,
  type ModelRow,
} from '../catalog/schema.ts';
import { runtimeClassOf } from '../catalog/runtime.ts';
import { YOURS_PREFIX } from '../import/types.ts';
import type { BoundKind } from '../roofline/bound.ts';
import { rooflineEstimate, type RooflineEstimate } from '../roofline/estimate.ts';
import { DEFAULTS, isGenerative, type Workload } from '../roofline/workload.ts';
import { predictConsistent } from './consistency.ts';
import { priorLogEff, runtimePrior, runtimeSeen, SUPPORT_ROWS, supportKey } from './prior.ts';
import {
  FEATURE_COUNT,
  featurizeInto,
  phaseFor,
  runtimeClass,
  standardizeInPlace,
  type FeatureInput,
} from './featurize.ts';
import { boundValue, RATE_METRICS, valueFromEfficiency } from './observation.ts';
import { modelShape } from './twins.ts';
import { ReferenceIndex, weightedLogMean, type Reference, type ReferenceQuery } from './references.ts';
import {
  TRANSFER_DEFAULTS,
  type EfficiencyModel,
  type Layer,
  type Manifest,
  type Prediction,
  type Query,
} from './types.ts';

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
  /**
   * Devices (ids) a calibrated model was tuned on with your rows: none of its predictions there is compared
   * with other devices by their specs (consistency.ts).
   */
  ownDevices?: ReadonlySet<string>;
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
    const out = new Float32Array(inputs.length * FEATURE_COUNT);
    for (let r = 0; r < inputs.length; r++) featurizeInto(inputs[r]!, out, r * FEATURE_COUNT);
    return standardizeInPlace(out, this.parts.manifest.mean, this.parts.manifest.std);
  }

  /**
   * Predict many queries at once (one batched call into the learned model). For LLM generation without a
   * benchmark scenario, TTFT, TPOT, end-to-end latency and throughput are derived from the predicted prefill
   * and decode rates of the same workload, so every metric of one workload tells the same story.
   */
  async predictMany(asked: readonly Query[], options: { consistency?: boolean } = {}): Promise<Prediction[]> {
    const queries = asked.map(withRuntimeClass);
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
      if (!derivesFromPhases(q) || this.prefersDirect(q)) return { direct: expanded.push(q) - 1 };
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
      this.parts.ownDevices,
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

  /**
   * For calibration (train/pipeline.ts): what each query's direct answer is made of, so the settings that
   * combine the parts (transfer shrink, learned blend and deviation) can be scored without predicting again.
   * Transfer under the same runtime: log-efficiency = measured + shrink × difference. Learned: the network's
   * median and the runtime's typical log-efficiency. Null: a query answered otherwise.
   */
  async calibrationTerms(queries: readonly Query[]): Promise<(CalibrationTerms | null)[]> {
    const estimates = new EstimateMemo();
    const prepared: { i: number; p: Prepared }[] = [];
    queries.forEach((query, i) => {
      const r = this.prepare(withRuntimeClass(query), estimates);
      if (!('error' in r)) prepared.push({ i, p: r });
    });
    const out: (CalibrationTerms | null)[] = queries.map(() => null);
    const { model, manifest } = this.parts;
    if (!model || prepared.length === 0) return out;
    const x = this.features(prepared.map(({ p }) => this.featureInput(p)));
    const q = await model.predict(x, prepared.length);
    prepared.forEach(({ i, p }, k) => {
      const q50 = median3(q, 3 * k);
      const t = this.transfer(p, q50);
      if (t) {
        if (t.sameRuntime)
          out[i] = {
            kind: 'transfer',
            measured: t.measured,
            difference: t.difference,
            scaling: t.scaling,
            boundKind: t.boundKind,
            bound: p.bound,
            keys: t.keys,
          };
        return;
      }
      const runtime = runtimeClass(p.query.runtime ?? null);
      const rt = p.query.runtime ?? null;
      if (!this.runtimeSeen(rt) || !manifest.prior) return;
      const prior = priorLogEff(manifest.prior, rt, p.query.hw.kind, p.query.metric);
      if (prior !== null)
        out[i] = { kind: 'learned', q50, prior, share: this.support(p.query).share, bound: p.bound, runtime };
    });
    return out;
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
    let ownDevice = false;
    const symmetric = manifest.intervals === 'symmetric';
    if (q) {
      const [q10, q50, q90] = [...q].sort((a, b) => a - b) as [number, number, number];
      const refs = this.transfer(p, q50);
      if (refs) {
        logEff = refs.logEff;
        evidence = `transfer:${refs.sameRuntime ? 'runtime' : 'other'}:${refs.distance < 0.5 ? 'near' : refs.distance < 1.5 ? 'mid' : 'far'}`;
        const c =
          manifest.conformal[evidence] ?? manifest.conformal.transfer ?? manifest.conformal.learned ?? 0.5;
        lo = symmetric ? logEff - c : logEff - c - Math.max(0, q50 - q10) * 0.5;
        hi = symmetric ? logEff + c : logEff + c + Math.max(0, q90 - q50) * 0.5;
        layer = 'transfer';
        ownDevice = refs.yoursHere > 0;
        why = `scaled from ${refs.count} measurement${refs.count > 1 ? 's' : ''} of ${refs.twins ? `this model's architectural twin${refs.twins.includes(',') ? 's' : ''} ${refs.twins}${refs.twinsOnly ? '' : ' and this model'}` : 'this model'} on ${refs.devices}${refs.yours ? ` (${refs.yours} from your data: ${refs.yoursRows})` : ''}${refs.sameRuntime ? ' under the same runtime' : ' under other runtimes'}, through this device's own bound${refs.shrink > 0 ? ', adjusted by the learned efficiency difference' : ''}${scalingNote(refs)}`;
      } else {
        // A runtime the training data never saw: the network's runtime input is untrained, so the answer is
        // the typical efficiency of every runtime on this kind of device.
        const unseen = !this.runtimeSeen(p.query.runtime ?? null);
        const support = this.support(p.query);
        const alpha = unseen ? 0 : (manifest.learnedBlend ?? 1) * support.share;
        const prior = !manifest.prior
          ? null
          : unseen
            ? // Nothing known of this runtime: the typical efficiency of every runtime on every device.
              (manifest.prior[`*|*|${metric}`] ?? null)
            : alpha < 1
              ? priorLogEff(manifest.prior, p.query.runtime ?? null, p.query.hw.kind, metric)
              : null;
        // No measurement of this model elsewhere: the network, leaning on the runtime's typical efficiency.
        // The network corrects the runtime's typical efficiency by at most ±maxDeviation (log): far from its
        // training data it extrapolates without limit, and a correction it cannot support must stay bounded.
        const dev = manifest.learnedMaxDeviation ?? Infinity;
        const shift = prior === null ? 0 : prior + alpha * Math.max(-dev, Math.min(dev, q50 - prior)) - q50;
        evidence = `learned:${unseen ? 'unseen-runtime' : prior === null ? 'net' : 'prior'}`;
        const c = manifest.conformal[evidence] ?? manifest.conformal.learned ?? 0;
        logEff = q50 + shift;
        lo = symmetric ? logEff - c : q10 + shift - c;
        hi = symmetric ? logEff + c : q90 + shift + c;
        layer = 'learned';
        why = unseen
          ? `no measurement under this runtime in the training data: the typical ${(Math.exp(clampLog(logEff)) * 100).toFixed(0)}% efficiency of measured runtimes on ${p.query.hw.kind} devices, of the ${phase}-bound roofline`
          : `learned efficiency ${(Math.exp(clampLog(logEff)) * 100).toFixed(0)}% of the ${phase}-bound roofline${prior === null ? '' : ` (the network ${Math.round(alpha * 100)}%, this runtime's typical ${(Math.exp(prior) * 100).toFixed(0)}% on ${p.query.hw.kind} devices ${Math.round((1 - alpha) * 100)}%${support.share < 1 ? `; ${support.rows} training rows of this runtime on ${p.query.hw.vendor} ${p.query.hw.kind} devices` : ''})`}`;
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
      ...(ownDevice ? { ownDevice } : {}),
    };
  }

  /**
   * How far the network is trusted away from the runtime's typical efficiency: rows / (rows + SUPPORT_ROWS)
   * of training rows under this runtime class on this vendor's devices of this kind (1 for models trained
   * before the table existed). Far from its data the network extrapolates; with no such rows it is not used.
   */
  private support(q: Query): { rows: number; share: number } {
    const table = this.parts.manifest.support;
    if (!table) return { rows: Infinity, share: 1 };
    const rows = table[supportKey(q.runtime ?? null, q.hw.vendor, q.hw.kind)] ?? 0;
    return { rows, share: rows / (rows + SUPPORT_ROWS) };
  }

  /** Whether the training data holds the runtime's class (true without a prior table: nothing to tell). */
  private runtimeSeen(runtime: string | null): boolean {
    const prior = this.parts.manifest.prior;
    return !prior || runtimeSeen(prior, runtime);
  }

  /** The reference lookup for a query's workload and metric (device specs from its roofline estimate). */
  private referenceQuery(q: Query, metric: Metric, est: RooflineEstimate | null): ReferenceQuery {
    const w = q.workload;
    return {
      modelId: q.model.id,
      modelShape: modelShape(q.model),
      hardwareId: q.hw.id,
      metric,
      mode: w.mode,
      precision: w.precision,
      batch: q.batchKnown === false ? null : w.batch,
      promptTokens: w.promptTokens ?? null,
      genTokens: w.genTokens ?? null,
      seqLen: w.seqLen ?? null,
      imageSize: w.imageSize ?? null,
      runtime: q.runtime ?? null,
      vendor: q.hw.vendor.toLowerCase(),
      kind: q.hw.kind,
      peakTflops: est && est.ok ? est.peakTflops : null,
      memBwGbs: q.hw.mem_bw_gbs,
      nDevices: w.nDevices,
    };
  }

  /**
   * How strong the evidence for a metric of a query is: 3 the same model measured under the same runtime
   * class on another device, 2 under another runtime, 1 the runtime's own typical efficiency, 0 none.
   */
  private evidenceLevel(q: Query, metric: Metric): number {
    const found = this.parts.references?.find(this.referenceQuery(q, metric, null)) ?? [];
    if (found.some((f) => f.sameRuntime)) return 3;
    if (found.length > 0) return 2;
    const prior = this.parts.manifest.prior;
    return prior && runtimePrior(prior, q.runtime ?? null, q.hw.kind, metric) !== null ? 1 : 0;
  }

  /**
   * A generation metric is derived from the two phase rates unless the metric itself has stronger evidence
   * than the weaker phase (a latency measured on a similar device under the same runtime beats a latency
   * rebuilt from phase rates nobody measured for this model).
   */
  private prefersDirect(q: Query): boolean {
    if (!this.parts.references && !this.parts.manifest.prior) return false;
    const direct = this.evidenceLevel(q, q.metric);
    if (direct === 0) return false;
    return (
      direct > Math.min(this.evidenceLevel(q, 'prefill_tokens_s'), this.evidenceLevel(q, 'decode_tokens_s'))
    );
  }

  /**
   * Transfer from measured references of the same model on other devices (Habitat-style): their achieved
   * efficiency, nearest device first, through this device's own bound; under the same runtime class when
   * any exists. The network's efficiency difference between the two devices corrects it, shrunk and capped
   * (manifest.transfer), so the answer stays near what the nearest measurement implies.
   */
  private transfer(
    p: Prepared,
    q50: number,
  ): {
    logEff: number;
    measured: number;
    difference: number;
    /** Weighted mean log ratio of the bounding resource, this device over the references' devices. */
    scaling: number;
    boundKind: 'compute' | 'memory';
    /** The share of that ratio the runtime does not turn into speed (0: plain roofline scaling). */
    elasticity: number;
    /** The share of the learned difference kept (0: none). */
    shrink: number;
    /** The keys the query runtime's settings are read under (settingKeys). */
    keys: string[];
    count: number;
    /** How many of the counted references are imported rows (your data). */
    yours: number;
    /** Of them, how many were measured on the query's own device. */
    yoursHere: number;
    /** Which of your rows, "llama-bench row 3, timm row 1" (the first three, then "…"). */
    yoursRows: string;
    /** Models of the counted references that are architectural twins of the query's (ids), or ''. */
    twins: string;
    /** Whether every counted reference is a twin's. */
    twinsOnly: boolean;
    devices: string;
    distance: number;
    sameRuntime: boolean;
  } | null {
    const index = this.parts.references;
    if (!index) return null;
    const t = { ...TRANSFER_DEFAULTS, ...this.parts.manifest.transfer };
    const keys = settingKeys(p.query.runtime ?? null);
    const tau = settingFor(t.tauByRuntime, keys) ?? t.tau;
    const found = index.find(this.referenceQuery(p.query, p.query.metric, p.estimate), 8, tau);
    if (found.length === 0) return null;
    const sameRuntime = found.some((f) => f.sameRuntime);
    // A runtime the training data never saw: other runtimes' efficiency says nothing about it.
    if (!sameRuntime && !this.runtimeSeen(p.query.runtime ?? null)) return null;
    const runtimeTier = sameRuntime ? found.filter((f) => f.sameRuntime) : found;
    // The same workload shape (device count and lengths) first: a reference at the query's own lengths and
    // device count says more than a nearer device measured at another shape.
    const shapeTier = runtimeTier.filter((f) => f.sameShape);
    const use = shapeTier.length > 0 ? shapeTier : runtimeTier;
    const cap = (x: number) => Math.max(-t.maxCorrection, Math.min(t.maxCorrection, x));
    // log-efficiency = measured + shrink × learned difference, both weighted means over the references.
    const measured = weightedLogMean(
      use.map(({ ref, weight }) => ({ log: Math.log(ref.efficiency), weight })),
    );
    const difference = weightedLogMean(
      use.map(({ ref, weight }) => ({ log: cap(q50 - ref.predictedLogEff), weight })),
    );
    const shrink = sameRuntime ? (settingFor(t.shrinkByRuntime, keys) ?? t.shrink) : 1;
    // How much faster this device's bounding resource is than each reference's (log), and the share of that
    // ratio the runtime fails to turn into speed (calibrated per runtime class and bound kind).
    const { scaling, boundKind } = resourceScaling(p, use);
    const elasticity = sameRuntime
      ? (settingFor(t.elasticityByRuntime, keys, boundKind) ?? t.elasticity ?? 0)
      : 0;
    const logEff = measured + shrink * difference - elasticity * scaling;
    const top = use[0]!.weight;
    const counted = use.filter((f) => f.weight >= 0.1 * top);
    const mine = counted.filter((f) => f.ref.row.source_id.startsWith(YOURS_PREFIX)).map((f) => f.ref.row);
    const names: string[] = [];
    for (const f of counted) {
      const id = f.ref.row.hardware_id;
      if (names.length < 3 && !names.includes(id)) names.push(id);
    }
    return {
      logEff,
      measured,
      difference,
      scaling,
      boundKind,
      elasticity,
      shrink,
      keys,
      count: counted.length,
      yours: mine.length,
      yoursRows: `${mine
        .slice(0, 3)
        .map((r) => `${r.source_id.slice(YOURS_PREFIX.length)} row ${r.source_row}`)
        .join(', ')}${mine.length > 3 ? ', …' : ''}`,
      yoursHere: counted.filter(
        (f) => f.ref.row.source_id.startsWith(YOURS_PREFIX) && f.ref.row.hardware_id === p.query.hw.id,
      ).length,
      twins: [...new Set(counted.filter((f) => f.twin).map((f) => f.ref.row.model_id))]
        .slice(0, 3)
        .join(', '),
      twinsOnly: counted.every((f) => f.twin),
      devices: names.join(', '),
      distance: use[0]!.distance,
      sameRuntime,
    };
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

/**
 * A query with its runtime as the class it is for its model (TensorRT serving a generative LLM is TensorRT-LLM),
 * so features, references, the prior and the support table all read one class; a null runtime stays null.
 */
function withRuntimeClass(q: Query): Query {
  if (q.runtime == null) return q;
  const runtime = runtimeClassOf(q.runtime, { generative: isGenerative(q.model) });
  return runtime === q.runtime ? q : { ...q, runtime };
}

/** Everything in a workload but the model: with the model and device, it decides the roofline estimate. */
const workloadShape = (w: Workload) =>
  `${w.mode}|${w.batch}|${w.precision}|${w.nDevices}|${w.parallelism ?? ''}|${w.layout ? `${w.layout.tp}x${w.layout.pp}` : ''}|${w.seqLen ?? ''}|${w.promptTokens ?? ''}|${w.genTokens ?? ''}|${w.imageSize ?? ''}|${w.runtime ?? ''}|${w.kvPrecision ?? ''}|${w.threads ?? ''}`;

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

/**
 * The log ratio of the resource bounding a query's phase on its device over the same resource on each
 * reference's device, weighted like the references: dense peak where the phase is compute-bound, bandwidth
 * where memory-bound, mixed by the phase's compute share near the ridge (so the answer moves smoothly with
 * batch). A runtime that scales perfectly turns this ratio into speed one for one.
 */
function resourceScaling(
  p: Prepared,
  use: readonly { ref: Reference; weight: number }[],
): { scaling: number; boundKind: 'compute' | 'memory' } {
  const phase = phaseFor(p.estimate, p.query.metric);
  const busy = phase.computeSeconds + phase.memorySeconds;
  const share = busy > 0 ? phase.computeSeconds / busy : 0;
  const peak = p.estimate.peakTflops;
  const bw = p.query.hw.mem_bw_gbs ?? 0;
  const logRatio = (a: number, b: number) => (a > 0 && b > 0 ? Math.log(a / b) : 0);
  const scaling = weightedLogMean(
    use.map(({ ref, weight }) => ({
      log: share * logRatio(peak, ref.peakTflops) + (1 - share) * logRatio(bw, ref.memBwGbs),
      weight,
    })),
  );
  return { scaling: Number.isFinite(scaling) ? scaling : 0, boundKind: share >= 0.5 ? 'compute' : 'memory' };
}

/** "; this runtime turns 2.7× the dense peak into 1.5× the speed", where the elasticity loss applies. */
function scalingNote(t: { scaling: number; elasticity: number; boundKind: 'compute' | 'memory' }): string {
  if (t.elasticity <= 0 || Math.abs(t.scaling) < 0.05) return '';
  const ratio = Math.exp(t.scaling);
  const speed = Math.exp((1 - t.elasticity) * t.scaling);
  const resource = t.boundKind === 'compute' ? 'dense peak' : 'bandwidth';
  return `; this runtime turns ${ratio.toFixed(2)}× the ${resource} into ${speed.toFixed(2)}× the speed (measured on devices held out in training)`;
}

/**
 * The keys a runtime's transfer settings are stored under, most specific first: its class (runtime.ts) and
 * the feature class it shares with similar runtimes (whisper.cpp with llama.cpp, vLLM with SGLang).
 */
export function settingKeys(runtime: string | null): string[] {
  const fine = runtimeClassOf(runtime);
  const feature = runtimeClass(runtime);
  return fine === feature ? [fine] : [fine, feature];
}

/** A per-runtime setting: for each key, its bound kind's value then its own (types.ts TransferSettings). */
export function settingFor(
  by: Record<string, number> | undefined,
  keys: readonly string[],
  boundKind?: 'compute' | 'memory',
): number | undefined {
  if (!by) return undefined;
  for (const k of keys) {
    const v = (boundKind ? by[`${k}:${boundKind}`] : undefined) ?? by[k];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The median of three values at `o`. */
const median3 = (q: ArrayLike<number>, o: number) => {
  const [a, b, c] = [q[o]!, q[o + 1]!, q[o + 2]!];
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
};

export type CalibrationTerms =
  | {
      kind: 'transfer';
      measured: number;
      difference: number;
      scaling: number;
      boundKind: 'compute' | 'memory';
      bound: number;
      /** The keys its runtime's settings are stored under (settingKeys). */
      keys: string[];
    }
  | { kind: 'learned'; q50: number; prior: number; share: number; bound: number; runtime: string };

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
  obs: readonly {
    row: MeasurementRow;
    /** The measured model (its shape lets twins use the reference); absent: no twin may. */
    model?: ModelRow;
    hw: HardwareRow;
    efficiency: number;
    estimate: { peakTflops: number };
  }[],
  predictedLogEff: ArrayLike<number>,
): ReferenceIndex {
  const refs: Reference[] = obs.map((o, i) => ({
    row: o.row,
    modelShape: o.model ? modelShape(o.model) : null,
    efficiency: Math.min(o.efficiency, 1),
    predictedLogEff: predictedLogEff[i] ?? 0,
    hwVendor: o.hw.vendor.toLowerCase(),
    hwKind: o.hw.kind,
    peakTflops: o.estimate.peakTflops,
    memBwGbs: o.hw.mem_bw_gbs ?? 0,
  }));
  return new ReferenceIndex(refs);
}
