/**
 * Rank devices for a workload under constraints and an objective. Two pure steps so the caller runs the
 * prediction engine once, batched: `planRanking` → `queries` → engine.predictMany → `rankHardware`.
 */
import type { RuntimeClass } from '../catalog/runtime.ts';
import type { HardwareRow, Metric, Unit } from '../catalog/schema.ts';
import { layoutText } from '../predict/offline.ts';
import { chooseRuntime, type RuntimeDecision, type RuntimeEvidence } from '../predict/runtime-choice.ts';
import type { Layer, Prediction } from '../predict/types.ts';
import type { BoundKind } from '../roofline/bound.ts';
import { isGenerative, type Workload } from '../roofline/workload.ts';
import { fmtMs, fmtUsd, sig3 } from '../format.ts';
import {
  BEST_CANDIDATES,
  planBest,
  planOne,
  QUANTIZED_CANDIDATES,
  type EstimateOk,
  type Objective,
  type PlannedRun,
  type RankWorkload,
  type RuntimeFor,
} from './plan.ts';
import { platformClass, type PlatformClass } from './platforms.ts';

export type { Objective, RankWorkload } from './plan.ts';

export interface Constraints {
  maxLatencyMs?: number;
  minThroughput?: number;
  /** Per-device memory capacity. */
  minMemoryGb?: number;
  /** Purchase price of all devices needed. */
  maxPriceUsd?: number;
  /** Cloud price of all devices needed. */
  maxCloudUsdHr?: number;
  /** TDP of all devices needed. */
  maxPowerW?: number;
  platforms?: readonly PlatformClass[];
  /** Most devices a run may shard over (default 8, one node). */
  maxDevices?: number;
}

export interface RankRequest {
  workload: RankWorkload;
  candidates: readonly HardwareRow[];
  /** A precision, or 'best' (see `planBest`). */
  precision: string;
  objective: Objective;
  constraints?: Constraints;
  /** What throughput_per_dollar divides by: purchase price (default) or cloud $/hour. */
  costBasis?: 'purchase' | 'cloud';
  /** Candidates for 'best' (default BEST_CANDIDATES). */
  precisionCandidates?: readonly string[];
  /** Let 'best' use int8 / int4 weight-only too. */
  allowQuantized?: boolean;
  /**
   * The runtime every device runs: a class, or `auto` (per device, the runtime the evidence measured most
   * for this mode, device class, model kind and precision). Absent: the roofline's default per precision.
   */
  runtime?: RuntimeClass | 'auto';
  /** Which runtimes the snapshot measured where, for `auto`. */
  runtimeEvidence?: RuntimeEvidence | null;
}

export interface PlannedQuery {
  key: string;
  hardware: HardwareRow;
  workload: Workload;
  metric: Metric;
}

export type ExclusionCode =
  | 'unsupported-precision'
  | 'does-not-fit'
  | 'constraint'
  | 'missing-price'
  | 'missing-power'
  | 'no-prediction';

export interface Exclusion {
  hardware: HardwareRow;
  code: ExclusionCode;
  reason: string;
  precision: string | null;
}

export interface MetricValue {
  value: number;
  low: number;
  high: number;
  unit: Unit;
  layer: Layer;
  /** The prediction's evidence level (Prediction.evidence), when it has one. */
  evidence?: string;
}

export interface RankedRow {
  rank: number;
  hardware: HardwareRow;
  platform: PlatformClass;
  precision: string;
  devicesNeeded: number;
  fit: 'fits' | 'needs-devices';
  /** "fits on 1 device" / "needs 2 devices". */
  fitLabel: string;
  latency: MetricValue | null;
  throughput: MetricValue | null;
  memory: MetricValue | null;
  /** Every metric predicted (LLMs add ttft_ms, tpot_ms, decode_tokens_s). */
  metrics: Partial<Record<Metric, MetricValue>>;
  cost: { purchaseUsd: number | null; cloudUsdHr: number | null; usdPerMillionItems: number | null };
  powerW: number | null;
  throughputPerW: number | null;
  /** Layer of the prediction the score uses. */
  layer: Layer;
  /** Evidence level of the prediction the score uses (its layer when it has none): "predictions like this one". */
  evidence: string;
  bound: BoundKind | null;
  score: number;
  scoreUnit: string;
  workload: Workload;
  estimate: EstimateOk;
  /** The runtime the prediction assumes, with why; null when the request names none. */
  runtime: RuntimeDecision | null;
  scenario: 'single-stream' | 'offline';
  /** Total batch over all replicas (offline: the searched one). */
  batch: number;
  /** "8 replicas", "5 replicas × TP8", "TP2", "1 device". */
  layout: string;
  /** What the offline search tried, in words; null for single-stream. */
  search: string | null;
}

export interface Ranking {
  objective: Objective;
  ranked: RankedRow[];
  top: RankedRow | null;
  fallbacks: RankedRow[];
  excluded: Exclusion[];
}

export interface RankPlan {
  runs: PlannedRun[];
  excluded: Exclusion[];
  queries: PlannedQuery[];
}

export const predictionKey = (hardwareId: string, precision: string, metric: Metric): string =>
  `${hardwareId}|${precision}|${metric}`;

/** Metrics predicted per run. */
export function rankMetrics(w: RankWorkload): Metric[] {
  const base: Metric[] = ['latency_ms', 'throughput', 'memory_mb'];
  return isGenerative(w.model) && w.mode === 'inference'
    ? [...base, 'ttft_ms', 'tpot_ms', 'decode_tokens_s']
    : base;
}

const DEFAULT_MAX_DEVICES = 8;

/** The runtime resolver of a request; undefined when it names no runtime. */
export function runtimeResolver(req: RankRequest): RuntimeFor | undefined {
  const choice = req.runtime;
  if (choice === undefined) return undefined;
  const { mode, model } = req.workload;
  return (hw, precision) => chooseRuntime(choice, mode, hw, model, precision, req.runtimeEvidence ?? null);
}

/** The engine queries of planned runs: every metric of each run's workload. */
export function planQueries(runs: readonly PlannedRun[], w: RankWorkload): PlannedQuery[] {
  const metrics = rankMetrics(w);
  return runs.flatMap((r) =>
    metrics.map((metric) => ({
      key: predictionKey(r.hardware.id, r.precision, metric),
      hardware: r.hardware,
      workload: r.workload,
      metric,
    })),
  );
}

/** Step 1: choose precision and device count per candidate; pre-prediction exclusions; the engine queries. */
export function planRanking(req: RankRequest): RankPlan {
  const c = req.constraints ?? {};
  const runtimeFor = runtimeResolver(req);
  const maxDevices = c.maxDevices ?? DEFAULT_MAX_DEVICES;
  const candidates = [
    ...(req.precisionCandidates ?? BEST_CANDIDATES),
    ...(req.allowQuantized ? QUANTIZED_CANDIDATES : []),
  ];
  const runs: PlannedRun[] = [];
  const excluded: Exclusion[] = [];
  const sorted = [...req.candidates].sort((a, b) => cmpId(a.id, b.id));
  for (const hw of sorted) {
    const pre = staticViolation(hw, req, c);
    if (pre) {
      excluded.push({ hardware: hw, precision: null, ...pre });
      continue;
    }
    const r =
      req.precision === 'best'
        ? planBest(req.workload, hw, candidates, req.objective, maxDevices, runtimeFor)
        : planOne(req.workload, hw, req.precision, maxDevices, runtimeFor);
    if ('code' in r) {
      excluded.push({ hardware: hw, code: r.code, reason: r.reason, precision: null });
      continue;
    }
    const post = deviceViolation(r, c);
    if (post) excluded.push({ hardware: hw, precision: r.precision, ...post });
    else runs.push(r);
  }
  return { runs, excluded, queries: planQueries(runs, req.workload) };
}

/** Pair planned queries with the engine's answers, in order. */
export function predictionMap(
  queries: readonly PlannedQuery[],
  predictions: readonly Prediction[],
): Map<string, Prediction> {
  return new Map(queries.map((q, i) => [q.key, predictions[i]!] as const).filter(([, p]) => p !== undefined));
}

type Violation = { code: ExclusionCode; reason: string };

/** Constraints that depend on the device alone. */
function staticViolation(hw: HardwareRow, req: RankRequest, c: Constraints): Violation | null {
  const platform = platformClass(hw);
  if (c.platforms && !c.platforms.includes(platform))
    return { code: 'constraint', reason: `platform ${platform} is not among ${c.platforms.join(', ')}` };
  if (c.minMemoryGb !== undefined) {
    if (hw.memory_gb === null)
      return { code: 'constraint', reason: `memory unknown in the catalog (min ${c.minMemoryGb} GB set)` };
    if (hw.memory_gb < c.minMemoryGb)
      return { code: 'constraint', reason: `memory ${hw.memory_gb} GB < min ${c.minMemoryGb} GB` };
  }
  if (req.objective === 'throughput_per_dollar') {
    const basis = req.costBasis ?? 'purchase';
    const price = basis === 'cloud' ? hw.cloud_usd_hr : hw.price_usd;
    if (price === null || price <= 0)
      return {
        code: 'missing-price',
        reason: `no ${basis === 'cloud' ? 'cloud $/hour' : 'purchase price'} in the catalog for throughput_per_dollar`,
      };
  }
  if (req.objective === 'throughput_per_watt' && (hw.tdp_w === null || hw.tdp_w <= 0))
    return { code: 'missing-power', reason: 'no TDP in the catalog for throughput_per_watt' };
  return null;
}

/** Constraints on the run's totals (price, cloud cost, power scale with the devices needed). */
function deviceViolation(r: PlannedRun, c: Constraints): Violation | null {
  const n = r.devicesNeeded;
  const hw = r.hardware;
  const total = (label: string, per: number | null, max: number | undefined, f: (v: number) => string) => {
    if (max === undefined) return null;
    if (per === null) return { code: 'constraint' as const, reason: `${label} unknown in the catalog` };
    if (per * n > max)
      return {
        code: 'constraint' as const,
        reason: `${label} ${f(per * n)}${n > 1 ? ` (${n} × ${f(per)})` : ''} > max ${f(max)}`,
      };
    return null;
  };
  return (
    total('price', hw.price_usd, c.maxPriceUsd, fmtUsd) ??
    total('cloud cost', hw.cloud_usd_hr, c.maxCloudUsdHr, (v) => `${fmtUsd(v)}/h`) ??
    total('power', hw.tdp_w, c.maxPowerW, (v) => `${sig3(v)} W`)
  );
}

/**
 * Step 2: score and sort the planned runs with the engine's predictions (keyed by `predictionKey`). Pass the
 * plan the queries came from when it was changed after planRanking (the offline scenario's operating points).
 */
export function rankHardware(
  req: RankRequest,
  predictions: ReadonlyMap<string, Prediction>,
  plan: RankPlan = planRanking(req),
): Ranking {
  const c = req.constraints ?? {};
  const excluded = [...plan.excluded];
  const rows: RankedRow[] = [];
  const metrics = rankMetrics(req.workload);
  for (const run of plan.runs) {
    const got: Partial<Record<Metric, MetricValue>> = {};
    const missing: string[] = [];
    let bound: BoundKind | null = null;
    for (const m of metrics) {
      const p = predictions.get(predictionKey(run.hardware.id, run.precision, m));
      if (p?.ok) {
        got[m] = { value: p.value, low: p.low, high: p.high, unit: p.unit, layer: p.layer };
        if (p.evidence) got[m].evidence = p.evidence;
        if (m === 'throughput' || (m === 'latency_ms' && bound === null)) bound = p.bound;
      } else missing.push(p ? `${m}: ${p.error}` : `${m}: not predicted`);
    }
    const primary: Metric = req.objective === 'latency' ? 'latency_ms' : 'throughput';
    const score = scoreOf(req, run, got);
    if (!got[primary] || score === null) {
      excluded.push({
        hardware: run.hardware,
        code: 'no-prediction',
        reason: missing.join('; ') || 'no prediction',
        precision: run.precision,
      });
      continue;
    }
    const lat = got.latency_ms?.value;
    const thr = got.throughput?.value;
    const v =
      c.maxLatencyMs !== undefined && lat !== undefined && lat > c.maxLatencyMs
        ? `latency ${fmtMs(lat)} > max ${fmtMs(c.maxLatencyMs)}`
        : c.minThroughput !== undefined && (thr === undefined || thr < c.minThroughput)
          ? `throughput ${thr === undefined ? 'unknown' : sig3(thr)} < min ${sig3(c.minThroughput)} items/s`
          : null;
    if (v) {
      excluded.push({ hardware: run.hardware, code: 'constraint', reason: v, precision: run.precision });
      continue;
    }
    rows.push(rowOf(req, run, got, bound, score, got[primary]));
  }
  const dir = req.objective === 'latency' ? 1 : -1;
  rows.sort((a, b) => cmpScore(a.score, b.score) * dir || cmpId(a.hardware.id, b.hardware.id));
  rows.forEach((r, i) => (r.rank = i + 1));
  excluded.sort((a, b) => cmpId(a.hardware.id, b.hardware.id));
  return {
    objective: req.objective,
    ranked: rows,
    top: rows[0] ?? null,
    fallbacks: rows.slice(1, 3),
    excluded,
  };
}

function scoreOf(
  req: RankRequest,
  run: PlannedRun,
  got: Partial<Record<Metric, MetricValue>>,
): number | null {
  const n = run.devicesNeeded;
  const hw = run.hardware;
  const thr = got.throughput?.value;
  switch (req.objective) {
    case 'latency':
      return got.latency_ms?.value ?? null;
    case 'throughput':
      return thr ?? null;
    case 'throughput_per_dollar': {
      const price = (req.costBasis ?? 'purchase') === 'cloud' ? hw.cloud_usd_hr : hw.price_usd;
      return thr === undefined || !price ? null : thr / (price * n);
    }
    case 'throughput_per_watt':
      return thr === undefined || !hw.tdp_w ? null : thr / (hw.tdp_w * n);
  }
}

function scoreUnit(req: RankRequest): string {
  switch (req.objective) {
    case 'latency':
      return 'ms';
    case 'throughput':
      return 'items/s';
    case 'throughput_per_dollar':
      return (req.costBasis ?? 'purchase') === 'cloud' ? 'items/s per $/h' : 'items/s per $';
    case 'throughput_per_watt':
      return 'items/s per W';
  }
}

function rowOf(
  req: RankRequest,
  run: PlannedRun,
  got: Partial<Record<Metric, MetricValue>>,
  bound: BoundKind | null,
  score: number,
  primary: MetricValue,
): RankedRow {
  const n = run.devicesNeeded;
  const hw = run.hardware;
  const thr = got.throughput?.value ?? null;
  const cloud = hw.cloud_usd_hr === null ? null : hw.cloud_usd_hr * n;
  const power = hw.tdp_w === null ? null : hw.tdp_w * n;
  const single = n === Math.max(1, Math.floor(req.workload.nDevices ?? 1));
  return {
    rank: 0,
    hardware: hw,
    platform: platformClass(hw),
    precision: run.precision,
    devicesNeeded: n,
    fit: single ? 'fits' : 'needs-devices',
    fitLabel: single ? `fits on ${n} device${n > 1 ? 's' : ''}` : `needs ${n} devices`,
    latency: got.latency_ms ?? null,
    throughput: got.throughput ?? null,
    memory: got.memory_mb ?? null,
    metrics: got,
    cost: {
      purchaseUsd: hw.price_usd === null ? null : hw.price_usd * n,
      cloudUsdHr: cloud,
      usdPerMillionItems: cloud !== null && thr ? (cloud / (thr * 3600)) * 1e6 : null,
    },
    powerW: power,
    throughputPerW: power && thr !== null ? thr / power : null,
    layer: primary.layer,
    evidence: primary.evidence ?? primary.layer,
    bound,
    score,
    scoreUnit: scoreUnit(req),
    workload: run.workload,
    estimate: run.estimate,
    runtime: run.runtime,
    scenario: run.scenario,
    batch: run.workload.batch,
    layout: layoutText(run.estimate.layout, run.estimate.layout.replicas),
    search: run.search,
  };
}

/** Scores within a relative 1e-9 are ties (floating noise must not beat the id order). */
function cmpScore(a: number, b: number): number {
  if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) return 0;
  return a < b ? -1 : 1;
}

const cmpId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
