/**
 * The footprint of a device that cannot run the workload, so the memory chart can still show it against
 * its capacity: the smallest footprint among the precisions tried.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import type { MemoryBreakdown } from '../roofline/memory.ts';
import type { RankWorkload } from '../select/plan.ts';

/** The smallest memory footprint of `base` on `hw` over `precisions`; null when no precision yields one. */
export function smallestFootprint(
  base: RankWorkload,
  hw: HardwareRow,
  precisions: readonly string[],
): { precision: string; memory: MemoryBreakdown } | null {
  let best: { precision: string; memory: MemoryBreakdown } | null = null;
  for (const precision of precisions) {
    const est = rooflineEstimate({ ...base, precision, nDevices: Math.max(1, base.nDevices ?? 1) }, hw);
    const memory = est.memory;
    if (memory && (best === null || memory.total < best.memory.total)) best = { precision, memory };
  }
  return best;
}

/**
 * One device's share of a run's footprint: the model-state parts scaled so that they and the runtime's
 * per-device overhead add up to `perDeviceBytes` (the fit's figure). One device: the breakdown as it is.
 */
export function perDeviceBreakdown(m: MemoryBreakdown, perDeviceBytes: number): MemoryBreakdown {
  const shared = m.total - m.overhead;
  if (shared <= 0 || Math.abs(perDeviceBytes - m.total) <= 1e-9 * m.total) return m;
  const k = Math.max(0, perDeviceBytes - m.overhead) / shared;
  return {
    ...m,
    weights: m.weights * k,
    kvCache: m.kvCache * k,
    activations: m.activations * k,
    gradients: m.gradients * k,
    optimizer: m.optimizer * k,
    total: shared * k + m.overhead,
  };
}
