/** The roofline time bound of each phase on n devices, with data- or tensor-parallel communication. */
import type { HardwareRow } from '../catalog/schema.ts';
import type { PhaseCost, PhaseName } from './cost.ts';

export type BoundKind = 'compute' | 'memory' | 'communication';

export interface PhaseBound {
  phase: PhaseName;
  /** Lower bound on wall time, seconds: max(compute, memory, communication) — overlap assumed perfect. */
  seconds: number;
  computeSeconds: number;
  memorySeconds: number;
  commSeconds: number;
  bound: BoundKind;
  items: number;
  /** FLOPs per byte moved. */
  intensity: number;
}

/** Per-direction link bandwidth assumed when the catalog gives no interconnect: PCIe 4.0 x16, ~25 GB/s. */
export const FALLBACK_LINK_GBS = 25;

/** Per-direction interconnect bandwidth in bytes/s (vendors quote NVLink as the bidirectional total). */
export function linkBytesPerSecond(hw: HardwareRow): { bps: number; assumed: boolean } {
  if (hw.interconnect_gbs && hw.interconnect_gbs > 0)
    return { bps: (hw.interconnect_gbs / 2) * 1e9, assumed: false };
  return { bps: FALLBACK_LINK_GBS * 1e9, assumed: true };
}

/** A layout resolved for n devices: replicas of a tp × pp group. */
export interface ResolvedLayout {
  tp: number;
  pp: number;
  replicas: number;
}

/**
 * Bound one phase on replicas × (tp × pp) devices of `hw` at `peakTflops`.
 * - replicas (data parallel) each get ⌈items/replicas⌉ of the work; training all-reduces gradients (ring:
 *   2(r−1)/r × bytes);
 * - a tp × pp group splits FLOPs and weight bytes tp × pp ways; tensor parallelism all-reduces activations
 *   twice per layer within the TP group (each pipeline stage holds 1/pp of the layers); pipeline stages pass
 *   activations point to point, and perfect pipelining is assumed (the bound is the best case).
 */
export function boundPhase(
  cost: PhaseCost,
  hw: HardwareRow,
  peakTflops: number,
  layout: ResolvedLayout,
  gradientBytes: number,
): PhaseBound {
  const bw = (hw.mem_bw_gbs ?? 0) * 1e9;
  const peak = peakTflops * 1e12;
  const ring = (k: number) => (k > 1 ? (2 * (k - 1)) / k : 0);
  const link = linkBytesPerSecond(hw).bps;
  const group = layout.tp * layout.pp;
  const share = layout.replicas > 1 ? Math.ceil(cost.items / layout.replicas) / cost.items : 1;
  const flops = (cost.flops * share) / group;
  const bytes = cost.weightBytes / group + ((cost.bytes - cost.weightBytes) * share) / group;
  let comm = (ring(layout.tp) * cost.tpAllReduceBytes * share) / layout.pp / link;
  if (cost.phase === 'train-step') comm += (ring(layout.replicas) * gradientBytes) / group / link;
  const computeSeconds = flops / peak;
  const memorySeconds = bw > 0 ? bytes / bw : Infinity;
  const commSeconds = comm;
  const seconds = Math.max(computeSeconds, memorySeconds, commSeconds);
  const bound: BoundKind =
    seconds === commSeconds && commSeconds > 0
      ? 'communication'
      : computeSeconds >= memorySeconds
        ? 'compute'
        : 'memory';
  return {
    phase: cost.phase,
    seconds,
    computeSeconds,
    memorySeconds,
    commSeconds,
    bound,
    items: cost.items,
    intensity: cost.bytes > 0 ? cost.flops / cost.bytes : Infinity,
  };
}
