/** Memory footprint of a workload with its breakdown, and whether (and on how many devices) it fits. */
import type { HardwareRow } from '../catalog/schema.ts';
import { kvCacheBytes, totalParams } from './cost.ts';
import { deviceCapacity } from './capacity.ts';
import { runtimeMemory } from './overhead.ts';
import type { PrecisionInfo } from './precision.ts';
import { DEFAULTS, isGenerative, type Workload } from './workload.ts';

export interface MemoryBreakdown {
  weights: number;
  kvCache: number;
  activations: number;
  gradients: number;
  optimizer: number;
  /** Runtime context and buffers per device (CUDA/Metal context, workspaces, llama.cpp's compute buffer). */
  overhead: number;
  total: number;
  /** Share of usable memory the runtime keeps back (allocator slack, a serving engine's utilization cap). */
  reserve: number;
  /** Which runtime's figures the overhead and reserve follow. */
  runtimeNote: string;
}

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
      kvCache = kvCacheBytes(m, S + (w.genTokens ?? DEFAULTS.genTokens), p, w.kvPrecision) * B;
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
  const rt = runtimeMemory(w, p, kind);
  const overhead = rt.overheadBytes;
  return {
    weights,
    kvCache,
    activations,
    gradients,
    optimizer,
    overhead,
    total: weights + kvCache + activations + gradients + optimizer + overhead,
    reserve: rt.reserve,
    runtimeNote: rt.note,
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
 * (tensor/pipeline sharding); each device keeps its own overhead. Capacity is in bytes (vendors' GB labels are
 * GiB), limited to what a process may use (Apple's GPU working set) less the runtime's reserve.
 */
export function fit(mem: MemoryBreakdown, hw: HardwareRow, nDevices: number): Fit {
  const shardable = mem.total - mem.overhead;
  const perDevice = shardable / nDevices + mem.overhead;
  const cap = deviceCapacity(hw);
  if (cap === null)
    return { status: 'fits', devicesNeeded: nDevices, perDeviceBytes: perDevice, capacityBytes: null };
  const capacity = cap.usableBytes * (1 - mem.reserve);
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
    reason: `needs ${gb(shardable)} of model state, more than ${MAX_DEVICES} × ${gb(capacity)} usable`,
  };
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/**
 * The fit in words, bytes against bytes: "16.1 GB of weights + 0.1 GB KV + 0.6 GB overhead = 16.8 GB of
 * 17.2 GB", with the limit that applies (Apple's working set, the runtime's reserve) and how to raise it.
 */
export function fitSummary(mem: MemoryBreakdown, f: Fit, hw: HardwareRow): string {
  const n = f.devicesNeeded ?? 1;
  const per = (b: number) => (n > 1 ? b / n : b);
  const parts = [`${n > 1 ? 'per device, ' : ''}${gb(per(mem.weights))} of weights`];
  if (mem.kvCache > 0) parts.push(`${gb(per(mem.kvCache))} KV`);
  if (mem.activations > 0) parts.push(`${gb(per(mem.activations))} activations`);
  if (mem.gradients + mem.optimizer > 0)
    parts.push(`${gb(per(mem.gradients + mem.optimizer))} gradients and optimizer`);
  parts.push(`${gb(mem.overhead)} overhead`);
  const cap = deviceCapacity(hw);
  if (!cap) return `${parts.join(' + ')} = ${gb(f.perDeviceBytes)}; capacity unknown`;
  const limits: string[] = [];
  if (cap.limit)
    limits.push(`${gb(cap.usableBytes)} usable: ${cap.limit}; ${cap.raise ?? ''}`.replace(/; $/, ''));
  if (mem.reserve > 0) limits.push(`${Math.round(mem.reserve * 100)}% kept back by the runtime`);
  const of = f.capacityBytes === null ? '' : ` of ${gb(f.capacityBytes)}`;
  const label = `${hw.memory_gb} GB = ${gb(cap.bytes)}`;
  return `${parts.join(' + ')} = ${gb(f.perDeviceBytes)}${of} (${label}${limits.length ? `; ${limits.join('; ')}` : ''})`;
}
