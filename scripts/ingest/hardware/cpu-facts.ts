/** Datasheet facts from which CPU peaks are derived (see cpus.ts). */

/** FP32 FLOP per cycle per core: AVX2 2×FMA 32, AVX-512 2×FMA 64, 128-bit 2×FMA 16. */
export const AVX2 = 32;
export const AVX512 = 64;
export const SSE_2FMA = 16;

export interface CoreGroup {
  cores: number;
  base_ghz: number;
  fp32_per_cycle: number;
}

/** Datasheet facts for one CPU. */
export interface CpuFacts {
  id: string;
  name: string;
  vendor: string;
  segment: string;
  architecture: string;
  release_date: string;
  groups: CoreGroup[];
  simd: string;
  mem_channels: number;
  mem_mts: number;
  mem_type: string;
  tdp_w: number;
  /** AMX (Sapphire Rapids+): BF16 1024 FLOP/cycle/core, INT8 2048 OP/cycle/core. */
  amx?: boolean;
  aliases: string[];
  source: string;
}
