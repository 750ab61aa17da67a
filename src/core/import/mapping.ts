/**
 * Column mapping for tables whose headers match no known format: a guess from header names (the mapping
 * step's starting point), a check of a mapping the caller gives, and the rows it reads. A column mapped to
 * `metric:<metric>` holds that metric's values (wide tables: one column per metric).
 */
import { METRICS, type Metric } from '../catalog/schema.ts';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type ColumnTarget,
  type ImportField,
  type RawRow,
  type Table,
} from './types.ts';
import { isBlank } from './values.ts';

/** A header as a matching key: lowercase letters and digits only. */
export const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header spellings → what they hold (keys are headerKey()s). */
const SYNONYMS: Record<string, ColumnTarget> = {
  hardware: 'hardware',
  hardwareid: 'hardware',
  device: 'hardware',
  devicename: 'hardware',
  gpu: 'hardware',
  gpuname: 'hardware',
  gpuinfo: 'hardware',
  accelerator: 'hardware',
  chip: 'hardware',
  processor: 'hardware',
  model: 'model',
  modelid: 'model',
  modelname: 'model',
  network: 'model',
  checkpoint: 'model',
  ndevices: 'n_devices',
  numdevices: 'n_devices',
  devices: 'n_devices',
  ngpus: 'n_devices',
  numgpus: 'n_devices',
  gpus: 'n_devices',
  worldsize: 'n_devices',
  mode: 'mode',
  scenario: 'scenario',
  precision: 'precision',
  dtype: 'precision',
  datatype: 'precision',
  quant: 'precision',
  quantization: 'precision',
  batchsize: 'batch_size',
  batch: 'batch_size',
  bs: 'batch_size',
  seqlen: 'seq_len',
  sequencelength: 'seq_len',
  seqlength: 'seq_len',
  prompttokens: 'prompt_tokens',
  inputlen: 'prompt_tokens',
  inputlength: 'prompt_tokens',
  inputtokens: 'prompt_tokens',
  isl: 'prompt_tokens',
  promptlen: 'prompt_tokens',
  gentokens: 'gen_tokens',
  outputlen: 'gen_tokens',
  outputlength: 'gen_tokens',
  outputtokens: 'gen_tokens',
  osl: 'gen_tokens',
  genlen: 'gen_tokens',
  imagesize: 'image_size',
  imgsize: 'image_size',
  resolution: 'image_size',
  metric: 'metric',
  value: 'value',
  measured: 'value',
  result: 'value',
  unit: 'unit',
  units: 'unit',
  runtime: 'runtime',
  framework: 'runtime',
  software: 'runtime',
  engine: 'runtime',
  backend: 'runtime',
  date: 'date',
  ...Object.fromEntries(METRICS.map((m) => [headerKey(m), `metric:${m}` as const])),
  latency: 'metric:latency_ms',
  latencyms: 'metric:latency_ms',
  ttft: 'metric:ttft_ms',
  tpot: 'metric:tpot_ms',
  itemspersec: 'metric:throughput',
  samplespersec: 'metric:throughput',
  imagespersec: 'metric:throughput',
  memorymb: 'metric:memory_mb',
};

/** Guess a mapping from header names; columns it cannot place are listed as unknown. */
export function suggestMapping(columns: readonly string[]): { suggested: ColumnMapping; unknown: string[] } {
  const suggested: ColumnMapping = {};
  const unknown: string[] = [];
  const taken = new Set<ColumnTarget>();
  for (const c of columns) {
    const t = SYNONYMS[headerKey(c)];
    if (t && (t.startsWith('metric:') || !taken.has(t))) {
      suggested[c] = t;
      taken.add(t);
    } else unknown.push(c);
  }
  return { suggested, unknown };
}

const isField = (t: string): t is ImportField => (IMPORT_FIELDS as readonly string[]).includes(t);
const isMetric = (m: string): m is Metric => (METRICS as readonly string[]).includes(m);

/**
 * Why a mapping cannot be used (a target that does not exist, a column the table lacks, a field mapped
 * twice, no value or no name columns), or null when it can. `defaults` count as stated fields.
 */
export function mappingProblem(
  mapping: ColumnMapping,
  columns: readonly string[],
  defaults: ReadonlySet<string>,
): string | null {
  const targets = new Map<string, string>();
  for (const [col, target] of Object.entries(mapping)) {
    if (!columns.includes(col)) return `the mapping names column "${col}", which the file does not have`;
    if (target === 'ignore') continue;
    if (target.startsWith('metric:')) {
      if (!isMetric(target.slice(7)))
        return `column "${col}" is mapped to unknown metric "${target.slice(7)}" (use ${METRICS.join(', ')})`;
      continue;
    }
    if (!isField(target))
      return `column "${col}" is mapped to "${String(target)}", which is not a field (use ${IMPORT_FIELDS.join(', ')}, metric:<metric> or ignore)`;
    const prev = targets.get(target);
    if (prev !== undefined) return `columns "${prev}" and "${col}" are both mapped to ${target}`;
    targets.set(target, col);
  }
  const wide = Object.values(mapping).some((t) => t.startsWith('metric:'));
  if (!wide && !targets.has('value')) return 'map a column to value (or columns to metric:<metric>)';
  if (!wide && !targets.has('metric') && !defaults.has('metric'))
    return 'map a column to metric, or give a default metric';
  for (const need of ['hardware', 'model'] as const)
    if (!targets.has(need) && !defaults.has(need))
      return `map a column to ${need}, or give a default ${need}`;
  return null;
}

/** The rows a (checked) mapping reads: one per record, or one per non-empty metric column. */
export function mappedRows(table: Table, mapping: ColumnMapping): RawRow[] {
  const fields = Object.entries(mapping).filter(
    (e): e is [string, ImportField] => e[1] !== 'ignore' && !e[1].startsWith('metric:'),
  );
  const metricCols = Object.entries(mapping).filter(([, t]) => t.startsWith('metric:'));
  const rows: RawRow[] = [];
  for (const rec of table.records) {
    const base: RawRow = { row: rec.row, values: {}, columns: {}, record: rec.cells };
    for (const [col, f] of fields) {
      base.values[f] = rec.cells[col];
      base.columns[f] = col;
    }
    if (metricCols.length === 0) {
      rows.push(base);
      continue;
    }
    let any = false;
    if (fields.some(([, f]) => f === 'value') && !isBlank(base.values.value)) {
      rows.push(base);
      any = true;
    }
    for (const [col, t] of metricCols) {
      if (isBlank(rec.cells[col])) continue;
      any = true;
      rows.push({
        ...base,
        values: { ...base.values, metric: t.slice(7), value: rec.cells[col], unit: undefined },
        columns: { ...base.columns, metric: col, value: col },
      });
    }
    if (!any)
      rows.push({
        ...base,
        values: { ...base.values, value: undefined },
        columns: { ...base.columns, value: metricCols.map(([c]) => c).join('|') },
      });
  }
  return rows;
}
