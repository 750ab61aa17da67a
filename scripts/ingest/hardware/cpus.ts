/**
 * CPUs seen in the measurement sources. No raw source has CPU FLOP/s, so the peaks are derived here from
 * vendor datasheet facts: Σ cores × base clock × FP32 FLOP/cycle/core, and channels × MT/s × 8 bytes.
 */
import type { HardwareRow } from '../../../src/core/catalog/schema.ts';

interface CoreGroup {
  cores: number;
  base_ghz: number;
  /** FP32 FLOP per cycle per core: AVX2 2×FMA 32, AVX-512 2×FMA 64, 128-bit 2×FMA 16. */
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

const AVX2 = 32;
const AVX512 = 64;
const SSE_2FMA = 16;

export const CPUS: CpuFacts[] = [
  {
    id: 'intel-core-i9-10940x',
    name: 'Intel Core i9-10940X',
    vendor: 'Intel',
    segment: 'workstation',
    architecture: 'cascade-lake',
    release_date: '2019-10-07',
    groups: [{ cores: 14, base_ghz: 3.3, fp32_per_cycle: AVX512 }],
    simd: 'AVX-512 (2 FMA units)',
    mem_channels: 4,
    mem_mts: 2933,
    mem_type: 'DDR4',
    tdp_w: 165,
    aliases: ['i9-10940X', 'i9_10940x', 'Core i9-10940X', 'cpu-i9_10940x'],
    source: 'intel-ark:i9-10940X (14C, 3.3 GHz base, 4ch DDR4-2933, 165 W)',
  },
  {
    id: 'intel-core-i7-12700h',
    name: 'Intel Core i7-12700H',
    vendor: 'Intel',
    segment: 'laptop',
    architecture: 'alder-lake',
    release_date: '2022-01-04',
    groups: [
      { cores: 6, base_ghz: 2.3, fp32_per_cycle: AVX2 },
      { cores: 8, base_ghz: 1.7, fp32_per_cycle: SSE_2FMA },
    ],
    simd: 'AVX2 (P: 2x256-bit FMA, E: 2x128-bit FMA)',
    mem_channels: 2,
    mem_mts: 4800,
    mem_type: 'DDR5',
    tdp_w: 45,
    aliases: ['i7-12700H', 'i7_12700h', 'Core i7-12700H', '12700H', 'cpu-i7_12700h'],
    source: 'intel-ark:i7-12700H (6P@2.3 + 8E@1.7 GHz base, 2ch DDR5-4800, 45 W base power)',
  },
  {
    id: 'intel-core-i9-13900k',
    name: 'Intel Core i9-13900K',
    vendor: 'Intel',
    segment: 'consumer',
    architecture: 'raptor-lake',
    release_date: '2022-10-20',
    groups: [
      { cores: 8, base_ghz: 3.0, fp32_per_cycle: AVX2 },
      { cores: 16, base_ghz: 2.2, fp32_per_cycle: SSE_2FMA },
    ],
    simd: 'AVX2 (P: 2x256-bit FMA, E: 2x128-bit FMA)',
    mem_channels: 2,
    mem_mts: 5600,
    mem_type: 'DDR5',
    tdp_w: 125,
    aliases: [
      'i9-13900K',
      'Core i9-13900K',
      '13th Gen Intel(R) Core(TM) i9-13900K',
      '13900K',
      'intel_13900k',
    ],
    source: 'intel-ark:i9-13900K (8P@3.0 + 16E@2.2 GHz base, 2ch DDR5-5600, 125 W base power)',
  },
  {
    id: 'intel-core-i7-8750h',
    name: 'Intel Core i7-8750H',
    vendor: 'Intel',
    segment: 'laptop',
    architecture: 'coffee-lake',
    release_date: '2018-04-03',
    groups: [{ cores: 6, base_ghz: 2.2, fp32_per_cycle: AVX2 }],
    simd: 'AVX2 (2 FMA units)',
    mem_channels: 2,
    mem_mts: 2666,
    mem_type: 'DDR4',
    tdp_w: 45,
    aliases: ['i7-8750H', 'Core i7-8750H'],
    source: 'intel-ark:i7-8750H (6C, 2.2 GHz base, 2ch DDR4-2666, 45 W)',
  },
  {
    id: 'intel-core-i3-8100',
    name: 'Intel Core i3-8100',
    vendor: 'Intel',
    segment: 'consumer',
    architecture: 'coffee-lake',
    release_date: '2017-10-05',
    groups: [{ cores: 4, base_ghz: 3.6, fp32_per_cycle: AVX2 }],
    simd: 'AVX2 (2 FMA units)',
    mem_channels: 2,
    mem_mts: 2400,
    mem_type: 'DDR4',
    tdp_w: 65,
    aliases: ['i3-8100', 'i3-8100 @ 3.60GHz', 'Core i3-8100'],
    source: 'intel-ark:i3-8100 (4C, 3.6 GHz, 2ch DDR4-2400, 65 W)',
  },
  {
    id: 'intel-xeon-gold-6240r',
    name: 'Intel Xeon Gold 6240R',
    vendor: 'Intel',
    segment: 'datacenter',
    architecture: 'cascade-lake',
    release_date: '2020-02-24',
    groups: [{ cores: 24, base_ghz: 2.4, fp32_per_cycle: AVX512 }],
    simd: 'AVX-512 (2 FMA units), VNNI',
    mem_channels: 6,
    mem_mts: 2933,
    mem_type: 'DDR4',
    tdp_w: 165,
    aliases: ['Xeon Gold 6240R', 'Intel(R) Xeon(R) Gold 6240R CPU @ 2.40GHz'],
    source: 'intel-ark:Xeon Gold 6240R (24C, 2.4 GHz base, 6ch DDR4-2933, 165 W)',
  },
  {
    id: 'intel-xeon-w7-2495x',
    name: 'Intel Xeon w7-2495X',
    vendor: 'Intel',
    segment: 'workstation',
    architecture: 'sapphire-rapids',
    release_date: '2023-02-15',
    groups: [{ cores: 24, base_ghz: 2.5, fp32_per_cycle: AVX512 }],
    simd: 'AVX-512 (2 FMA units), AMX',
    mem_channels: 4,
    mem_mts: 4800,
    mem_type: 'DDR5',
    tdp_w: 225,
    amx: true,
    aliases: ['Xeon w7-2495X', 'Intel(R) Xeon(R) w7-2495X'],
    source: 'intel-ark:Xeon w7-2495X (24C, 2.5 GHz base, 4ch DDR5-4800, 225 W)',
  },
  {
    id: 'intel-xeon-platinum-8480plus',
    name: 'Intel Xeon Platinum 8480+',
    vendor: 'Intel',
    segment: 'datacenter',
    architecture: 'sapphire-rapids',
    release_date: '2023-01-10',
    groups: [{ cores: 56, base_ghz: 2.0, fp32_per_cycle: AVX512 }],
    simd: 'AVX-512 (2 FMA units), AMX',
    mem_channels: 8,
    mem_mts: 4800,
    mem_type: 'DDR5',
    tdp_w: 350,
    amx: true,
    aliases: ['Xeon Platinum 8480+', 'INTEL(R) XEON(R) PLATINUM 8480+', 'Intel(R) Xeon(R) Platinum 8480+'],
    source: 'intel-ark:Xeon Platinum 8480+ (56C, 2.0 GHz base, 8ch DDR5-4800, 350 W)',
  },
  {
    id: 'intel-xeon-platinum-8592plus',
    name: 'Intel Xeon Platinum 8592+',
    vendor: 'Intel',
    segment: 'datacenter',
    architecture: 'emerald-rapids',
    release_date: '2023-12-14',
    groups: [{ cores: 64, base_ghz: 1.9, fp32_per_cycle: AVX512 }],
    simd: 'AVX-512 (2 FMA units), AMX',
    mem_channels: 8,
    mem_mts: 5600,
    mem_type: 'DDR5',
    tdp_w: 350,
    amx: true,
    aliases: ['Xeon Platinum 8592+', 'INTEL(R) XEON(R) PLATINUM 8592+', 'Intel(R) Xeon(R) Platinum 8592+'],
    source: 'intel-ark:Xeon Platinum 8592+ (64C, 1.9 GHz base, 8ch DDR5-5600, 350 W)',
  },
  {
    id: 'intel-xeon-6980p',
    name: 'Intel Xeon 6980P',
    vendor: 'Intel',
    segment: 'datacenter',
    architecture: 'granite-rapids',
    release_date: '2024-09-24',
    groups: [{ cores: 128, base_ghz: 2.0, fp32_per_cycle: AVX512 }],
    simd: 'AVX-512 (2 FMA units), AMX (BF16/FP16)',
    mem_channels: 12,
    mem_mts: 6400,
    mem_type: 'DDR5',
    tdp_w: 500,
    amx: true,
    aliases: ['Xeon 6980P', 'INTEL(R) XEON(R) 6980P', 'Intel(R) Xeon(R) 6980P'],
    source: 'intel-ark:Xeon 6980P (128C, 2.0 GHz base, 12ch DDR5-6400, 500 W)',
  },
  {
    id: 'intel-xeon-6787p',
    name: 'Intel Xeon 6787P',
    vendor: 'Intel',
    segment: 'datacenter',
    architecture: 'granite-rapids',
    release_date: '2025-02-24',
    groups: [{ cores: 86, base_ghz: 2.0, fp32_per_cycle: AVX512 }],
    simd: 'AVX-512 (2 FMA units), AMX (BF16/FP16)',
    mem_channels: 8,
    mem_mts: 6400,
    mem_type: 'DDR5',
    tdp_w: 350,
    amx: true,
    aliases: [
      'Xeon 6787P',
      'INTEL(R) XEON(R) 6787P',
      'Intel(R) Xeon(R) 6787P',
      'Intel Xeon 6787P 86-Core Processor',
      'Intel(R) Xeon(R) Platinum 6787P',
    ],
    source: 'intel-ark:Xeon 6787P (86C, 2.0 GHz base, 8ch DDR5-6400, 350 W)',
  },
  {
    id: 'amd-ryzen-9-7950x',
    name: 'AMD Ryzen 9 7950X',
    vendor: 'AMD',
    segment: 'consumer',
    architecture: 'zen4',
    release_date: '2022-09-27',
    groups: [{ cores: 16, base_ghz: 4.5, fp32_per_cycle: AVX2 }],
    simd: 'AVX-512 on 256-bit datapaths (2x256-bit FMA)',
    mem_channels: 2,
    mem_mts: 5200,
    mem_type: 'DDR5',
    tdp_w: 170,
    aliases: ['Ryzen 9 7950X', 'AMD Ryzen 9 7950X 16-Core Processor', '7950X'],
    source: 'amd-product-page:Ryzen 9 7950X (16C, 4.5 GHz base, 2ch DDR5-5200, 170 W)',
  },
  {
    id: 'amd-ryzen-5-5500u',
    name: 'AMD Ryzen 5 5500U',
    vendor: 'AMD',
    segment: 'laptop',
    architecture: 'zen2',
    release_date: '2021-01-12',
    groups: [{ cores: 6, base_ghz: 2.1, fp32_per_cycle: AVX2 }],
    simd: 'AVX2 (2x256-bit FMA)',
    mem_channels: 2,
    mem_mts: 3200,
    mem_type: 'DDR4',
    tdp_w: 15,
    aliases: ['Ryzen 5 5500U', 'AMD Ryzen 5 5500U with Radeon Graphics'],
    source: 'amd-product-page:Ryzen 5 5500U (6C, 2.1 GHz base, 2ch DDR4-3200, 15 W)',
  },
  {
    id: 'amd-ryzen-5-5560u',
    name: 'AMD Ryzen 5 5560U',
    vendor: 'AMD',
    segment: 'laptop',
    architecture: 'zen3',
    release_date: '2021-06-01',
    groups: [{ cores: 6, base_ghz: 2.3, fp32_per_cycle: AVX2 }],
    simd: 'AVX2 (2x256-bit FMA)',
    mem_channels: 2,
    mem_mts: 3200,
    mem_type: 'DDR4',
    tdp_w: 15,
    aliases: ['Ryzen 5 5560U', 'AMD Ryzen 5 5560U with Radeon Graphics'],
    source: 'amd-product-page:Ryzen 5 5560U (6C, 2.3 GHz base, 2ch DDR4-3200, 15 W)',
  },
];

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Turn datasheet facts into catalog rows; peaks in TFLOPS at base clock. */
export function cpuRows(): HardwareRow[] {
  return CPUS.map((c) => {
    const cores = c.groups.reduce((s, g) => s + g.cores, 0);
    const fp32 = c.groups.reduce((s, g) => s + g.cores * g.base_ghz * g.fp32_per_cycle, 0) / 1000;
    const baseAll = c.groups.reduce((s, g) => s + g.cores * g.base_ghz, 0);
    const bw = (c.mem_channels * c.mem_mts * 8) / 1000;
    const formula = c.groups.map((g) => `${g.cores}x${g.base_ghz}GHzx${g.fp32_per_cycle}`).join('+');
    const src = [
      `fp32_tflops=derived:cores*clock*flops_per_cycle ${formula} (${c.source}; ${c.simd})`,
      `mem_bw_gbs=derived:channels*MT/s*8B ${c.mem_channels}x${c.mem_mts}x8 (${c.source})`,
      `tdp_w=${c.source}`,
      `cores=${c.source}`,
      `release_date=${c.source}`,
    ];
    let bf16: number | null = null;
    let int8: number | null = null;
    if (c.amx) {
      bf16 = r2((baseAll * 1024) / 1000);
      int8 = r2((baseAll * 2048) / 1000);
      src.push(`bf16_tflops=derived:cores*clock*1024 AMX BF16 FLOP/cycle (${c.source})`);
      src.push(`int8_tops=derived:cores*clock*2048 AMX INT8 OP/cycle (${c.source})`);
    }
    return {
      id: c.id,
      name: c.name,
      aliases: c.aliases.join('|'),
      vendor: c.vendor,
      kind: 'cpu',
      segment: c.segment,
      architecture: c.architecture,
      release_date: c.release_date,
      memory_gb: null,
      mem_bw_gbs: r2(bw),
      fp32_tflops: Math.round(fp32 * 1000) / 1000,
      tf32_tflops: null,
      fp16_tflops: null,
      fp16_acc32_tflops: null,
      bf16_tflops: bf16,
      fp8_tflops: null,
      fp4_tflops: null,
      int8_tops: int8,
      int4_tops: null,
      tdp_w: c.tdp_w,
      interconnect: `${c.mem_channels}ch ${c.mem_type}-${c.mem_mts}`,
      interconnect_gbs: null,
      price_usd: null,
      cloud_usd_hr: null,
      cores,
      spec_sources: src.join(';'),
      notes: 'CPU peaks at base clock (all-core AVX clocks differ); memory_gb is system-dependent (null).',
    };
  });
}
