/** Precisions as the roofline sees them: bytes per weight/activation/KV element and the compute path used. */
import type { HardwareRow } from '../catalog/schema.ts';
import { bitsPerWeight, isGgufKind } from '../catalog/normalize.ts';

/** The peak-FLOPS column a precision computes at. */
export type ComputeClass = 'fp32' | 'tf32' | 'fp16' | 'fp16-acc32' | 'bf16' | 'fp8' | 'fp4' | 'int8' | 'int4';

export interface PrecisionInfo {
  readonly id: string;
  readonly weightBits: number;
  readonly activationBytes: number;
  readonly kvBytes: number;
  /** Compute paths the kernels may use, fastest-allowed first; the bound uses the fastest the device has. */
  readonly compute: readonly ComputeClass[];
  /** Weight-only quantization (GGUF, int4 W4A16, MLC q4f16): dequantized to fp16/fp32 for the math. */
  readonly weightOnly: boolean;
}

/**
 * Weight-only quantization dequantizes in the kernel; the math may run on int8 dot products (llama.cpp's
 * MMQ, AMX), fp16/bf16 tensor cores or fp32 units. The bound allows the fastest of them.
 */
const WEIGHT_ONLY_COMPUTE: ComputeClass[] = ['int8', 'fp16', 'bf16', 'fp32'];

const infoCache = new Map<string, PrecisionInfo | null>();

/** Precision → its info (shared, read-only; memoized: ranking asks for the same few thousands of times); null for an unknown precision. */
export function precisionInfo(precision: string): PrecisionInfo | null {
  let info = infoCache.get(precision);
  if (info === undefined) {
    info = parsePrecision(precision);
    infoCache.set(precision, info);
  }
  return info;
}

function parsePrecision(precision: string): PrecisionInfo | null {
  const id = precision.toLowerCase();
  const bits = bitsPerWeight(id);
  if (bits === null) return null;
  const mk = (
    activationBytes: number,
    compute: readonly ComputeClass[],
    weightOnly = false,
  ): PrecisionInfo => ({
    id,
    weightBits: bits,
    activationBytes,
    kvBytes: activationBytes,
    compute,
    weightOnly,
  });
  if (isGgufKind(id)) return mk(2, WEIGHT_ONLY_COMPUTE, true);
  switch (id) {
    case 'fp64':
      return mk(8, []);
    case 'fp32':
      return mk(4, ['fp32']);
    case 'tf32':
      return mk(4, ['tf32']);
    case 'fp16':
      // Where half-precision math is slow (Pascal consumer parts: 1/64 rate), frameworks compute fp16 tensors
      // in fp32 units, so the fp32 path is allowed too and the bound takes the faster.
      return mk(2, ['fp16', 'fp32']);
    case 'mixed':
      // PyTorch AMP: fp16 inputs, fp32 accumulate (half rate on GeForce).
      return mk(2, ['fp16-acc32', 'fp32']);
    case 'bf16':
    case 'mixed-bf16':
      return mk(2, ['bf16']);
    case 'fp8':
      return mk(1, ['fp8']);
    case 'fp4':
      return mk(1, ['fp4']);
    case 'int8':
      return mk(1, ['int8']);
    case 'int4':
      return mk(2, ['int4', ...WEIGHT_ONLY_COMPUTE], true);
    case 'q4f16':
      return mk(2, WEIGHT_ONLY_COMPUTE, true);
    case 'q4f32':
      return mk(4, WEIGHT_ONLY_COMPUTE, true);
    default:
      return null;
  }
}

const CPU_LIKE = new Set(['cpu', 'browser']);

/** NVIDIA/AMD/Intel/Apple architectures with native bf16 math (Ampere+, CDNA2+, RDNA3+, Xe-HPC/Gaudi, Apple M2+). */
const BF16_ARCH =
  /ampere|ada|hopper|blackwell|cdna ?[234]|rdna ?[34]|gaudi|xe|battlemage|alchemist|tpu|m[234]\b|^m[234]/i;

/**
 * Peak dense TFLOPS (TOPS for ints) of one device for a compute class, or null when the device cannot
 * compute that way. CPUs run fp16/bf16/int8 through their fp32 units unless the catalog states a faster path.
 */
export function peakTflops(hw: HardwareRow, compute: ComputeClass): number | null {
  const cpu = CPU_LIKE.has(hw.kind);
  // Browsers compute in f32, or f16 where WebGPU's shader-f16 was measured; WGSL and WASM have no bf16.
  const browser = hw.kind === 'browser';
  const fp32 = hw.fp32_tflops;
  switch (compute) {
    case 'fp32':
      return fp32;
    case 'tf32':
      return hw.tf32_tflops;
    case 'fp16':
      return hw.fp16_tflops ?? (cpu && !browser ? fp32 : null);
    case 'fp16-acc32':
      return hw.fp16_acc32_tflops ?? hw.fp16_tflops ?? (cpu && !browser ? fp32 : null);
    case 'bf16':
      if (hw.bf16_tflops !== null) return hw.bf16_tflops;
      if (browser) return null;
      if (cpu) return fp32;
      return hw.architecture && BF16_ARCH.test(hw.architecture) ? hw.fp16_tflops : null;
    case 'fp8':
      return hw.fp8_tflops;
    case 'fp4':
      return hw.fp4_tflops;
    case 'int8':
      return hw.int8_tops ?? (cpu ? fp32 : null);
    case 'int4':
      return hw.int4_tops;
  }
}

export type Support = { ok: true; compute: ComputeClass; peakTflops: number } | { ok: false; reason: string };

/**
 * Can `hw` run `precision`, and at which peak? The fastest allowed compute path the device has wins. With
 * `fp32Accumulate` (PyTorch and other frameworks whose GEMMs accumulate 16-bit inputs in fp32), fp16 runs on
 * the fp32-accumulate path.
 */
export function precisionSupport(hw: HardwareRow, precision: string, fp32Accumulate = false): Support {
  const info = precisionInfo(precision);
  if (!info) return { ok: false, reason: `unknown precision "${precision}"` };
  if (hw.kind === 'browser' && info.activationBytes === 2 && !info.weightOnly && hw.fp16_tflops === null)
    return {
      ok: false,
      reason: `${hw.name} has no half precision: it needs WebGPU's shader-f16 (not measured)`,
    };
  let best: { compute: ComputeClass; peakTflops: number } | null = null;
  for (const c0 of info.compute) {
    const c = fp32Accumulate && c0 === 'fp16' ? 'fp16-acc32' : c0;
    const p = peakTflops(hw, c);
    if (p !== null && p > 0 && (best === null || p > best.peakTflops)) best = { compute: c, peakTflops: p };
  }
  if (best) return { ok: true, ...best };
  const arch = hw.architecture ? ` (${hw.architecture})` : '';
  const wanted = info.compute.length ? info.compute.join('/') : info.id;
  return { ok: false, reason: `${hw.name}${arch} has no ${wanted} support in the catalog` };
}
