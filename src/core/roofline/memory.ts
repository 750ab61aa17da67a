/** Memory footprint of a workload with its breakdown, and whether (and on how many devices) it fits. */
import type { HardwareRow } from '../catalog/schema.ts';
import { kvBytesPerToken, totalParams } from './cost.ts';
import type { PrecisionInfo } from './precision.ts';
import { DEFAULTS, isGenerative, type Workload } from './workload.ts';

export interface MemoryBreakdown {
  weights: number;
  kvCache: number;
  activations: number;
  gradients: number;
  optimizer: number;
  /** Runtime context (CUDA/Metal context, allocator slack) per device. */
  overhead: number;
  total: number;
}

/** Bytes of runtime context per device by kind: driver context and workspace, measured orders of magnitude. */
const OVERHEAD_BYTES: Record<string, number> = {
  gpu: 0.6e9,
  'soc-gpu': 0.4e9,
  npu: 0.3e9,
  tpu: 0.5e9,
  cpu: 0.15e9,
  browser: 0.1e9,
};

/** Transformer training activations per layer (Korthikanti et al. 2022, no recomputation): s·b·h·(34 + 5·a·s/h) bytes at 16 bits. */
const trainingActivationsPerLayer = (s: number, b: number, h: number, a: number, actBytes: number) =>
  s * b * h * (34 + (5 * a * s) / h) * (actBytes / 2);

/** Vision training keeps every feature map: ≈12 MB per sample per GMAC at 16 bits (ResNet-50: batch 256 in ~14 GB). */
const VISION_TRAIN_BYTES_PER_GFLOP = 6e6;

export function memoryFootprint(w: Workload, p: PrecisionInfo, kind: string): MemoryBreakdown {
  const m = w.model;
  const B = w.batch;
  const params = totalParams(m) ?? 0;
  const weights = (params * p.weightBits) / 8;
  const L = m.layers ?? 0;
  const d = m.hidden ?? 0;
  const heads = m.heads ?? 1;
  let kvCache = 0;
  let activations: number;
  const generative = isGenerative(m);
  const vision = m.gflops_per_sample !== null && !generative && !/encoder/.test(m.architecture);

  if (vision) {
    const img = w.imageSize ?? m.image_size ?? DEFAULTS.imageSize;
    const scale = (img / (m.image_size ?? DEFAULTS.imageSize)) ** 2;
    activations =
      w.mode === 'training'
        ? VISION_TRAIN_BYTES_PER_GFLOP * (m.gflops_per_sample ?? 0) * scale * B * (p.activationBytes / 2)
        : 2 * (img / 2) ** 2 * 64 * p.activationBytes * B;
  } else {
    const S =
      generative && w.mode === 'inference'
        ? (w.promptTokens ?? DEFAULTS.promptTokens)
        : (w.seqLen ?? DEFAULTS.seqLen);
    if (generative && w.mode === 'inference') {
      kvCache = kvBytesPerToken(m, p) * B * (S + (w.genTokens ?? DEFAULTS.genTokens));
    }
    if (w.mode === 'training')
      activations = L * trainingActivationsPerLayer(S, B, d, heads, p.activationBytes);
    else {
      const ffn = m.ffn ?? 4 * d;
      activations =
        B * S * (4 * d + 2 * ffn) * p.activationBytes + B * heads * S * Math.min(S, 4096) * p.activationBytes;
      if (m.vocab) activations += B * m.vocab * 4;
    }
  }
  const training = w.mode === 'training';
  const gradients = training ? params * Math.max(p.weightBits / 8, 2) : 0;
  const optimizer = training ? params * (p.weightBits < 32 ? 12 : 8) : 0;
  const overhead = OVERHEAD_BYTES[kind] ?? 0.3e9;
  return {
    weights,
    kvCache,
    activations,
    gradients,
    optimizer,
    overhead,
    total: weights + kvCache + activations + gradients + optimizer + overhead,
  };
}

export type Fit =
  | { status: 'fits'; devicesNeeded: number; perDeviceBytes: number; capacityBytes: number | null }
  | { status: 'needs-more'; devicesNeeded: number; perDeviceBytes: number; capacityBytes: number }
  | {
      status: 'does-not-fit';
      devicesNeeded: null;
      perDeviceBytes: number;
      capacityBytes: number;
      reason: string;
    };

/** Largest device count considered when a workload does not fit one device. */
export const MAX_DEVICES = 64;

/**
 * Does the footprint fit `nDevices` devices of `hw`? Model state (everything but overhead) is split evenly
 * (tensor/pipeline sharding); each device keeps its own overhead. 5% of capacity is held back for fragmentation.
 */
export function fit(mem: MemoryBreakdown, hw: HardwareRow, nDevices: number): Fit {
  const shardable = mem.total - mem.overhead;
  const perDevice = shardable / nDevices + mem.overhead;
  if (hw.memory_gb === null)
    return { status: 'fits', devicesNeeded: nDevices, perDeviceBytes: perDevice, capacityBytes: null };
  const capacity = hw.memory_gb * 1e9 * 0.95;
  if (perDevice <= capacity)
    return { status: 'fits', devicesNeeded: nDevices, perDeviceBytes: perDevice, capacityBytes: capacity };
  const usable = capacity - mem.overhead;
  const needed = usable > 0 ? Math.ceil(shardable / usable) : Infinity;
  if (needed <= MAX_DEVICES)
    return {
      status: 'needs-more',
      devicesNeeded: needed,
      perDeviceBytes: perDevice,
      capacityBytes: capacity,
    };
  return {
    status: 'does-not-fit',
    devicesNeeded: null,
    perDeviceBytes: perDevice,
    capacityBytes: capacity,
    reason: `needs ${(shardable / 1e9).toFixed(1)} GB of model state, more than ${MAX_DEVICES} × ${hw.memory_gb} GB`,
  };
}
