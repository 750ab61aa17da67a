/**
 * Per-device run planning for the ranking: which precision ('best' or fixed), on how many devices, with the
 * roofline estimate that justifies it — computed before any prediction so the caller can batch the engine.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import type { RuntimeDecision } from '../predict/runtime-choice.ts';
import { rooflineEstimate, type RooflineEstimate } from '../roofline/estimate.ts';
import { precisionSupport } from '../roofline/precision.ts';
import { isGenerative, type Workload } from '../roofline/workload.ts';

export type Objective = 'latency' | 'throughput' | 'throughput_per_dollar' | 'throughput_per_watt';

/** The workload without its hardware-dependent choices (precision, device count). */
export type RankWorkload = Omit<Workload, 'precision' | 'nDevices'> & { nDevices?: number };

/** Default candidates for 'best', preferred first on ties: fp8 > bf16 > fp16 > fp32. */
export const BEST_CANDIDATES: readonly string[] = ['fp8', 'bf16', 'fp16', 'fp32'];
/** Added to the candidates when quantization is allowed: int8 (on CPUs without int8 peaks, fp32 math on int8 bytes). */
export const QUANTIZED_CANDIDATES: readonly string[] = ['int8'];

/** Units of the throughput metric for a workload. */
export const itemUnit = (w: Pick<Workload, 'model' | 'mode'>): string =>
  isGenerative(w.model) && w.mode === 'inference' ? 'tokens/s' : 'items/s';

export type EstimateOk = RooflineEstimate & { ok: true };

/** The runtime a device runs at a precision (chosen, or auto resolved on the snapshot's evidence). */
export type RuntimeFor = (hw: HardwareRow, precision: string) => RuntimeDecision;

export interface PlannedRun {
  hardware: HardwareRow;
  precision: string;
  devicesNeeded: number;
  workload: Workload;
  estimate: EstimateOk;
  /** The runtime the workload assumes, with why; null when the request names none. */
  runtime: RuntimeDecision | null;
  /** `single-stream` at the request's batch, or `offline` at the searched batch and layout. */
  scenario: 'single-stream' | 'offline';
  /** What the offline search tried, in words; null for single-stream. */
  search: string | null;
}

export type PlanFailure = { code: 'unsupported-precision' | 'does-not-fit'; reason: string };

/**
 * Run `precision` on `hw`: start at the requested device count; when the model state does not fit, shard it
 * (tensor parallel) over the devices the memory model asks for, up to `maxDevices` (a browser page: never).
 */
export function planOne(
  base: RankWorkload,
  hw: HardwareRow,
  precision: string,
  maxDevices: number,
  runtimeFor?: RuntimeFor,
): PlannedRun | PlanFailure {
  const support = precisionSupport(hw, precision);
  if (!support.ok) return { code: 'unsupported-precision', reason: `${precision}: ${support.reason}` };
  const runtime = runtimeFor?.(hw, precision) ?? null;
  const n0 = Math.max(1, Math.floor(base.nDevices ?? 1));
  let workload: Workload = { ...base, precision, nDevices: n0 };
  if (runtime) workload.runtime = runtime.runtime;
  let est = rooflineEstimate(workload, hw);
  if (est.ok && est.fit.status === 'needs-more') {
    const n = est.fit.devicesNeeded;
    if (hw.kind === 'browser')
      return {
        code: 'does-not-fit',
        reason: `${precision} needs ${(est.memory.total / 1e9).toFixed(1)} GB, more than the ${hw.memory_gb} GB this browser gives one page (a page cannot shard over devices)`,
      };
    if (n > maxDevices)
      return {
        code: 'does-not-fit',
        reason: `${precision} needs ${n} × ${hw.memory_gb} GB devices (${(est.memory.total / 1e9).toFixed(1)} GB in all), more than the ${maxDevices} allowed`,
      };
    workload = { ...workload, nDevices: n, parallelism: 'tensor' };
    est = rooflineEstimate(workload, hw);
  }
  if (!est.ok) {
    const code = est.fit ? 'does-not-fit' : 'unsupported-precision';
    return { code, reason: `${precision}: ${est.reason}` };
  }
  if (est.fit.status !== 'fits')
    return { code: 'does-not-fit', reason: `${precision}: does not fit ${workload.nDevices} devices` };
  return {
    hardware: hw,
    precision,
    devicesNeeded: workload.nDevices,
    workload,
    estimate: est,
    runtime,
    scenario: 'single-stream',
    search: null,
  };
}

/** The roofline's objective value of a run, higher is better (latency negated). Costs scale with devices. */
function boundScore(run: PlannedRun, objective: Objective): number {
  const m = run.estimate.metrics;
  if (objective === 'latency') return -(m.latency_ms ?? Infinity);
  return (m.throughput ?? 0) / (objective === 'throughput' ? 1 : run.devicesNeeded);
}

/**
 * The 'best' precision rule: among the candidates the device supports (a compute path with a catalog peak)
 * and that fit within `maxDevices`, take (1) the fewest devices, then (2) the best roofline bound for the
 * objective (lowest latency, else highest throughput, per device for $ and W objectives), then (3) the
 * earlier candidate in the list. With the defaults that is fp8 on Hopper/Ada/Blackwell, bf16 on Ampere,
 * fp16 on Volta/Turing, and on CPUs bf16 (fp32 math, half the bytes) — or int8 when quantization is allowed.
 */
export function planBest(
  base: RankWorkload,
  hw: HardwareRow,
  candidates: readonly string[],
  objective: Objective,
  maxDevices: number,
  runtimeFor?: RuntimeFor,
): PlannedRun | PlanFailure {
  let best: PlannedRun | null = null;
  const failures: PlanFailure[] = [];
  for (const p of candidates) {
    const r = planOne(base, hw, p, maxDevices, runtimeFor);
    if ('code' in r) {
      failures.push(r);
      continue;
    }
    if (
      best === null ||
      r.devicesNeeded < best.devicesNeeded ||
      (r.devicesNeeded === best.devicesNeeded && boundScore(r, objective) > boundScore(best, objective))
    )
      best = r;
  }
  if (best) return best;
  const code = failures.some((f) => f.code === 'does-not-fit') ? 'does-not-fit' : 'unsupported-precision';
  return { code, reason: failures.map((f) => f.reason).join('; ') || 'no candidate precision' };
}
