/**
 * Physics an engineer checks at a glance, over the whole catalog: a device with more bandwidth and compute is
 * never slower, SXM never loses to PCIe, fewer bytes per weight decode faster, throughput and latency grow with
 * batch, a larger model is never faster, and nothing beats its roofline. Each check pairs predictions from any
 * `predict` function (the engine, a fallback, a fake) and lists the pairs that break it.
 */
import {
  METRIC_UNITS,
  type HardwareKind,
  type HardwareRow,
  type Metric,
  type ModelRow,
} from '../catalog/schema.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { MAX_DEVICES } from '../roofline/memory.ts';
import { precisionSupport } from '../roofline/precision.ts';
import { DEFAULTS, isGenerative, isSequenceModel, type Workload } from '../roofline/workload.ts';
import { RATE_METRICS } from './observation.ts';
import type { Prediction, Query } from './types.ts';

export const INVARIANTS = [
  'decode-dominance',
  'sxm-over-pcie',
  'compute-dominance',
  'fewer-bytes',
  'batch-monotone',
  'model-size',
  'within-roofline',
] as const;
export type InvariantId = (typeof INVARIANTS)[number];

/** `a` was expected to be at least as fast as `b` (higher rate, lower time); `ratio` > 1 is by how much it is not. */
export interface Violation {
  invariant: InvariantId;
  detail: string;
  a: string;
  b: string;
  ratio: number;
}

export interface InvariantReport {
  violations: Violation[];
  /** Pairs (or, for within-roofline, predictions) compared per invariant. */
  checked: Record<InvariantId, number>;
}

export type PredictFn = (queries: readonly Query[]) => Promise<Prediction[]>;

export interface InvariantCatalog {
  hardware: readonly HardwareRow[];
  models: readonly ModelRow[];
}

export interface InvariantOptions {
  /** Relative slack before a pair counts as a violation (float noise). */
  tolerance: number;
  /** Device kinds compared (browsers and CPUs are left out by default). */
  kinds: readonly HardwareKind[];
  /** LLMs for batch-1 decode (dominance, SXM/PCIe, fewer bytes). */
  decodeModels: readonly string[];
  decodePrecisions: readonly string[];
  /** Compute-bound work: LLM prefill (2,048-token prompt, batch 8) and CNN / encoder forward passes. */
  computeModels: readonly string[];
  computePrecisions: readonly string[];
  /** Models whose throughput and latency are followed from batch 1 to `maxBatch`. */
  batchModels: readonly string[];
  batchPrecisions: readonly string[];
  maxBatch: number;
  /** One family, smallest first: each is never faster than the one before it. */
  familyChain: readonly string[];
  familyPrecisions: readonly string[];
  /** Memory-bound pairs [more bytes, fewer bytes, minimum speed-up]; Hopper's fp8 gets `hopperFp8Speedup`. */
  fewerBytes: readonly (readonly [string, string, number])[];
  hopperFp8Speedup: number;
}

export const DEFAULT_INVARIANT_OPTIONS: InvariantOptions = {
  tolerance: 0.005,
  kinds: ['gpu', 'soc-gpu', 'tpu', 'npu'],
  decodeModels: ['llama-3.1-8b', 'llama-3.1-70b', 'mixtral-8x7b'],
  decodePrecisions: ['fp16', 'bf16', 'fp8', 'int8', 'int4', 'q4_k_m'],
  computeModels: ['llama-3.1-8b', 'resnet50.tv_in1k', 'bert-base-uncased'],
  computePrecisions: ['fp16', 'bf16', 'fp8', 'int8'],
  batchModels: ['llama-3.1-8b', 'mixtral-8x7b', 'resnet50.tv_in1k', 'bert-base-uncased'],
  batchPrecisions: ['fp16', 'fp8'],
  maxBatch: 64,
  familyChain: ['llama-3.1-8b', 'llama-3.1-70b', 'llama-3.1-405b'],
  familyPrecisions: ['fp16', 'fp8', 'q4_k_m'],
  fewerBytes: [
    ['fp16', 'fp8', 1],
    ['int8', 'int4', 1],
    ['q8_0', 'q4_k_m', 1],
  ],
  hopperFp8Speedup: 1.3,
};

/** One prediction to make: a model on n devices of one kind at one precision and batch. */
interface Case {
  hw: HardwareRow;
  model: ModelRow;
  precision: string;
  batch: number;
  nDevices: number;
  metric: Metric;
  promptTokens?: number;
}

type Ok = Prediction & { ok: true };

/** A check: the cases it needs, then (once all are predicted) its pairs. */
interface Check {
  cases: Case[];
  evaluate(report: (v: Pairing) => void): void;
}

interface Pairing {
  invariant: InvariantId;
  a: Case;
  b: Case;
  /** What a and b differ in (device, precision, batch or model); the rest of the case is described once. */
  aLabel: string;
  bLabel: string;
  differ: 'hw' | 'precision' | 'batch' | 'model';
  /** a must be at least this many times as fast as b (default 1). */
  factor?: number;
}

function workloadOf(c: Omit<Case, 'metric'>): Workload {
  const w: Workload = {
    model: c.model,
    mode: 'inference',
    batch: c.batch,
    precision: c.precision,
    nDevices: c.nDevices,
  };
  if (isGenerative(c.model)) {
    w.promptTokens = c.promptTokens ?? DEFAULTS.promptTokens;
    w.genTokens = DEFAULTS.genTokens;
  } else if (isSequenceModel(c.model)) w.seqLen = DEFAULTS.seqLen;
  else w.imageSize = c.model.image_size ?? DEFAULTS.imageSize;
  return w;
}

const caseKey = (c: Case) =>
  `${c.hw.id}|${c.model.id}|${c.precision}|${c.batch}|${c.nDevices}|${c.promptTokens ?? ''}|${c.metric}`;
const runKey = (c: Omit<Case, 'metric'>) =>
  `${c.hw.id}|${c.model.id}|${c.precision}|${c.batch}|${c.nDevices}|${c.promptTokens ?? ''}`;

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3));

/** The context every check shares: eligible devices, catalog lookups and the fit memo. */
class Context {
  readonly devices: HardwareRow[];
  private readonly models = new Map<string, ModelRow>();
  private readonly fits = new Map<string, boolean>();

  constructor(
    catalog: InvariantCatalog,
    readonly o: InvariantOptions,
  ) {
    this.devices = catalog.hardware.filter((h) => o.kinds.includes(h.kind));
    for (const m of catalog.models) this.models.set(m.id, m);
  }

  model(id: string): ModelRow | null {
    return this.models.get(id) ?? null;
  }

  /** Does the roofline answer this case (precision supported, specs present) with the workload fitting? */
  runs(c: Omit<Case, 'metric'>): boolean {
    const key = runKey(c);
    let ok = this.fits.get(key);
    if (ok === undefined) {
      const est = rooflineEstimate(workloadOf(c), c.hw);
      ok = est.ok && est.fit.status === 'fits';
      this.fits.set(key, ok);
    }
    return ok;
  }

  /** The fewest devices (powers of two) on which the case fits, or null. */
  devicesNeeded(c: Omit<Case, 'metric' | 'nDevices'>): number | null {
    for (let n = 1; n <= MAX_DEVICES; n *= 2) if (this.runs({ ...c, nDevices: n })) return n;
    return null;
  }
}

const peak = (hw: HardwareRow, precision: string) => {
  const s = precisionSupport(hw, precision);
  return s.ok ? s.peakTflops : 0;
};

/** a has at least b's bandwidth and at least b's peak at this precision (and a ≠ b). */
const dominates = (a: HardwareRow, b: HardwareRow, precision: string) =>
  a !== b && (a.mem_bw_gbs ?? 0) >= (b.mem_bw_gbs ?? 0) && peak(a, precision) >= peak(b, precision);

const specLabel = (hw: HardwareRow, precision: string) =>
  `${hw.id} (${fmt(hw.mem_bw_gbs ?? 0)} GB/s, ${fmt(peak(hw, precision))} TFLOPS)`;

/** Every dominating pair of devices on one kind of work. */
function dominanceCheck(
  ctx: Context,
  invariant: InvariantId,
  works: { model: ModelRow; precision: string; batch: number; promptTokens?: number; metric: Metric }[],
): Check {
  const groups = works.map((w) => ({
    w,
    cases: ctx.devices.map((hw) => ({ ...w, hw, nDevices: 1 })).filter((c) => ctx.runs(c)) as Case[],
  }));
  return {
    cases: groups.flatMap((g) => g.cases),
    evaluate(report) {
      for (const { w, cases } of groups)
        for (const a of cases)
          for (const b of cases)
            if (dominates(a.hw, b.hw, w.precision))
              report({
                invariant,
                a,
                b,
                aLabel: specLabel(a.hw, w.precision),
                bLabel: specLabel(b.hw, w.precision),
                differ: 'hw',
              });
    },
  };
}

const decodeWork = (model: ModelRow, precision: string) => ({
  model,
  precision,
  batch: 1,
  metric: 'decode_tokens_s' as Metric,
});

const prefillWork = (model: ModelRow, precision: string) =>
  isGenerative(model)
    ? { model, precision, batch: 8, promptTokens: 2048, metric: 'prefill_tokens_s' as Metric }
    : { model, precision, batch: isSequenceModel(model) ? 32 : 64, metric: 'throughput' as Metric };

const pick = (ctx: Context, ids: readonly string[]) =>
  ids.map((id) => ctx.model(id)).filter((m): m is ModelRow => m !== null);

const cross = <A, B>(as: readonly A[], bs: readonly B[]) => as.flatMap((a) => bs.map((b) => [a, b] as const));

function sxmPairs(ctx: Context): [HardwareRow, HardwareRow][] {
  const byId = new Map(ctx.devices.map((h) => [h.id, h]));
  const pairs: [HardwareRow, HardwareRow][] = [];
  for (const h of ctx.devices) {
    if (!/-sxm\d*-/.test(h.id)) continue;
    const pcie = byId.get(h.id.replace(/-sxm\d*-/, '-pcie-'));
    if (pcie) pairs.push([h, pcie]);
  }
  return pairs;
}

function sxmCheck(ctx: Context): Check {
  const works = [
    ...cross(pick(ctx, ctx.o.decodeModels), ctx.o.decodePrecisions).map(([m, p]) => decodeWork(m, p)),
    ...cross(pick(ctx, ctx.o.computeModels), ctx.o.computePrecisions).map(([m, p]) => prefillWork(m, p)),
  ];
  const pairs: [Case, Case][] = [];
  for (const [sxm, pcie] of sxmPairs(ctx))
    for (const w of works) {
      const a: Case = { ...w, hw: sxm, nDevices: 1 };
      const b: Case = { ...w, hw: pcie, nDevices: 1 };
      if (ctx.runs(a) && ctx.runs(b)) pairs.push([a, b]);
    }
  return {
    cases: pairs.flat(),
    evaluate(report) {
      for (const [a, b] of pairs)
        report({ invariant: 'sxm-over-pcie', a, b, aLabel: a.hw.id, bLabel: b.hw.id, differ: 'hw' });
    },
  };
}

function fewerBytesCheck(ctx: Context): Check {
  const pairs: { a: Case; b: Case; factor: number }[] = [];
  for (const model of pick(ctx, ctx.o.decodeModels))
    for (const hw of ctx.devices)
      for (const [more, fewer, min] of ctx.o.fewerBytes) {
        const b: Case = { ...decodeWork(model, more), hw, nDevices: 1 };
        const a: Case = { ...decodeWork(model, fewer), hw, nDevices: 1 };
        if (!ctx.runs(a) || !ctx.runs(b)) continue;
        const hopperFp8 = more === 'fp16' && fewer === 'fp8' && /hopper/i.test(hw.architecture ?? '');
        pairs.push({ a, b, factor: hopperFp8 ? ctx.o.hopperFp8Speedup : min });
      }
  return {
    cases: pairs.flatMap((p) => [p.a, p.b]),
    evaluate(report) {
      for (const { a, b, factor } of pairs)
        report({
          invariant: 'fewer-bytes',
          a,
          b,
          aLabel: `${a.hw.id} ${a.precision}`,
          bLabel: `${b.hw.id} ${b.precision}`,
          differ: 'precision',
          factor,
        });
    },
  };
}

function batchCheck(ctx: Context): Check {
  const pairs: [Case, Case][] = [];
  for (const [model, precision] of cross(pick(ctx, ctx.o.batchModels), ctx.o.batchPrecisions))
    for (const hw of ctx.devices)
      for (let batch = 1; 2 * batch <= ctx.o.maxBatch; batch *= 2) {
        const small = { hw, model, precision, batch, nDevices: 1 };
        const big = { ...small, batch: 2 * batch };
        if (!ctx.runs(small) || !ctx.runs(big)) break;
        // Throughput: the bigger batch is at least as fast. Latency: the smaller batch is at least as quick.
        pairs.push([
          { ...big, metric: 'throughput' },
          { ...small, metric: 'throughput' },
        ]);
        pairs.push([
          { ...small, metric: 'latency_ms' },
          { ...big, metric: 'latency_ms' },
        ]);
      }
  return {
    cases: pairs.flat(),
    evaluate(report) {
      for (const [a, b] of pairs)
        report({
          invariant: 'batch-monotone',
          a,
          b,
          aLabel: `${a.hw.id} batch ${a.batch}`,
          bLabel: `${b.hw.id} batch ${b.batch}`,
          differ: 'batch',
        });
    },
  };
}

function modelSizeCheck(ctx: Context): Check {
  const chain = pick(ctx, ctx.o.familyChain);
  const pairs: [Case, Case][] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const [small, large] = [chain[i]!, chain[i + 1]!];
    for (const hw of ctx.devices)
      for (const precision of ctx.o.familyPrecisions)
        for (const work of [decodeWork(large, precision), prefillWork(large, precision)]) {
          const n = ctx.devicesNeeded({ ...work, hw });
          if (n === null) continue;
          const b: Case = { ...work, hw, nDevices: n };
          const a: Case = { ...b, model: small };
          if (ctx.runs(a)) pairs.push([a, b]);
        }
  }
  return {
    cases: pairs.flat(),
    evaluate(report) {
      for (const [a, b] of pairs)
        report({
          invariant: 'model-size',
          a,
          b,
          aLabel: `${a.model.id} on ${a.nDevices} × ${a.hw.id}`,
          bLabel: `${b.model.id} on ${b.nDevices} × ${b.hw.id}`,
          differ: 'model',
        });
    },
  };
}

function checksFor(ctx: Context): Check[] {
  const decode = cross(pick(ctx, ctx.o.decodeModels), ctx.o.decodePrecisions).map(([m, p]) =>
    decodeWork(m, p),
  );
  const compute = cross(pick(ctx, ctx.o.computeModels), ctx.o.computePrecisions).map(([m, p]) =>
    prefillWork(m, p),
  );
  return [
    dominanceCheck(ctx, 'decode-dominance', decode),
    sxmCheck(ctx),
    dominanceCheck(ctx, 'compute-dominance', compute),
    fewerBytesCheck(ctx),
    batchCheck(ctx),
    modelSizeCheck(ctx),
  ];
}

/** The case in words, leaving out what the pair differs in (the labels say it). */
const describeCase = (c: Case, differ: Pairing['differ'] | null = null) =>
  [
    differ === 'model' ? null : c.model.id,
    differ === 'precision' ? null : c.precision,
    differ === 'batch' ? null : `batch ${c.batch}`,
    c.promptTokens ? `prompt ${c.promptTokens}` : null,
    c.nDevices > 1 && differ !== 'model' ? `on ${c.nDevices} devices` : null,
    c.metric,
  ]
    .filter((x) => x !== null)
    .join(' ');

/**
 * Run every invariant over the catalog with `predict`. All cases are predicted in one batched call; a case the
 * predictor cannot answer (ok: false) drops its pairs. Every answered prediction is also checked against its
 * roofline bound (within-roofline).
 */
export async function checkInvariants(
  catalog: InvariantCatalog,
  predict: PredictFn,
  options: Partial<InvariantOptions> = {},
): Promise<InvariantReport> {
  const o = { ...DEFAULT_INVARIANT_OPTIONS, ...options };
  const ctx = new Context(catalog, o);
  const checks = checksFor(ctx);
  const unique = new Map<string, Case>();
  for (const ch of checks) for (const c of ch.cases) if (!unique.has(caseKey(c))) unique.set(caseKey(c), c);
  const cases = [...unique.values()];
  const preds = await predict(
    cases.map((c) => ({ workload: workloadOf(c), hw: c.hw, model: c.model, metric: c.metric })),
  );
  const byKey = new Map<string, Ok>();
  cases.forEach((c, i) => {
    const p = preds[i];
    if (p?.ok) byKey.set(caseKey(c), p);
  });
  const get = (c: Case) => byKey.get(caseKey(c)) ?? null;

  const checked = Object.fromEntries(INVARIANTS.map((id) => [id, 0])) as Record<InvariantId, number>;
  const violations: Violation[] = [];
  const tol = 1 + o.tolerance;

  for (const c of cases) {
    const p = get(c);
    if (!p || p.boundValue === null) continue;
    checked['within-roofline']++;
    const ratio = RATE_METRICS.has(c.metric) ? p.value / p.boundValue : p.boundValue / p.value;
    if (!(ratio <= tol))
      violations.push({
        invariant: 'within-roofline',
        detail: `${describeCase(c)} on ${c.hw.id}: predicted ${fmt(p.value)} beyond the bound ${fmt(p.boundValue)} ${p.unit}`,
        a: c.hw.id,
        b: 'roofline',
        ratio,
      });
  }

  const report = ({ invariant, a, b, aLabel, bLabel, differ, factor = 1 }: Pairing) => {
    const pa = get(a);
    const pb = get(b);
    if (!pa || !pb) return;
    checked[invariant]++;
    // How many times faster b is than a was allowed to be (rates: higher is faster; times: lower).
    const ratio = (RATE_METRICS.has(a.metric) ? pb.value / pa.value : pa.value / pb.value) * factor;
    if (ratio <= tol) return;
    const need = factor === 1 ? '' : ` (needs ≥ ${factor}×)`;
    violations.push({
      invariant,
      detail: `${describeCase(a, differ)}: ${aLabel} ${fmt(pa.value)} vs ${bLabel} ${fmt(pb.value)} ${pa.unit}${need}`,
      a: aLabel,
      b: bLabel,
      ratio,
    });
  };
  for (const ch of checks) ch.evaluate(report);
  violations.sort((x, y) => y.ratio - x.ratio);
  return { violations, checked };
}

export type ViolationCounts = Record<
  InvariantId,
  { checked: number; violations: number; worstRatio: number }
>;

/** Per invariant: pairs checked, violations and the worst ratio (1 when none), for the evaluation report. */
export async function countViolations(
  catalog: InvariantCatalog,
  predict: PredictFn,
  options: Partial<InvariantOptions> = {},
): Promise<ViolationCounts> {
  const { violations, checked } = await checkInvariants(catalog, predict, options);
  const counts = Object.fromEntries(
    INVARIANTS.map((id) => [id, { checked: checked[id], violations: 0, worstRatio: 1 }]),
  ) as ViolationCounts;
  for (const v of violations) {
    const c = counts[v.invariant];
    c.violations++;
    c.worstRatio = Math.max(c.worstRatio, v.ratio);
  }
  return counts;
}

/**
 * A predictor that answers every query at `efficiency` × its roofline bound (1: the bound itself). Physics
 * holds for it by construction, so it is the reference the invariants are tested against.
 */
export function rooflinePredictor(efficiency = 1): PredictFn {
  return async (queries) =>
    queries.map((q): Prediction => {
      const est = rooflineEstimate(q.workload, q.hw);
      const bound = est.ok ? est.metrics[q.metric] : undefined;
      if (!est.ok || bound === undefined) return { ok: false, metric: q.metric, error: 'no bound' };
      const value = RATE_METRICS.has(q.metric) ? bound * efficiency : bound / efficiency;
      return {
        ok: true,
        metric: q.metric,
        value,
        low: value,
        high: value,
        unit: METRIC_UNITS[q.metric],
        layer: 'roofline-typical',
        bound: est.bound,
        boundValue: bound,
        explanation: 'roofline',
      };
    });
}
