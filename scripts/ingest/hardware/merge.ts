/** Merge the raw spec rows of one curated device into a catalog row, field by field, by source priority. */
import type { HardwareRow } from '../../../src/core/catalog/schema.ts';
import type { DeviceDef, Field } from './device-types.ts';
import { PEAK_CORRECTIONS } from './corrections.ts';
import { checkPeaks, fillPeaks, type PeakCheck, type PeakCorrection, type Sourced } from './peaks.ts';
import { SPEC_DIRS, type RawSpecs, type SpecField, type SpecRow, type SpecSource } from './raw-specs.ts';

type Src = SpecSource;

const PRIORITY: Record<Exclude<Field, 'bf16_tflops' | 'fp16_acc32_tflops'>, [Src, SpecField][]> = {
  memory_gb: [
    ['epoch', 'memory_gb'],
    ['hf', 'memory_gb'],
    ['wiki', 'memory_gb'],
    ['la', 'memory_gb'],
    ['genz', 'memory_gb'],
  ],
  mem_bw_gbs: [
    ['epoch', 'mem_bw_gbs'],
    ['hf', 'mem_bw_gbs'],
    ['la', 'mem_bw_gbs'],
    ['wiki', 'mem_bw_gbs'],
    ['lv', 'mem_bw_gbs'],
    ['genz', 'mem_bw_gbs'],
  ],
  fp32_tflops: [
    ['epoch', 'fp32_tflops'],
    ['wiki', 'fp32_tflops'],
    ['metal', 'fp32_tflops'],
  ],
  tf32_tflops: [['epoch', 'tf32_tflops']],
  fp16_tflops: [
    ['epoch', 'fp16_tflops'],
    ['la', 'fp16_tflops'],
    ['lv', 'fp16_tflops'],
    ['wiki', 'fp16_tflops'],
  ],
  fp8_tflops: [['epoch', 'fp8_tflops']],
  fp4_tflops: [['epoch', 'fp4_tflops']],
  int8_tops: [
    ['epoch', 'int8_tops'],
    ['la', 'int8_tops'],
    ['lv', 'int8_tops'],
  ],
  int4_tops: [
    ['epoch', 'int4_tops'],
    ['la', 'int4_tops'],
  ],
  tdp_w: [
    ['epoch', 'tdp_w'],
    ['hf', 'tdp_w'],
    ['wiki', 'tdp_w'],
  ],
  interconnect_gbs: [
    ['epoch', 'interconnect_gbs'],
    ['la', 'interconnect_gbs'],
    ['genz', 'interconnect_gbs'],
  ],
  price_usd: [
    ['epoch', 'price_usd'],
    ['wiki', 'price_usd'],
    ['hf', 'price_usd'],
  ],
  cores: [['metal', 'cores']],
};

const TENSOR_ARCHS = /^(volta|turing|ampere|ada|hopper|blackwell.*|cdna\d|gaudi\d|tpu-.*|neuron-.*|xe-hpc)$/;
const FP8_ARCHS = /^(ada|hopper|blackwell.*|cdna[34]|gaudi\d|tpu-v[67].*|neuron-v3)$/;
const FP4_ARCHS = /^(blackwell.*|cdna4)$/;
const INT4_ARCHS = /^(turing|ampere|ada|tpu-.*)$/;
const TF32_ARCHS = /^(ampere|ada|hopper|blackwell.*|cdna[234]|gaudi\d|neuron-.*|xe-hpc)$/;

const PACKED_FP16 = /^(gcn5|rdna\d|xe-hpg|xe2-hpg)$/;

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function rowOf(specs: RawSpecs, src: Src, key: string | undefined): SpecRow | undefined {
  if (key === undefined) return undefined;
  const row = specs.tables[src].get(key);
  if (!row) throw new Error(`hardware: ${SPEC_DIRS[src]} has no row "${key}"`);
  return row;
}

export interface Merged {
  row: HardwareRow;
  cited: Set<string>;
  notes: string[];
  /** Precisions filled from an architecture ratio rule, `field=value`. */
  filled: string[];
  /** Every cross-check of a stated peak against a rule or a second source. */
  checks: PeakCheck[];
}

/** Build one catalog row from its definition and the raw tables. */
export function mergeDevice(
  def: DeviceDef,
  specs: RawSpecs,
  corrections: readonly PeakCorrection[] = PEAK_CORRECTIONS,
): Merged {
  const rows: Partial<Record<Src, SpecRow>> = {};
  for (const s of ['epoch', 'hf', 'wiki', 'la', 'lv', 'genz', 'metal'] as const) {
    const r = rowOf(specs, s, def[s]);
    if (r) rows[s] = r;
  }
  const notes: string[] = [];
  const cited = new Set<string>();
  const out = new Map<Field, { value: number; src: string }>();
  const rejected = (f: Field, s: Src) => def.reject?.some((r) => r.field === f && r.source === s) ?? false;
  const tag = (s: Src, col: string) => `${SPEC_DIRS[s]}:${def[s] ?? ''}:${col}`;

  const alternates = new Map<Field, Sourced[]>();
  for (const f of def.facts ?? []) out.set(f.field, { value: f.value, src: f.source });
  for (const [field, prio] of Object.entries(PRIORITY) as [
    Exclude<Field, 'bf16_tflops' | 'fp16_acc32_tflops'>,
    [Src, SpecField][],
  ][]) {
    for (const [s, sf] of prio) {
      const cell = rows[s]?.[sf];
      if (!cell || rejected(field, s)) continue;
      const v = { value: cell.value, src: tag(s, cell.column) };
      alternates.set(field, [...(alternates.get(field) ?? []), v]);
      if (!out.has(field)) out.set(field, v);
    }
  }

  const arch = def.architecture;
  const fp16 = out.get('fp16_tflops');
  if (def.vendor === 'Apple') {
    const hfRow = rows.hf;
    const scale = def.coreScale ?? 1;
    const m = rows.metal?.fp32_tflops;
    let fp32: { value: number; src: string } | undefined;
    if (m)
      fp32 = {
        value: r3(m.value * scale),
        src: `${tag('metal', m.column)}${scale !== 1 ? ` x${r3(scale)} GPU cores` : ''}`,
      };
    else if (hfRow?.fp16_shader_tflops) {
      fp32 = {
        value: r3(hfRow.fp16_shader_tflops.value / 2),
        src: `derived:${tag('hf', 'fp16_tflops')}/2 (waredb FP16 = 2x FP32)`,
      };
    }
    if (fp32) {
      out.set('fp32_tflops', fp32);
      out.set('fp16_tflops', {
        value: fp32.value,
        src: `derived:=fp32 (${SPEC_DIRS.metal}: FP16 rate = FP32 on M1/M2)`,
      });
    }
    const cores = out.get('cores');
    if (cores && scale !== 1)
      out.set('cores', { value: Math.round(cores.value * scale), src: `${cores.src} x${r3(scale)}` });
  } else if (!fp16) {
    const shader =
      rows.epoch?.fp16_shader_tflops ?? rows.hf?.fp16_shader_tflops ?? rows.wiki?.fp16_shader_tflops;
    const s: Src = rows.epoch?.fp16_shader_tflops ? 'epoch' : rows.hf?.fp16_shader_tflops ? 'hf' : 'wiki';
    if (shader && !rejected('fp16_tflops', s)) {
      const lower = TENSOR_ARCHS.test(arch);
      out.set('fp16_tflops', {
        value: shader.value,
        src: `${tag(s, shader.column)}${lower ? ':non-tensor-lower-bound' : ':non-tensor'}`,
      });
      if (lower)
        notes.push(
          `${def.id}: fp16_tflops is shader (non-tensor) FP16 from ${SPEC_DIRS[s]}, a lower bound — no dense tensor figure in the sources`,
        );
    }
  }
  if (!out.has('fp32_tflops') && def.vendor !== 'Apple') {
    const hfShader = rows.hf?.fp16_shader_tflops;
    if (hfShader && /^(blackwell|ada|ampere)$/.test(arch) && def.segment !== 'datacenter') {
      out.set('fp32_tflops', {
        value: hfShader.value,
        src: `${tag('hf', 'fp16_tflops')}:shader FP16 = FP32 rate (1:1 on ${arch} client GPUs)`,
      });
    } else if (hfShader && PACKED_FP16.test(arch)) {
      out.set('fp32_tflops', {
        value: r3(hfShader.value / 2),
        src: `derived:${tag('hf', 'fp16_tflops')}/2 (packed FP16 = 2x FP32 on ${arch})`,
      });
    }
  }

  const gate = (f: Field, ok: RegExp, why: string) => {
    const v = out.get(f);
    if (v && !ok.test(arch)) {
      out.delete(f);
      notes.push(`${def.id}: dropped ${f}=${v.value} from ${v.src.split(':')[0]} (${why})`);
    }
  };
  gate('tf32_tflops', TF32_ARCHS, `${arch} has no TF32`);
  gate('fp8_tflops', FP8_ARCHS, `${arch} has no FP8`);
  gate('fp4_tflops', FP4_ARCHS, `${arch} has no FP4`);
  gate('int4_tops', INT4_ARCHS, `${arch}: INT4 not a documented dense tensor rate`);
  const cls = { vendor: def.vendor, architecture: arch, segment: def.segment };
  for (const c of corrections) {
    if (c.device !== def.id || c.value === undefined) continue;
    const before = out.get(c.field);
    if (c.value === null) out.delete(c.field);
    else out.set(c.field, { value: c.value, src: `correction:${c.reason}` });
    notes.push(
      `${def.id}: corrected ${c.field} ${before?.value ?? 'none'} → ${c.value ?? 'none'} (${c.reason})`,
    );
  }
  const filled = fillPeaks(cls, out);
  const checks = checkPeaks(def.id, cls, out, alternates, corrections);
  for (const r of def.reject ?? [])
    notes.push(`${def.id}: ignored ${SPEC_DIRS[r.source]} ${r.field} — ${r.why}`);

  const cloudKey = def.cloud ?? def.hf;
  const prices = cloudKey ? specs.cloud.get(cloudKey) : undefined;
  let cloud: number | null = null;
  if (prices && prices.length > 0) {
    const sorted = [...prices].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    cloud =
      sorted.length % 2
        ? (sorted[mid] as number)
        : r3(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
  }

  const date = def.release_date ?? rows.epoch?.date ?? rows.wiki?.date ?? null;
  const dateSrc = def.release_date
    ? 'vendor-datasheet:launch'
    : rows.epoch?.date
      ? tag('epoch', 'Release date')
      : rows.wiki?.date
        ? tag('wiki', 'launch')
        : null;
  const get = (f: Field): number | null => {
    const v = out.get(f);
    return v ? r3(v.value) : null;
  };
  const srcs: string[] = [];
  for (const [f, v] of [...out.entries()].sort(([a], [b]) => a.localeCompare(b))) srcs.push(`${f}=${v.src}`);
  if (cloud != null)
    srcs.push(
      `cloud_usd_hr=${SPEC_DIRS.hf}:cloud_pricing.csv:median price_hr of ${prices?.length} offers (gpu=${cloudKey})`,
    );
  if (dateSrc) srcs.push(`release_date=${dateSrc}`);
  for (const s of srcs) {
    const m = /^[a-z0-9_]+=(?:derived:)?(hw-specs-[a-z0-9-]+)/.exec(s);
    if (m?.[1]) cited.add(m[1]);
    if (s.includes('vendor-datasheet:')) cited.add('vendor-datasheet');
  }
  if (def.note) notes.push(`${def.id}: ${def.note}`);

  return {
    row: {
      id: def.id,
      name: def.name,
      aliases: [...new Set(def.aliases ?? [])].join('|'),
      vendor: def.vendor,
      kind: def.kind,
      segment: def.segment,
      architecture: def.architecture,
      release_date: date,
      memory_gb: get('memory_gb'),
      mem_bw_gbs: get('mem_bw_gbs'),
      fp32_tflops: get('fp32_tflops'),
      tf32_tflops: get('tf32_tflops'),
      fp16_tflops: get('fp16_tflops'),
      fp16_acc32_tflops: get('fp16_acc32_tflops'),
      bf16_tflops: get('bf16_tflops'),
      fp8_tflops: get('fp8_tflops'),
      fp4_tflops: get('fp4_tflops'),
      int8_tops: get('int8_tops'),
      int4_tops: get('int4_tops'),
      tdp_w: get('tdp_w'),
      interconnect: def.interconnect ?? null,
      interconnect_gbs: get('interconnect_gbs'),
      price_usd: get('price_usd'),
      cloud_usd_hr: cloud,
      cores: get('cores'),
      spec_sources: srcs.join(';'),
      notes: def.note ?? null,
    },
    cited,
    notes,
    filled,
    checks,
  };
}
