/** The roofline time bound of each phase on n devices, with data- or tensor-parallel communication. */
import type { HardwareRow } from '../catalog/schema.ts';
import type { PhaseCost, PhaseName } from './cost.ts';
import type { Parallelism } from './workload.ts';

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

/**
 * Bound one phase on `n` devices of `hw` at `peakTflops`.
 * - data parallel: each device gets ⌈items/n⌉ of the work; training all-reduces gradients (ring: 2(n−1)/n × bytes);
 * - tensor parallel: FLOPs and weight bytes split n ways; activations are all-reduced twice per layer.
 */
export function boundPhase(
  cost: PhaseCost,
  hw: HardwareRow,
  peakTflops: number,
  n: number,
  parallelism: Parallelism,
  gradientBytes: number,
): PhaseBound {
  const bw = (hw.mem_bw_gbs ?? 0) * 1e9;
  const peak = peakTflops * 1e12;
  const ring = n > 1 ? (2 * (n - 1)) / n : 0;
  const link = linkBytesPerSecond(hw).bps;
  let flops: number;
  let bytes: number;
  let comm = 0;
  if (parallelism === 'tensor' || n === 1) {
    flops = cost.flops / n;
    bytes = cost.weightBytes / n + (cost.bytes - cost.weightBytes) / n;
    comm = (ring * cost.tpAllReduceBytes) / link;
  } else {
    const share = Math.ceil(cost.items / n) / cost.items;
    flops = cost.flops * share;
    bytes = cost.weightBytes + (cost.bytes - cost.weightBytes) * share;
    if (cost.phase === 'train-step') comm = (ring * gradientBytes) / link;
  }
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
