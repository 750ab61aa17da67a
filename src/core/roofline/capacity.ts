/** Device memory in bytes as vendors mean it, and the share one process may use by default. */
import type { HardwareRow } from '../catalog/schema.ts';

export const GIB = 1024 ** 3;

export interface Capacity {
  /** The device's memory: vendors' "GB" on GPU, SoC and accelerator memory are binary (a "24 GB" card holds 24 GiB). */
  bytes: number;
  /** What a process can allocate by default. */
  usableBytes: number;
  /** The limit that applies, in words, or null when the whole memory is usable. */
  limit: string | null;
  /** How users raise the limit, where they can. */
  raise: string | null;
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/**
 * macOS lets the GPU wire at most its recommended working set by default (Metal's
 * `recommendedMaxWorkingSetSize`): 2/3 of unified memory up to 32 GiB, 3/4 above (as llama.cpp logs it:
 * 10.7 of 16 GiB, 48 of 64 GiB, 144 of 192 GiB).
 */
export function appleGpuShare(bytes: number): number {
  return bytes > 32 * GIB ? 0.75 : 2 / 3;
}

/** Capacity of one device, or null when the catalog has no memory figure. */
export function deviceCapacity(hw: Pick<HardwareRow, 'memory_gb' | 'vendor' | 'kind'>): Capacity | null {
  if (hw.memory_gb === null || !(hw.memory_gb > 0)) return null;
  const bytes = hw.memory_gb * GIB;
  if (hw.vendor === 'Apple' && hw.kind === 'soc-gpu') {
    const share = appleGpuShare(bytes);
    return {
      bytes,
      usableBytes: bytes * share,
      limit: `macOS's default GPU working set, ${Math.round(share * 100)}% of ${gb(bytes)} unified memory`,
      raise: 'raise it with `sudo sysctl iogpu.wired_limit_mb=<MB>` (macOS 14 and later)',
    };
  }
  return { bytes, usableBytes: bytes, limit: null, raise: null };
}

/** Usable memory in decimal GB (10⁹ bytes, the unit every footprint is shown in), or null when unknown. */
export function usableGb(hw: Pick<HardwareRow, 'memory_gb' | 'vendor' | 'kind'>): number | null {
  const c = deviceCapacity(hw);
  return c ? c.usableBytes / 1e9 : null;
}
