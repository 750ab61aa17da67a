/** Loaders for the raw hardware-spec folders: one keyed table per source, values in catalog units. */
import { num, readCsv } from '../read.ts';

/** A spec value with the column it came from. */
export interface Cell {
  value: number;
  column: string;
}

/** One source row reduced to catalog fields (units: GB, GB/s, TFLOPS/TOPS, W, USD). */
export type SpecRow = Partial<Record<SpecField, Cell>> & { date?: string; name: string };

export type SpecField =
  | 'memory_gb'
  | 'mem_bw_gbs'
  | 'fp32_tflops'
  | 'tf32_tflops'
  | 'fp16_tflops'
  | 'fp16_shader_tflops'
  | 'fp8_tflops'
  | 'fp4_tflops'
  | 'int8_tops'
  | 'int4_tops'
  | 'tdp_w'
  | 'interconnect_gbs'
  | 'price_usd'
  | 'cores';

export const SPEC_DIRS = {
  epoch: 'hw-specs-epoch-ai',
  hf: 'hw-specs-hf-providers',
  wiki: 'hw-specs-gpu-info-api-wikipedia',
  la: 'hw-specs-llm-analysis',
  lv: 'hw-specs-llm-viewer',
  genz: 'hw-specs-genz',
  metal: 'hw-specs-apple-metal-benchmarks',
} as const;
export type SpecSource = keyof typeof SPEC_DIRS;

export const SPEC_FILES: Record<SpecSource, string[]> = {
  epoch: ['ml_hardware.csv'],
  hf: ['hardware.csv', 'cloud_pricing.csv'],
  wiki: ['gpu_info_normalized.csv'],
  la: ['gpu_configs.csv'],
  lv: ['hardware_params.csv'],
  genz: ['system_configs.csv'],
  metal: ['apple_gpu_overview.csv'],
};

type Table = Map<string, SpecRow>;

function put(row: SpecRow, field: SpecField, value: number | null, column: string): void {
  if (value != null && Number.isFinite(value) && value > 0) row[field] = { value, column };
}

const scale = (v: number | null, f: number): number | null => (v == null ? null : v / f);
const isoDate = (s: string | undefined): string | undefined =>
  s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;

function epoch(raw: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(raw, `${SPEC_DIRS.epoch}/ml_hardware.csv`)) {
    const name = r['Hardware name'] ?? '';
    const row: SpecRow = { name };
    const d = isoDate(r['Release date']);
    if (d) row.date = d;
    const col = (c: string, f: number, field: SpecField) => put(row, field, scale(num(r[c]), f), c);
    col('Memory (bytes)', 1e9, 'memory_gb');
    col('Memory bandwidth (byte/s)', 1e9, 'mem_bw_gbs');
    col('FP32 (single precision) performance (FLOP/s)', 1e12, 'fp32_tflops');
    col('TF32 (TensorFloat-32) performance (FLOP/s)', 1e12, 'tf32_tflops');
    col('Tensor-FP16/BF16 performance (FLOP/s)', 1e12, 'fp16_tflops');
    col('FP16 (half precision) performance (FLOP/s)', 1e12, 'fp16_shader_tflops');
    col('FP8 performance (FLOP/s)', 1e12, 'fp8_tflops');
    col('FP4 performance (FLOP/s)', 1e12, 'fp4_tflops');
    col('INT8 performance (OP/s)', 1e12, 'int8_tops');
    col('INT4 performance (OP/s)', 1e12, 'int4_tops');
    col('TDP (W)', 1, 'tdp_w');
    col('Intranode bandwidth (byte/s)', 1e9, 'interconnect_gbs');
    col('Release price (USD)', 1, 'price_usd');
    t.set(name, row);
  }
  return t;
}

function hf(raw: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(raw, `${SPEC_DIRS.hf}/hardware.csv`)) {
    const row: SpecRow = { name: r['name'] ?? '' };
    put(row, 'memory_gb', num(r['vram_gb']), 'vram_gb');
    put(row, 'mem_bw_gbs', num(r['mem_bw_gb_s']), 'mem_bw_gb_s');
    put(row, 'fp16_shader_tflops', num(r['fp16_tflops']), 'fp16_tflops');
    put(row, 'tdp_w', num(r['tdp_w']), 'tdp_w');
    put(row, 'price_usd', num(r['street_usd']), 'street_usd');
    t.set(r['id'] ?? '', row);
  }
  return t;
}

/** Last number of a Wikipedia cell ("29.28 35.58" → boost 35.58), scaled like the parsed first number. */
function lastOfCell(rawCell: string | undefined, parsedFirst: number | null): number | null {
  const nums = (rawCell ?? '').replace(/,/g, '').match(/\d+(?:\.\d+)?/g);
  if (!nums || parsedFirst == null) return null;
  const first = Number(nums[0]);
  const last = Number(nums[nums.length - 1]);
  return first > 0 ? (last * parsedFirst) / first : null;
}

/** Dense tensor FP16 from a Wikipedia "Tensor compute" cell: "330 (661)" → 330; plain sparse value → half. */
function wikiTensor(field: string, cell: string): number | null {
  if (!/Tensor compute/.test(field)) return null;
  const pairs = [...cell.replace(/,/g, '').matchAll(/(\d+(?:\.\d+)?)\s*\((\d+(?:\.\d+)?)\)/g)];
  const lastPair = pairs[pairs.length - 1];
  if (lastPair) return Number(lastPair[1]);
  const nums = cell.replace(/,/g, '').match(/\d+(?:\.\d+)?/g);
  const last = nums ? Number(nums[nums.length - 1]) : null;
  if (last == null) return null;
  return /sparse/.test(field) ? last / 2 : last;
}

function wiki(raw: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(raw, `${SPEC_DIRS.wiki}/gpu_info_normalized.csv`)) {
    const row: SpecRow = { name: r['name'] ?? '' };
    const d = isoDate(r['launch']);
    if (d) row.date = d;
    put(row, 'memory_gb', num(r['memory_gb']), 'memory_gb');
    put(row, 'mem_bw_gbs', num(r['mem_bw_gb_s']), 'mem_bw_gb_s');
    put(row, 'tdp_w', num(r['tdp_w']), 'tdp_w');
    put(row, 'fp32_tflops', lastOfCell(r['fp32_raw'], num(r['fp32_tflops'])), 'fp32_raw:boost');
    put(row, 'fp16_shader_tflops', lastOfCell(r['fp16_raw'], num(r['fp16_tflops'])), 'fp16_raw:boost');
    put(
      row,
      'fp16_tflops',
      wikiTensor(r['tensor_fp16_field'] ?? '', r['tensor_fp16_tflops_raw'] ?? ''),
      'tensor_fp16_tflops_raw',
    );
    put(row, 'price_usd', num(r['release_price_usd']), 'release_price_usd');
    t.set(r['key'] ?? '', row);
  }
  return t;
}

function llmAnalysis(raw: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(raw, `${SPEC_DIRS.la}/gpu_configs.csv`)) {
    const row: SpecRow = { name: r['name'] ?? '' };
    put(row, 'memory_gb', num(r['mem_per_GPU_in_GB']), 'mem_per_GPU_in_GB');
    put(row, 'mem_bw_gbs', num(r['hbm_bandwidth_in_GB_per_sec']), 'hbm_bandwidth_in_GB_per_sec');
    put(
      row,
      'interconnect_gbs',
      num(r['intra_node_bandwidth_in_GB_per_sec']),
      'intra_node_bandwidth_in_GB_per_sec',
    );
    put(row, 'fp16_tflops', num(r['peak_fp16_TFLOPS']), 'peak_fp16_TFLOPS');
    put(row, 'int8_tops', num(r['peak_i8_TFLOPS']), 'peak_i8_TFLOPS');
    put(row, 'int4_tops', num(r['peak_i4_TFLOPS']), 'peak_i4_TFLOPS');
    t.set(row.name, row);
  }
  return t;
}

function llmViewer(raw: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(raw, `${SPEC_DIRS.lv}/hardware_params.csv`)) {
    const row: SpecRow = { name: r['name'] ?? '' };
    put(row, 'mem_bw_gbs', scale(num(r['bandwidth_bytes_per_s']), 1e9), 'bandwidth_bytes_per_s');
    put(row, 'fp16_tflops', scale(num(r['fp16_ops_per_s']), 1e12), 'fp16_ops_per_s');
    put(row, 'int8_tops', scale(num(r['int8_ops_per_s']), 1e12), 'int8_ops_per_s');
    t.set(row.name, row);
  }
  return t;
}

function genz(raw: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(raw, `${SPEC_DIRS.genz}/system_configs.csv`)) {
    const row: SpecRow = { name: r['name'] ?? '' };
    put(row, 'memory_gb', num(r['memory_gb']), 'memory_gb');
    put(row, 'mem_bw_gbs', num(r['memory_bw_gb_s']), 'memory_bw_gb_s');
    put(row, 'interconnect_gbs', num(r['interconnect_bw_gb_s']), 'interconnect_bw_gb_s');
    t.set(row.name, row);
  }
  return t;
}

function metal(raw: string): Table {
  const t: Table = new Map();
  for (const r of readCsv(raw, `${SPEC_DIRS.metal}/apple_gpu_overview.csv`)) {
    const row: SpecRow = { name: r['chip_name'] ?? '' };
    put(row, 'fp32_tflops', scale(num(r['fp32_gflops']), 1e3), 'fp32_gflops');
    put(row, 'fp16_shader_tflops', scale(num(r['fp16_gflops']), 1e3), 'fp16_gflops');
    put(row, 'cores', num(r['gpu_cores']), 'gpu_cores');
    t.set(r['gpu'] ?? '', row);
  }
  return t;
}

/** Per-GPU on-demand cloud prices from hf-providers cloud_pricing, keyed by hf hardware id. */
function cloud(raw: string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const r of readCsv(raw, `${SPEC_DIRS.hf}/cloud_pricing.csv`)) {
    const price = num(r['price_hr']);
    const gpu = r['gpu'] ?? '';
    if (price == null || price <= 0 || gpu === '') continue;
    m.set(gpu, [...(m.get(gpu) ?? []), price]);
  }
  return m;
}

export interface RawSpecs {
  tables: Record<SpecSource, Table>;
  cloud: Map<string, number[]>;
}

/** Read every spec folder under rawRoot. */
export function loadRawSpecs(rawRoot: string): RawSpecs {
  return {
    tables: {
      epoch: epoch(rawRoot),
      hf: hf(rawRoot),
      wiki: wiki(rawRoot),
      la: llmAnalysis(rawRoot),
      lv: llmViewer(rawRoot),
      genz: genz(rawRoot),
      metal: metal(rawRoot),
    },
    cloud: cloud(rawRoot),
  };
}
