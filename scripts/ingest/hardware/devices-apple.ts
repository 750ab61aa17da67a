/** Apple Silicon chips (GPU side; unified memory = the largest configuration hf-providers lists). */
import { fact, type DeviceDef } from './device-types.ts';

interface Chip {
  id: string;
  chip: string;
  arch: string;
  hf: string;
  metal?: string;
  aliases: string[];
  coreScale?: number;
  gpuCores?: number;
  date: string;
  segment?: string;
}

const CHIPS: Chip[] = [
  {
    id: 'apple-m1',
    chip: 'M1',
    arch: 'm1',
    hf: 'm1_16',
    metal: 'M1',
    aliases: ['M1', 'M1 8-Core GPU'],
    date: '2020-11-17',
  },
  {
    id: 'apple-m1-7c-gpu',
    chip: 'M1 (7-core GPU)',
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
    arch: 'm1',
    hf: 'm1_pro_32',
    metal: 'M1P',
    aliases: ['M1 Pro', 'M1 Pro 16-Core GPU'],
    date: '2021-10-26',
  },
  {
    id: 'apple-m1-max',
    chip: 'M1 Max',
    arch: 'm1',
    hf: 'm1_max_64',
    metal: 'M1M',
    aliases: ['M1 Max', 'M1 Max 32-Core GPU'],
    date: '2021-10-26',
  },
  {
    id: 'apple-m1-max-24c-gpu',
    chip: 'M1 Max (24-core GPU)',
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
    arch: 'm2',
    hf: 'm2_24',
    metal: 'M2',
    aliases: ['M2', 'M2 10-Core GPU'],
    date: '2022-06-24',
  },
  {
    id: 'apple-m2-pro',
    chip: 'M2 Pro',
    arch: 'm2',
    hf: 'm2_pro_32',
    metal: 'M2P',
    aliases: ['M2 Pro', 'M2 Pro 19-Core GPU'],
    date: '2023-01-24',
  },
  {
    id: 'apple-m2-max',
    chip: 'M2 Max',
    arch: 'm2',
    hf: 'm2_max_96',
    metal: 'M2M',
    aliases: ['M2 Max', 'M2 Max 38-Core GPU'],
    date: '2023-01-24',
  },
  {
    id: 'apple-m2-ultra',
    chip: 'M2 Ultra (76-core GPU)',
    arch: 'm2',
    hf: 'm2_ultra_192',
    aliases: ['M2 Ultra', 'M2 Ultra 76-Core GPU', 'M2 ULTRA'],
    gpuCores: 76,
    date: '2023-06-13',
    segment: 'workstation',
  },
  {
    id: 'apple-m3',
    chip: 'M3',
    arch: 'm3',
    hf: 'm3_24',
    aliases: ['M3', 'M3 10-Core GPU', 'Apple M3 16GB'],
    gpuCores: 10,
    date: '2023-11-07',
  },
  {
    id: 'apple-m3-pro',
    chip: 'M3 Pro',
    arch: 'm3',
    hf: 'm3_pro_36',
    aliases: ['M3 Pro', 'M3 Pro 18-Core GPU'],
    gpuCores: 18,
    date: '2023-11-07',
  },
  {
    id: 'apple-m3-max',
    chip: 'M3 Max (40-core GPU)',
    arch: 'm3',
    hf: 'm3_max_128',
    aliases: ['M3 Max', 'M3 Max 40-Core GPU'],
    gpuCores: 40,
    date: '2023-11-07',
  },
  {
    id: 'apple-m3-ultra',
    chip: 'M3 Ultra (80-core GPU)',
    arch: 'm3',
    hf: 'm3_ultra_192',
    aliases: ['M3 Ultra', 'M3 Ultra 80-Core GPU'],
    gpuCores: 80,
    date: '2025-03-12',
    segment: 'workstation',
  },
  {
    id: 'apple-m4',
    chip: 'M4',
    arch: 'm4',
    hf: 'm4_32',
    aliases: ['M4', 'M4 10-Core GPU'],
    gpuCores: 10,
    date: '2024-11-08',
  },
  {
    id: 'apple-m4-pro',
    chip: 'M4 Pro (20-core GPU)',
    arch: 'm4',
    hf: 'm4_pro_48',
    aliases: ['M4 Pro', 'M4 Pro 20-Core GPU'],
    gpuCores: 20,
    date: '2024-11-08',
  },
  {
    id: 'apple-m4-max',
    chip: 'M4 Max (40-core GPU)',
    arch: 'm4',
    hf: 'm4_max_128',
    aliases: ['M4 Max', 'M4 Max 40-Core GPU'],
    gpuCores: 40,
    date: '2024-11-08',
  },
];

export const APPLE: DeviceDef[] = CHIPS.map((c) => {
  const d: DeviceDef = {
    id: c.id,
    name: `Apple ${c.chip}`,
    vendor: 'Apple',
    kind: 'soc-gpu',
    segment: c.segment ?? 'laptop',
    architecture: c.arch,
    hf: c.hf,
    aliases: c.aliases,
    release_date: c.date,
    interconnect: c.id.endsWith('ultra') ? 'UltraFusion' : 'unified memory',
  };
  if (c.metal) d.metal = c.metal;
  if (c.coreScale) d.coreScale = c.coreScale;
  if (c.gpuCores)
    d.facts = [
      fact('cores', c.gpuCores, `hw-specs-hf-providers:APPLE_SILICON_notes.md GPU cores (${c.chip})`),
    ];
  return d;
});
