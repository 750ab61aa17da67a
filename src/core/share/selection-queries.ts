/**
 * A selection → the prediction engine's queries: the workload it describes (only the lengths the model's
 * kind uses), each device's precision (`best` resolved on the roofline), its operating point (runtime and
 * scenario) and one engine query per metric there. The Predict page and the CLI start here; Recommend's
 * ranking request keeps the same lengths (`rankRequestFor`, built on the same `lengthKind`).
 */
import type { HardwareRow, Metric, Mode, ModelRow } from '../catalog/schema.ts';
import { operatingPoint, type OperatingChoice, type OperatingPoint } from '../predict/operating-point.ts';
import { chooseRuntime, type RuntimeEvidence } from '../predict/runtime-choice.ts';
import type { Prediction, Query } from '../predict/types.ts';
import { isGenerative, type ModelArch, type Workload } from '../roofline/workload.ts';
import { BEST_CANDIDATES, planBest } from '../select/plan.ts';
import { lengthKind } from '../select/selection-request.ts';
import type { Selection } from './selection.ts';

/** Every metric of a generative LLM's inference: the phases, end to end, and memory. */
export const LLM_METRICS: readonly Metric[] = [
  'ttft_ms',
  'tpot_ms',
  'decode_tokens_s',
  'prefill_tokens_s',
  'latency_ms',
  'throughput',
  'memory_mb',
];
/** Every metric of other workloads (encoders, vision, training). */
export const OTHER_METRICS: readonly Metric[] = ['latency_ms', 'throughput', 'memory_mb'];

/** The metrics a model's workload answers in `mode`. */
export function selectionMetrics(model: ModelArch, mode: Mode): readonly Metric[] {
  return isGenerative(model) && mode === 'inference' ? LLM_METRICS : OTHER_METRICS;
}

/**
 * The workload a selection describes for `model`: mode, batch (1 for `offline`, whose search picks it),
 * devices, `precision` (default the selection's, which may be `best`) and only the lengths the model's kind
 * uses — prompt and generated tokens for generative LLM inference, the sequence length for encoders and
 * training, the image size for vision models.
 */
export function selectionWorkload(s: Selection, model: ModelArch, precision = s.precision): Workload {
  const w: Workload = {
    model,
    mode: s.mode,
    batch: s.scenario === 'offline' ? 1 : s.batch,
    precision,
    nDevices: s.devices,
  };
  const kind = lengthKind(model, s.mode);
  if (kind === 'llm') {
    w.promptTokens = s.prompt;
    w.genTokens = s.gen;
  } else if (kind === 'seq') w.seqLen = s.seq;
  else w.imageSize = s.image;
  return w;
}

/**
 * What a selection's answers depend on, as a plain value (a cache key): the model, the workload's fields the
 * model uses, precision, runtime and scenario, and the objective when `best` chooses by it.
 */
export function selectionWorkloadKey(s: Selection, model: ModelArch) {
  const w = selectionWorkload(s, model);
  return {
    model: s.model,
    custom: s.custom,
    mode: w.mode,
    batch: w.batch,
    devices: w.nDevices,
    precision: w.precision,
    lengths: [w.seqLen ?? null, w.promptTokens ?? null, w.genTokens ?? null, w.imageSize ?? null],
    runtime: s.runtime,
    scenario: s.scenario,
    objective: s.precision === 'best' ? s.objective : null,
  };
}

/** One device's workload at its precision and the operating point asked for. */
export interface SelectionCase {
  hw: HardwareRow;
  /** The selection's workload with the device's precision (no runtime: the operating point adds it). */
  workload: Workload;
  choice: OperatingChoice;
}

/** A device the selection cannot run on, and why. */
export interface SelectionFailure {
  hw: HardwareRow;
  error: string;
}

/**
 * Each device's workload, in `hardware` order. A fixed precision is used as it is (the engine says when a
 * device lacks it); `best` takes, among fp8, bf16, fp16 and fp32, the one that fits the selection's device
 * count with the best roofline bound for the objective (`planBest`, as Recommend ranks), or fails saying why.
 * `auto` runtimes resolve on `evidence`.
 */
export function selectionCases(
  s: Selection,
  model: ModelArch,
  hardware: readonly HardwareRow[],
  evidence: RuntimeEvidence | null = null,
): (SelectionCase | SelectionFailure)[] {
  const choice: OperatingChoice = { runtime: s.runtime, scenario: s.scenario };
  return hardware.map((hw) => {
    if (s.precision !== 'best') return { hw, workload: selectionWorkload(s, model), choice };
    const runtimeFor = (h: HardwareRow, p: string) => chooseRuntime(s.runtime, s.mode, h, model, p, evidence);
    const { precision: _best, ...base } = selectionWorkload(s, model);
    const run = planBest(base, hw, BEST_CANDIDATES, s.objective, s.devices, runtimeFor);
    if ('code' in run) return { hw, error: `best precision: ${run.reason}` };
    return { hw, workload: selectionWorkload(s, model, run.precision), choice };
  });
}

/** A device's operating point and its engine queries; or, with `error`, why there are none. */
export interface PlannedDevice {
  hw: HardwareRow;
  point: OperatingPoint | null;
  error: string | null;
  /** One per metric, at the operating point's workload and runtime. */
  queries: Query[];
}

/** What the queries need from an engine: a batched predictor (for the offline search) and runtime evidence. */
export interface QueryEngine {
  predictMany(qs: readonly Query[]): Promise<Prediction[]>;
  evidence: RuntimeEvidence | null;
}

/**
 * The operating point of each case (`auto` resolved on the evidence, `offline` searched with the engine:
 * pass a coalescing `predictMany` to batch the searches) and one query per metric there.
 */
export async function queriesAt(
  cases: readonly (SelectionCase | SelectionFailure)[],
  model: ModelRow,
  metrics: readonly Metric[],
  engine: QueryEngine,
): Promise<PlannedDevice[]> {
  return Promise.all(
    cases.map(async (c): Promise<PlannedDevice> => {
      if ('error' in c) return { hw: c.hw, point: null, error: c.error, queries: [] };
      const p = await operatingPoint(engine.predictMany, engine.evidence, model, c.hw, c.workload, c.choice);
      if ('error' in p) return { hw: c.hw, point: null, error: p.error, queries: [] };
      const runtime = p.runtime.runtime;
      const queries = metrics.map((metric) => ({ workload: p.workload, hw: c.hw, model, metric, runtime }));
      return { hw: c.hw, point: p, error: null, queries };
    }),
  );
}

/**
 * The engine queries for a selection on each device (in `hardware` order): its workload and precision
 * (`selectionCases`), its operating point, and one query per metric (default: every metric the model's
 * workload answers).
 */
export function queriesForSelection(
  s: Selection,
  model: ModelRow,
  hardware: readonly HardwareRow[],
  engine: QueryEngine,
  metrics: readonly Metric[] = selectionMetrics(model, s.mode),
): Promise<PlannedDevice[]> {
  return queriesAt(selectionCases(s, model, hardware, engine.evidence), model, metrics, engine);
}
