/**
 * Calibration on this browser's own real run. The lab times a CNN and a transformer encoder block on one
 * backend; how close each came to its roofline bound (on the measured peaks) is that backend's efficiency for
 * convolutions and for transformer layers in this browser. A model of the same op class on the same device is
 * then predicted as bound ÷ that efficiency. Generative LLM phases (memory-bound decode) are not calibrated:
 * neither lab model exercises them.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { isGenerative, type ModelArch, type Workload } from '../roofline/workload.ts';
import { runQuery } from './report.ts';
import type { RunTiming } from './types.ts';

export type OpClass = 'conv' | 'transformer';

/** Log-width of the 80% interval when the engine's manifest gives none (its transfer layer's, e^0.69 ≈ 2). */
export const DEFAULT_WIDTH = 0.69;

/** The op mix a model is made of, as far as the lab models can stand for it; null: not calibrated. */
export function opClass(m: ModelArch): OpClass | null {
  if (isGenerative(m)) return null;
  if (m.architecture === 'cnn') return 'conv';
  if (m.architecture === 'vit' || /encoder/.test(m.architecture)) return 'transformer';
  return null;
}

export interface LabEfficiency {
  deviceId: string;
  opClass: OpClass;
  modelId: string;
  batch: number;
  /** Roofline bound ÷ measured latency (1 = at the bound). */
  eff: number;
}

/** Latency bound (ms) of a workload on a device, or null when it cannot be computed. */
function boundMs(w: Workload, hw: HardwareRow): number | null {
  const est = rooflineEstimate(w, hw);
  return est.ok ? (est.metrics.latency_ms ?? null) : null;
}

/** Each timing's efficiency against the roofline on the measured peaks of the device it ran on. */
export function labEfficiencies(
  timings: readonly RunTiming[],
  devices: readonly HardwareRow[],
): LabEfficiency[] {
  const out: LabEfficiency[] = [];
  for (const t of timings) {
    const q = runQuery(t, devices);
    if (!q || !(t.medianMs > 0)) continue;
    const cls = opClass(q.model);
    const bound = boundMs(q.workload, q.hw);
    if (cls && bound !== null)
      out.push({
        deviceId: q.hw.id,
        opClass: cls,
        modelId: t.modelId,
        batch: t.batch,
        eff: bound / t.medianMs,
      });
  }
  return out;
}

export interface Calibrated {
  value: number;
  low: number;
  high: number;
  boundMs: number;
  /** Geometric mean efficiency used, and how many timings it came from. */
  eff: number;
  n: number;
  explanation: string;
}

/**
 * Latency of `workload` on `hw` calibrated by the lab timings of the same op class on the same device
 * (`keep` filters them, e.g. leave one out). The 80% interval is ×/÷ e^width around the value.
 */
export function calibratedLatency(
  workload: Workload,
  hw: HardwareRow,
  effs: readonly LabEfficiency[],
  width: number,
  keep: (e: LabEfficiency) => boolean = () => true,
): Calibrated | null {
  const cls = opClass(workload.model);
  if (!cls) return null;
  const used = effs.filter((e) => e.deviceId === hw.id && e.opClass === cls && keep(e));
  if (used.length === 0) return null;
  const bound = boundMs(workload, hw);
  if (bound === null) return null;
  const eff = Math.exp(used.reduce((s, e) => s + Math.log(e.eff), 0) / used.length);
  const value = bound / eff;
  const spread = Math.exp(width);
  return {
    value,
    low: Math.max(bound, value / spread),
    high: value * spread,
    boundMs: bound,
    eff,
    n: used.length,
    explanation: `roofline on the measured peaks (${bound.toPrecision(3)} ms) ÷ ${(eff * 100).toFixed(0)}% efficiency, the geometric mean of ${used.length} lab ${cls === 'conv' ? 'CNN' : 'transformer'} timing${used.length === 1 ? '' : 's'} on this device`,
  };
}
