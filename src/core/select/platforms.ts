/** Platform classes of a device (what kind of machine it is) and the software backends it can be reached through. */
import type { HardwareRow } from '../catalog/schema.ts';

export const PLATFORM_CLASSES = [
  'datacenter-gpu',
  'workstation-gpu',
  'consumer-gpu',
  'apple',
  'cpu',
  'browser-webgpu',
  'browser-webnn',
  'browser-wasm',
  'npu-tpu',
] as const;
export type PlatformClass = (typeof PLATFORM_CLASSES)[number];

/** The in-browser classes (the `browser` group in links). */
export const BROWSER_PLATFORMS = [
  'browser-webgpu',
  'browser-webnn',
  'browser-wasm',
] as const satisfies readonly PlatformClass[];

/** Searchable text of a row, for browser rows whose API is named only in the id, name or aliases. */
const rowText = (hw: HardwareRow) => `${hw.id} ${hw.name} ${hw.aliases} ${hw.notes ?? ''}`.toLowerCase();

/**
 * Classify a device from kind, segment and vendor:
 * - `browser` rows by the API named in id/name/aliases (webnn, webgpu; otherwise wasm);
 * - `tpu`/`npu` → npu-tpu; `cpu` → cpu; Apple SoCs → apple;
 * - GPUs (discrete or SoC) by segment: datacenter, workstation; consumer, laptop and edge → consumer-gpu.
 *   Without a segment, a device with a cloud price is datacenter, else consumer.
 */
export function platformClass(hw: HardwareRow): PlatformClass {
  switch (hw.kind) {
    case 'browser': {
      const t = rowText(hw);
      if (t.includes('webnn')) return 'browser-webnn';
      if (t.includes('webgpu')) return 'browser-webgpu';
      return 'browser-wasm';
    }
    case 'tpu':
    case 'npu':
      return 'npu-tpu';
    case 'cpu':
      return 'cpu';
    case 'gpu':
    case 'soc-gpu':
      if (hw.vendor.toLowerCase() === 'apple') return 'apple';
      switch (hw.segment) {
        case 'datacenter':
          return 'datacenter-gpu';
        case 'workstation':
          return 'workstation-gpu';
        case null:
          return hw.cloud_usd_hr !== null ? 'datacenter-gpu' : 'consumer-gpu';
        default:
          return 'consumer-gpu';
      }
  }
}

/** Software backends a model runs through (columns of the compatibility matrix). */
export const BACKENDS = [
  'cuda',
  'rocm',
  'mps',
  'xpu',
  'xla',
  'npu',
  'cpu',
  'webgpu',
  'webnn',
  'wasm',
] as const;
export type Backend = (typeof BACKENDS)[number];

/** The device's own native backend: CUDA for NVIDIA, ROCm for AMD GPUs, MPS/Metal for Apple, XPU for Intel GPUs. */
export function nativeBackend(hw: HardwareRow): Backend | null {
  const v = hw.vendor.toLowerCase();
  switch (hw.kind) {
    case 'cpu':
      return 'cpu';
    case 'tpu':
      return 'xla';
    case 'npu':
      return 'npu';
    case 'browser': {
      const c = platformClass(hw);
      return c === 'browser-webnn' ? 'webnn' : c === 'browser-webgpu' ? 'webgpu' : 'wasm';
    }
    case 'gpu':
    case 'soc-gpu':
      if (v === 'nvidia') return 'cuda';
      if (v === 'amd') return 'rocm';
      if (v === 'apple') return 'mps';
      if (v === 'intel') return 'xpu';
      return null;
  }
}

/**
 * Every backend a device can be reached through: its native one plus the browser APIs of client machines
 * (WebGPU on non-datacenter GPUs and SoCs; WASM on CPUs and SoCs; WebNN on both).
 */
export function backendsOf(hw: HardwareRow): Backend[] {
  const out = new Set<Backend>();
  const native = nativeBackend(hw);
  if (native) out.add(native);
  const client = hw.segment !== 'datacenter';
  if ((hw.kind === 'gpu' || hw.kind === 'soc-gpu') && client) {
    out.add('webgpu');
    out.add('webnn');
  }
  if (hw.kind === 'soc-gpu' || (hw.kind === 'cpu' && client)) {
    out.add('wasm');
    out.add('webnn');
  }
  return BACKENDS.filter((b) => out.has(b));
}

/** The backend a measurement ran on, from its runtime string, else the device's native backend. */
export function measurementBackend(runtime: string | null, hw: HardwareRow): Backend | null {
  const r = (runtime ?? '').toLowerCase();
  if (r.includes('webgpu')) return 'webgpu';
  if (r.includes('webnn')) return 'webnn';
  if (/\bwasm\b|webassembly/.test(r)) return 'wasm';
  if (/\brocm|\bhip\b/.test(r)) return 'rocm';
  if (/metal|\bmps\b|\bmlx\b|coreml/.test(r)) return 'mps';
  if (/\bcpu\b/.test(r) && hw.kind === 'cpu') return 'cpu';
  return nativeBackend(hw);
}
