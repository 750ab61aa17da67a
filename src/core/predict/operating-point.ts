/**
 * The operating point a prediction answers for: which runtime (chosen, or `auto` resolved with its reason),
 * which scenario (`single-stream` at the given batch, or `offline`: the system's best throughput), and the
 * batch and replicas × TP layout that follow. The CLI and the app both start here.
 */
import { RUNTIME_LABELS, type RuntimeClass } from '../catalog/runtime.ts';
import type { HardwareRow, ModelRow } from '../catalog/schema.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import type { Workload } from '../roofline/workload.ts';
import { measureCommand } from './measure-command.ts';
import { bestOffline, layoutText } from './offline.ts';
import { chooseRuntime, type RuntimeDecision, type RuntimeEvidence } from './runtime-choice.ts';
import type { Prediction, Query } from './types.ts';

export const SCENARIOS = ['single-stream', 'offline'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface OperatingPoint {
  workload: Workload;
  runtime: RuntimeDecision;
  scenario: Scenario;
  /** Total batch over all replicas. */
  batch: number;
  /** "5 replicas × TP8", "TP4", "1 device". */
  layout: string;
  /** What the offline search tried, in words. */
  search: string | null;
  /** The command that measures this on real hardware, where the runtime has a standard benchmark. */
  measure: string | null;
}

export interface OperatingChoice {
  runtime: RuntimeClass | 'auto';
  scenario: Scenario;
}

type PredictMany = (qs: readonly Query[]) => Promise<Prediction[]>;

/** Resolve runtime and scenario for one model on one device; an error when nothing fits the offline search. */
export async function operatingPoint(
  predictMany: PredictMany,
  evidence: RuntimeEvidence | null,
  model: ModelRow,
  hw: HardwareRow,
  base: Workload,
  choice: OperatingChoice,
): Promise<OperatingPoint | { error: string }> {
  const runtime = chooseRuntime(choice.runtime, base.mode, hw, model, base.precision, evidence);
  const w: Workload = { ...base, runtime: runtime.runtime };
  if (choice.scenario === 'offline') {
    const best = await bestOffline(predictMany, { hw, model, runtime: runtime.runtime }, w);
    if (!best)
      return {
        error: `offline: no batch of ${model.name} fits ${base.nDevices} × ${hw.name} at ${base.precision}`,
      };
    const c = best.candidate;
    return {
      workload: c.workload,
      runtime,
      scenario: 'offline',
      batch: c.workload.batch,
      layout: layoutText(c.layout, c.replicas),
      search: `best of ${best.tried} layouts × batches under ${RUNTIME_LABELS[runtime.runtime]}: batch ${c.batchPerReplica} per replica`,
      measure: measureCommand(runtime.runtime, model, c.workload),
    };
  }
  const est = rooflineEstimate(w, hw);
  const layout = est.ok ? layoutText(est.layout, est.layout.replicas) : `${base.nDevices} device(s)`;
  return {
    workload: w,
    runtime,
    scenario: 'single-stream',
    batch: w.batch,
    layout,
    search: null,
    measure: measureCommand(runtime.runtime, model, w),
  };
}
