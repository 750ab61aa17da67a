/** Apple Silicon chips (GPU side), one row per chip bin; memory configurations are added by apple-configs.ts. */
import { fact, type Fact, type Reject } from './device-types.ts';

const APPLE = 'vendor-datasheet:apple';
const MBP_2023 = `${APPLE} MacBook Pro (Nov 2023) tech specs:`;
const MBP_2024 = `${APPLE} MacBook Pro (Nov 2024) tech specs:`;
const MAC_MINI_2024 = `${APPLE} Mac mini (2024) tech specs:`;
const MBP_M5 = `${APPLE} MacBook Pro 14-inch (M5, 2025) tech specs:`;

export interface AppleChip {
  id: string;
  /** Name after "Apple ", e.g. `M3 Max (40-core GPU)`; the family is the part before the parenthesis. */
  chip: string;
  gpu: number;
  arch: string;
  /** hf-providers row (`<chip>_<GB>`); its memory is the chip row's configuration. */
  hf?: string;
  metal?: string;
  aliases: string[];
  /** Fraction of the metal-benchmarks chip's GPU cores. */
  coreScale?: number;
  /** A binned GPU variant: the bare family name and its `<family> <N>GB` spellings belong to the full chip. */
  bin?: boolean;
  date: string;
  segment?: string;
  facts?: Fact[];
  reject?: Reject[];
}

/**
 * A binned GPU with no raw row of its own: FP32 = the full chip's hf-providers (waredb) FP16 / 2 x cores ratio,
 * FP16 = FP32 (as the merge does for Apple), TDP = the hf-providers estimate of a configuration with this bin.
 */
function binFacts(b: {
  doc: string;
  gpu: number;
  of: number;
  fullRow: string;
  fullFp16: number;
  tdpRow: string;
  tdp: number;
  memory: [number, string];
  bw: [number, string];
}): Fact[] {
  const fp32 = Math.round(((b.fullFp16 / 2) * b.gpu * 1000) / b.of) / 1000;
  const derivation = `derived:hw-specs-hf-providers:${b.fullRow}:fp16_tflops ${b.fullFp16} / 2 x${b.gpu}/${b.of} GPU cores`;
  return [
    fact('memory_gb', b.memory[0], b.memory[1]),
    fact('mem_bw_gbs', b.bw[0], b.bw[1]),
    fact('fp32_tflops', fp32, derivation),
    fact('fp16_tflops', fp32, `${derivation}, FP16 rate = FP32 (hw-specs-apple-metal-benchmarks)`),
    fact('tdp_w', b.tdp, `hw-specs-hf-providers:${b.tdpRow}:tdp_w (notebookcheck estimate)`),
    fact('cores', b.gpu, `${b.doc} ${b.gpu}-core GPU`),
  ];
}

export const APPLE_CHIPS: AppleChip[] = [
  {
    id: 'apple-m1',
    chip: 'M1',
    gpu: 8,
    arch: 'm1',
    hf: 'm1_16',
    metal: 'M1',
    aliases: ['M1', 'M1 8-Core GPU'],
    date: '2020-11-17',
  },
  {
    id: 'apple-m1-7c-gpu',
    bin: true,
    chip: 'M1 (7-core GPU)',
    gpu: 7,
    arch: 'm1',
    hf: 'm1_8',
    metal: 'M1',
    aliases: ['M1 7-Core GPU'],
    coreScale: 7 / 8,
    date: '2020-11-17',
  },
  {
    id: 'apple-m1-pro',
    chip: 'M1 Pro',
    gpu: 16,
    arch: 'm1',
    hf: 'm1_pro_32',
    metal: 'M1P',
    aliases: ['M1 Pro', 'M1 Pro 16-Core GPU'],
    date: '2021-10-26',
  },
  {
    id: 'apple-m1-max',
    chip: 'M1 Max',
    gpu: 32,
    arch: 'm1',
    hf: 'm1_max_64',
    metal: 'M1M',
    aliases: ['M1 Max', 'M1 Max 32-Core GPU'],
    date: '2021-10-26',
  },
  {
    id: 'apple-m1-max-24c-gpu',
    bin: true,
    chip: 'M1 Max (24-core GPU)',
    gpu: 24,
    arch: 'm1',
    hf: 'm1_max_64',
    metal: 'M1M',
    aliases: ['M1 Max 24-Core GPU'],
    coreScale: 24 / 32,
    date: '2021-10-26',
  },
  {
    id: 'apple-m1-ultra',
    chip: 'M1 Ultra',
    gpu: 64,
    arch: 'm1',
    hf: 'm1_ultra_128',
    metal: 'M1U',
    aliases: ['M1 Ultra', 'M1 Ultra 64-Core GPU'],
    date: '2022-03-18',
    segment: 'workstation',
  },
  {
    id: 'apple-m2',
    chip: 'M2',
    gpu: 10,
    arch: 'm2',
    hf: 'm2_24',
    metal: 'M2',
    aliases: ['M2', 'M2 10-Core GPU'],
    date: '2022-06-24',
  },
  {
    id: 'apple-m2-pro',
    chip: 'M2 Pro',
    gpu: 19,
    arch: 'm2',
    hf: 'm2_pro_32',
    metal: 'M2P',
    aliases: ['M2 Pro', 'M2 Pro 19-Core GPU'],
    date: '2023-01-24',
  },
  {
    id: 'apple-m2-max',
    chip: 'M2 Max',
    gpu: 38,
    arch: 'm2',
    hf: 'm2_max_96',
    metal: 'M2M',
    aliases: ['M2 Max', 'M2 Max 38-Core GPU'],
    date: '2023-01-24',
  },
  {
    id: 'apple-m2-ultra',
    chip: 'M2 Ultra (76-core GPU)',
    gpu: 76,
    arch: 'm2',
    hf: 'm2_ultra_192',
    aliases: ['M2 Ultra', 'M2 Ultra 76-Core GPU', 'M2 ULTRA'],
    date: '2023-06-13',
    segment: 'workstation',
  },
  {
    id: 'apple-m3',
    chip: 'M3',
    gpu: 10,
    arch: 'm3',
    hf: 'm3_24',
    aliases: ['M3', 'M3 10-Core GPU'],
    date: '2023-11-07',
  },
  {
    id: 'apple-m3-pro',
    chip: 'M3 Pro',
    gpu: 18,
    arch: 'm3',
    hf: 'm3_pro_36',
    aliases: ['M3 Pro', 'M3 Pro 18-Core GPU'],
    date: '2023-11-07',
  },
  {
    id: 'apple-m3-max',
    chip: 'M3 Max (40-core GPU)',
    gpu: 40,
    arch: 'm3',
    hf: 'm3_max_128',
    aliases: ['M3 Max', 'M3 Max 40-Core GPU'],
    date: '2023-11-07',
  },
  {
    id: 'apple-m3-ultra',
    chip: 'M3 Ultra (80-core GPU)',
    gpu: 80,
    arch: 'm3',
    hf: 'm3_ultra_192',
    aliases: ['M3 Ultra', 'M3 Ultra 80-Core GPU'],
    date: '2025-03-12',
    segment: 'workstation',
    facts: [
      fact('mem_bw_gbs', 819, `${APPLE} Mac Studio (2025) tech specs: M3 Ultra 819GB/s memory bandwidth`),
    ],
    reject: [
      {
        field: 'mem_bw_gbs',
        source: 'hf',
        why: 'hf-providers rounds M3 Ultra to 800 GB/s (Apple: 819 GB/s)',
      },
    ],
  },
  {
    id: 'apple-m4',
    chip: 'M4',
    gpu: 10,
    arch: 'm4',
    hf: 'm4_32',
    aliases: ['M4', 'M4 10-Core GPU'],
    date: '2024-11-08',
  },
  {
    id: 'apple-m4-pro',
    chip: 'M4 Pro (20-core GPU)',
    gpu: 20,
    arch: 'm4',
    hf: 'm4_pro_48',
    aliases: ['M4 Pro', 'M4 Pro 20-Core GPU'],
    date: '2024-11-08',
  },
  {
    id: 'apple-m4-max',
    chip: 'M4 Max (40-core GPU)',
    gpu: 40,
    arch: 'm4',
    hf: 'm4_max_128',
    aliases: ['M4 Max', 'M4 Max 40-Core GPU'],
    date: '2024-11-08',
  },
  {
    id: 'apple-m3-max-30c-gpu',
    chip: 'M3 Max (30-core GPU)',
    gpu: 30,
    arch: 'm3',
    bin: true,
    aliases: ['M3 Max 30-Core GPU'],
    date: '2023-11-07',
    facts: binFacts({
      doc: MBP_2023,
      gpu: 30,
      of: 40,
      fullRow: 'm3_max_128',
      fullFp16: 32.8,
      tdpRow: 'm3_max_36',
      tdp: 75,
      memory: [96, `${MBP_2023} M3 Max 30-core GPU with 36GB, configurable to 96GB`],
      bw: [300, `${MBP_2023} M3 Max 14-core CPU/30-core GPU 300GB/s memory bandwidth`],
    }),
  },
  {
    id: 'apple-m4-pro-16c-gpu',
    chip: 'M4 Pro (16-core GPU)',
    gpu: 16,
    arch: 'm4',
    bin: true,
    aliases: ['M4 Pro 16-Core GPU'],
    date: '2024-11-08',
    facts: binFacts({
      doc: MAC_MINI_2024,
      gpu: 16,
      of: 20,
      fullRow: 'm4_pro_48',
      fullFp16: 18.4,
      tdpRow: 'm4_pro_24',
      tdp: 45,
      memory: [64, `${MAC_MINI_2024} M4 Pro with 24GB, configurable to 48GB or 64GB`],
      bw: [273, `${MAC_MINI_2024} M4 Pro 273GB/s memory bandwidth`],
    }),
  },
  {
    id: 'apple-m4-max-32c-gpu',
    chip: 'M4 Max (32-core GPU)',
    gpu: 32,
    arch: 'm4',
    bin: true,
    aliases: ['M4 Max 32-Core GPU'],
    date: '2024-11-08',
    facts: binFacts({
      doc: MBP_2024,
      gpu: 32,
      of: 40,
      fullRow: 'm4_max_128',
      fullFp16: 36.9,
      tdpRow: 'm4_max_36',
      tdp: 75,
      memory: [36, `${MBP_2024} M4 Max 14-core CPU/32-core GPU with 36GB`],
      bw: [410, `${MBP_2024} M4 Max 14-core CPU/32-core GPU 410GB/s memory bandwidth`],
    }),
  },
  {
    id: 'apple-m5',
    chip: 'M5',
    gpu: 10,
    arch: 'm5',
    aliases: ['M5', 'M5 10-Core GPU'],
    date: '2025-10-22',
    facts: [
      fact('memory_gb', 32, `${MBP_M5} M5 with 16GB, configurable to 24GB or 32GB`),
      fact('mem_bw_gbs', 153, `${APPLE} M5 announcement (2025-10-15): 153GB/s unified memory bandwidth`),
      fact('cores', 10, `${MBP_M5} M5 10-core GPU`),
    ],
  },
];
