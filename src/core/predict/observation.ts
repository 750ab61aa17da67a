/**
 * A measured row seen by the predictor: its workload, its roofline bound, and the achieved efficiency
 * (bound ÷ measured for times; measured ÷ bound for rates), so training and evaluation share one definition.
 */
import type { HardwareRow, MeasurementRow, Metric, ModelRow } from '../catalog/schema.ts';
import { rooflineEstimate, type RooflineEstimate } from '../roofline/estimate.ts';
import { isGenerative, type Layout, type Workload } from '../roofline/workload.ts';
import type { FeatureInput } from './featurize.ts';
import type { Query } from './types.ts';

/** Metrics where bigger is faster. */
export const RATE_METRICS: ReadonlySet<Metric> = new Set([
  'throughput',
  'decode_tokens_s',
  'prefill_tokens_s',
]);
/** Metrics the efficiency model predicts (memory has its own ratio model). */
export const TIME_METRICS: ReadonlySet<Metric> = new Set(['latency_ms', 'ttft_ms', 'tpot_ms']);

/**
 * Batch assumed for a rate measured at an unstated batch size: large enough that the bound is the
 * batch-independent ceiling, so the bound holds whatever batch was used. Times at an unstated batch use
 * batch 1, the smallest possible work (a lower bound on any batch's time).
 */
export const UNKNOWN_BATCH_RATE = 1024;

/** Scenarios that batch many requests; rows of other scenarios without a batch ran one sequence (llama-bench). */
const BATCHED_SCENARIO = /offline|server|interactive|multi/i;

function assumedBatch(row: MeasurementRow, generative: boolean): number {
  if (!RATE_METRICS.has(row.metric)) return 1;
  if (generative && row.mode === 'inference' && !(row.scenario && BATCHED_SCENARIO.test(row.scenario)))
    return 1;
  return UNKNOWN_BATCH_RATE;
}

/**
 * The TP × PP layout a scenario states ("Offline/trtllm-bench/TP2,PP4", "DEP8": attention data-parallel with
 * the experts sharded 8 ways, bounded as an 8-way split), or null when it states none.
 */
export function layoutOfScenario(scenario: string | null, nDevices: number): Layout | null {
  if (!scenario) return null;
  const tp = /\b(?:D?EP|TP)(\d+)/i.exec(scenario);
  const pp = /\bPP(\d+)/i.exec(scenario);
  if (!tp && !pp) return null;
  const t = tp ? Number(tp[1]) : 1;
  const p = pp ? Number(pp[1]) : 1;
  return t * p <= nDevices ? { tp: t, pp: p } : null;
}

/** The CPU thread count a runtime text states ("whisper.cpp CPU AVX2 (4 threads; …)", "llama.cpp -t 8"). */
export function threadsOf(runtime: string | null): number | null {
  const m = /\b(\d{1,3})\s*threads?\b/i.exec(runtime ?? '') ?? /(?:^|\s)-t\s*(\d{1,3})\b/.exec(runtime ?? '');
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 ? n : null;
}

/** The workload a measurement describes, with the defaults its metric implies. */
export function workloadOf(row: MeasurementRow, model: ModelRow): Workload {
  const generative = isGenerative(model);
  const w: Workload = {
    model,
    mode: row.mode,
    batch: row.batch_size ?? assumedBatch(row, generative),
    precision: row.precision,
    nDevices: row.n_devices,
    runtime: row.runtime_class,
  };
  const layout = layoutOfScenario(row.scenario, row.n_devices);
  if (layout) w.layout = layout;
  if (row.seq_len !== null) w.seqLen = row.seq_len;
  if (row.image_size !== null) w.imageSize = row.image_size;
  const threads = threadsOf(row.runtime);
  if (threads !== null) w.threads = threads;
  if (generative) {
    // llama-bench style rows: tgN runs on an empty context; ppN has no generation. Where a source states
    // no lengths (MLPerf), the bound takes the least work per output token (a one-token prompt), and prompt
    // rates the near-peak 1,024-token prompt.
    w.promptTokens =
      row.prompt_tokens ??
      (row.metric === 'decode_tokens_s'
        ? 0
        : (row.seq_len ?? (row.metric === 'prefill_tokens_s' ? 1024 : 1)));
    w.genTokens = row.gen_tokens ?? (row.metric === 'prefill_tokens_s' ? 1 : 128);
  }
  return w;
}

/** The bound value of a metric (the fastest possible: a minimum time or a maximum rate). */
export function boundValue(est: RooflineEstimate & { ok: true }, metric: Metric): number | null {
  const v = est.metrics[metric];
  return v === undefined || !(v > 0) ? null : v;
}

/** Efficiency ∈ (0, ∞): ≤ 1 when the measurement respects the bound. */
export function efficiency(metric: Metric, bound: number, measured: number): number {
  return RATE_METRICS.has(metric) ? measured / bound : bound / measured;
}

/** Turn an efficiency back into a metric value. */
export function valueFromEfficiency(metric: Metric, bound: number, eff: number): number {
  return RATE_METRICS.has(metric) ? bound * eff : bound / eff;
}

export interface Observation {
  row: MeasurementRow;
  hw: HardwareRow;
  model: ModelRow;
  workload: Workload;
  estimate: RooflineEstimate & { ok: true };
  bound: number;
  efficiency: number;
}

/** Observations for every row whose roofline can be computed; the rest are returned with the reason. */
export function observe(
  rows: readonly MeasurementRow[],
  hardware: ReadonlyMap<string, HardwareRow>,
  models: ReadonlyMap<string, ModelRow>,
): { observations: Observation[]; skipped: { row: MeasurementRow; reason: string }[] } {
  const observations: Observation[] = [];
  const skipped: { row: MeasurementRow; reason: string }[] = [];
  for (const row of rows) {
    const hw = hardware.get(row.hardware_id);
    const model = models.get(row.model_id);
    if (!hw || !model) {
      skipped.push({ row, reason: 'unknown hardware or model id' });
      continue;
    }
    if (row.metric === 'memory_mb') {
      skipped.push({ row, reason: 'memory rows are not efficiency observations' });
      continue;
    }
    if (row.scenario && /per token/i.test(row.scenario) && row.metric === 'latency_ms') {
      skipped.push({ row, reason: 'per-token prompt time: not a phase the roofline models' });
      continue;
    }
    const workload = workloadOf(row, model);
    const est = rooflineEstimate(workload, hw);
    if (!est.ok) {
      skipped.push({ row, reason: est.reason });
      continue;
    }
    const bound = boundValue(est, row.metric);
    if (bound === null) {
      skipped.push({ row, reason: `no roofline value for ${row.metric}` });
      continue;
    }
    observations.push({
      row,
      hw,
      model,
      workload,
      estimate: est,
      bound,
      efficiency: efficiency(row.metric, bound, row.value),
    });
  }
  return { observations, skipped };
}

/**
 * The runtime a row ran under, as training and serving read it: its runtime class (classed with its model at
 * ingest or import), else its text for rows without one.
 */
export const rowRuntime = (row: Pick<MeasurementRow, 'runtime' | 'runtime_class'>): string | null =>
  row.runtime_class || row.runtime;

/** The feature input of an observation (the row's own runtime, scenario and whether its batch was stated). */
export function featureInputOf(o: Observation): FeatureInput {
  return {
    workload: o.workload,
    hw: o.hw,
    model: o.model,
    estimate: o.estimate,
    metric: o.row.metric,
    runtime: rowRuntime(o.row),
    scenario: o.row.scenario,
    batchKnown: o.row.batch_size !== null,
  };
}

/** The engine query a measurement answers (its own runtime, scenario and whether its batch was stated). */
export function queryOf(o: Observation): Query {
  return {
    workload: o.workload,
    hw: o.hw,
    model: o.model,
    metric: o.row.metric,
    runtime: rowRuntime(o.row),
    scenario: o.row.scenario,
    batchKnown: o.row.batch_size !== null,
  };
}

/**
 * A digest of which rows are observations, in order (FNV-1a over source file, row, metric and scenario): it
 * ties precomputed per-observation values (models/efficiency/references.bin) to the snapshot they came from.
 */
export function observationsDigest(obs: readonly Observation[]): string {
  let h = 0x811c9dc5;
  for (const o of obs) {
    const key = `${o.row.source_file}#${o.row.source_row}#${o.row.metric}#${o.row.scenario ?? ''}|`;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return `${obs.length}:${h.toString(16).padStart(8, '0')}`;
}
