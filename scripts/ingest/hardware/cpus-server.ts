/** Server CPUs launched in 2024 that the measurement sources do not name yet: AMD EPYC 9005, Intel Xeon 6900P. */
import { AVX512, type CpuFacts } from './cpu-facts.ts';

const ZEN5_SIMD = 'AVX-512 (full 512-bit datapath, 2 FMA units)';
const GNR_SIMD = 'AVX-512 (2 FMA units), AMX (BF16/FP16)';

interface Sku {
  model: string;
  cores: number;
  base_ghz: number;
  tdp_w: number;
}

const epyc = (s: Sku, arch: 'zen5' | 'zen5c'): CpuFacts => ({
  id: `amd-epyc-${s.model.toLowerCase()}`,
  name: `AMD EPYC ${s.model}`,
  vendor: 'AMD',
  segment: 'datacenter',
  architecture: arch,
  release_date: '2024-10-10',
  groups: [{ cores: s.cores, base_ghz: s.base_ghz, fp32_per_cycle: AVX512 }],
  simd: ZEN5_SIMD,
  mem_channels: 12,
  mem_mts: 6000,
  mem_type: 'DDR5',
  tdp_w: s.tdp_w,
  aliases: [`EPYC ${s.model}`, `AMD EPYC ${s.model} ${s.cores}-Core Processor`, `EPYC_${s.model}`],
  source: `amd-product-page:EPYC ${s.model} (${s.cores}C ${arch === 'zen5c' ? 'Zen 5c' : 'Zen 5'}, ${s.base_ghz} GHz base, 12ch DDR5-6000, ${s.tdp_w} W)`,
});

const xeon6 = (s: Sku): CpuFacts => ({
  id: `intel-xeon-${s.model.toLowerCase()}`,
  name: `Intel Xeon ${s.model}`,
  vendor: 'Intel',
  segment: 'datacenter',
  architecture: 'granite-rapids',
  release_date: '2024-09-24',
  groups: [{ cores: s.cores, base_ghz: s.base_ghz, fp32_per_cycle: AVX512 }],
  simd: GNR_SIMD,
  mem_channels: 12,
  mem_mts: 6400,
  mem_type: 'DDR5',
  tdp_w: s.tdp_w,
  amx: true,
  aliases: [`Xeon ${s.model}`, `INTEL(R) XEON(R) ${s.model}`, `Intel(R) Xeon(R) ${s.model}`],
  source: `intel-ark:Xeon ${s.model} (${s.cores}C, ${s.base_ghz} GHz base, 12ch DDR5-6400, ${s.tdp_w} W)`,
});

export const SERVER_CPUS_2024: CpuFacts[] = [
  epyc({ model: '9965', cores: 192, base_ghz: 2.25, tdp_w: 500 }, 'zen5c'),
  epyc({ model: '9755', cores: 128, base_ghz: 2.7, tdp_w: 500 }, 'zen5'),
  epyc({ model: '9575F', cores: 64, base_ghz: 3.3, tdp_w: 400 }, 'zen5'),
  xeon6({ model: '6972P', cores: 96, base_ghz: 2.4, tdp_w: 500 }),
  xeon6({ model: '6952P', cores: 96, base_ghz: 2.1, tdp_w: 400 }),
  xeon6({ model: '6960P', cores: 72, base_ghz: 2.7, tdp_w: 500 }),
];
