/**
 * Apple chip rows and their memory configurations. Each chip row keeps its one configuration; every other
 * configuration Apple sells becomes `<chip id>-<N>gb`, with the chip bin's compute and bandwidth.
 */
import type { AppleChip } from './apple-chips.ts';
import { fact, type DeviceDef, type Fact, type Reject } from './device-types.ts';

const APPLE = 'vendor-datasheet:apple';

interface ConfigSet {
  chip: string;
  /** Every configuration (GB) of this bin, the chip row's own included. */
  gb: number[];
  /** Those hf-providers has a row for (`<hf prefix>_<GB>`). */
  hf?: number[];
  /** Source of the configurations hf-providers does not list. */
  doc?: string;
}

const STUDIO_2025 = `${APPLE} Mac Studio (2025) tech specs: M3 Ultra with 96GB, configurable to 256GB or 512GB`;
const MINI_2024 = `${APPLE} Mac mini (2024) tech specs: M4 Pro with 24GB, configurable to 48GB or 64GB`;

const CONFIGS: ConfigSet[] = [
  { chip: 'apple-m1', gb: [8, 16], hf: [8, 16] },
  { chip: 'apple-m1-7c-gpu', gb: [8, 16], hf: [8, 16] },
  { chip: 'apple-m1-pro', gb: [16, 32], hf: [16, 32] },
  { chip: 'apple-m1-max', gb: [32, 64], hf: [32, 64] },
  { chip: 'apple-m1-max-24c-gpu', gb: [32, 64], hf: [32, 64] },
  { chip: 'apple-m1-ultra', gb: [64, 128], hf: [64, 128] },
  { chip: 'apple-m2', gb: [8, 16, 24], hf: [8, 16, 24] },
  { chip: 'apple-m2-pro', gb: [16, 32], hf: [16, 32] },
  { chip: 'apple-m2-max', gb: [32, 64, 96], hf: [32, 64, 96] },
  { chip: 'apple-m2-ultra', gb: [64, 128, 192], hf: [64, 128, 192] },
  { chip: 'apple-m3', gb: [8, 16, 24], hf: [8, 16, 24] },
  { chip: 'apple-m3-pro', gb: [18, 36], hf: [18, 36] },
  { chip: 'apple-m3-max', gb: [48, 64, 128], hf: [48, 64, 128] },
  {
    chip: 'apple-m3-max-30c-gpu',
    gb: [36, 96],
    doc: `${APPLE} MacBook Pro (Nov 2023) tech specs: M3 Max 30-core GPU with 36GB, configurable to 96GB`,
  },
  { chip: 'apple-m3-ultra', gb: [96, 256, 512], doc: STUDIO_2025 },
  { chip: 'apple-m4', gb: [16, 24, 32], hf: [16, 24, 32] },
  { chip: 'apple-m4-pro', gb: [24, 48, 64], hf: [24, 48], doc: MINI_2024 },
  { chip: 'apple-m4-pro-16c-gpu', gb: [24, 48, 64], doc: MINI_2024 },
  { chip: 'apple-m4-max', gb: [48, 64, 128], hf: [48, 64, 128] },
  { chip: 'apple-m4-max-32c-gpu', gb: [36] },
  {
    chip: 'apple-m5',
    gb: [16, 24, 32],
    doc: `${APPLE} MacBook Pro 14-inch (M5, 2025) tech specs: M5 with 16GB, configurable to 24GB or 32GB`,
  },
];

/** hf-providers rows whose bandwidth is wrong: its notes halve the low-memory Max configurations. */
const HF_BW_FIX: Record<string, [number, string]> = {
  m1_max_32: [400, `${APPLE} MacBook Pro (2021) tech specs: M1 Max 400GB/s memory bandwidth`],
  m2_max_32: [400, `${APPLE} MacBook Pro (2023) tech specs: M2 Max 400GB/s memory bandwidth`],
};

const family = (c: AppleChip): string => c.chip.replace(/ \(.*\)$/, '');

/** The chip row's own memory: its hf row's configuration, else its memory fact. */
function chipGb(c: AppleChip): number | undefined {
  const hf = c.hf ? Number(c.hf.split('_').pop()) : undefined;
  return hf ?? c.facts?.find((f) => f.field === 'memory_gb')?.value;
}

function chipDef(c: AppleChip): DeviceDef {
  const d: DeviceDef = {
    id: c.id,
    name: `Apple ${c.chip}`,
    vendor: 'Apple',
    kind: 'soc-gpu',
    segment: c.segment ?? 'laptop',
    architecture: c.arch,
    aliases: c.aliases,
    release_date: c.date,
    interconnect: c.id.endsWith('ultra') ? 'UltraFusion' : 'unified memory',
  };
  if (c.hf) d.hf = c.hf;
  if (c.metal) d.metal = c.metal;
  if (c.coreScale) d.coreScale = c.coreScale;
  const facts = [...(c.facts ?? [])];
  if (!c.metal && !facts.some((f) => f.field === 'cores'))
    facts.push(fact('cores', c.gpu, `hw-specs-hf-providers:APPLE_SILICON_notes.md GPU cores (${c.chip})`));
  if (facts.length > 0) d.facts = facts;
  if (c.reject) d.reject = c.reject;
  return d;
}

/** One memory configuration of a chip bin. */
function configDef(c: AppleChip, set: ConfigSet, gb: number): DeviceDef {
  const base = chipDef(c);
  const facts: Fact[] = (base.facts ?? []).filter((f) => f.field !== 'memory_gb');
  const reject: Reject[] = [...(base.reject ?? [])];
  const hfKey = c.hf && set.hf?.includes(gb) ? c.hf.replace(/_\d+$/, `_${gb}`) : undefined;
  if (hfKey) {
    const fix = HF_BW_FIX[hfKey];
    if (fix) {
      facts.push(fact('mem_bw_gbs', fix[0], fix[1]));
      reject.push({
        field: 'mem_bw_gbs',
        source: 'hf',
        why: `hf-providers ${hfKey} halves the bandwidth of the low-memory configuration (Apple: ${fix[0]} GB/s)`,
      });
    }
  } else {
    if (!set.doc) throw new Error(`apple: no source for ${c.id} ${gb} GB`);
    facts.push(fact('memory_gb', gb, set.doc));
    if (c.hf)
      reject.push({ field: 'price_usd', source: 'hf', why: `street price of the ${c.hf} configuration` });
  }
  const d: DeviceDef = {
    ...base,
    id: `${c.id}-${gb}gb`,
    name: `Apple ${family(c)} (${c.gpu}-core GPU, ${gb} GB)`,
    aliases: [],
    facts,
  };
  if (hfKey) d.hf = hfKey;
  if (reject.length > 0) d.reject = reject;
  else delete d.reject;
  return d;
}

/** Chip rows and memory-configuration rows; `<family> <N>GB` goes to the full chip, or to the only bin that has N. */
export function appleDevices(chips: readonly AppleChip[]): DeviceDef[] {
  const byId = new Map(chips.map((c) => [c.id, c]));
  const rows: { chip: AppleChip; gb: number; def: DeviceDef }[] = [];
  for (const c of chips) rows.push({ chip: c, gb: chipGb(c) ?? 0, def: chipDef(c) });
  for (const set of CONFIGS) {
    const c = byId.get(set.chip);
    if (!c) throw new Error(`apple: unknown chip ${set.chip}`);
    for (const gb of set.gb) if (gb !== chipGb(c)) rows.push({ chip: c, gb, def: configDef(c, set, gb) });
  }
  const sold = new Map<string, AppleChip[]>();
  for (const set of CONFIGS) {
    const c = byId.get(set.chip) as AppleChip;
    for (const gb of set.gb) {
      const key = `${family(c)} ${gb}GB`;
      sold.set(key, [...(sold.get(key) ?? []), c]);
    }
  }
  for (const { chip: c, gb, def } of rows) {
    const set = CONFIGS.find((s) => s.chip === c.id);
    if (!set?.gb.includes(gb)) continue;
    const short = `${family(c)} ${gb}GB`;
    const owners = sold.get(short) ?? [];
    const owner = owners.find((o) => !o.bin) ?? (owners.length === 1 ? owners[0] : undefined);
    def.aliases = [
      ...(def.aliases ?? []),
      `${family(c)} ${c.gpu}-Core GPU ${gb}GB`,
      ...(owner === c ? [short] : []),
    ];
  }
  return rows.map((r) => r.def);
}
