/**
 * One raw row → a row in the snapshot's measurement schema, or every problem it has (row, column, reason):
 * names resolve (as the CLI resolves them, after the caller's fixes), metric and unit are known and fit,
 * values are positive finite numbers in plausible ranges, whole numbers are whole, dates are dates.
 */
import { normalizePrecision, normalizeValue } from '../catalog/normalize.ts';
import { runtimeClassOf } from '../catalog/runtime.ts';
import {
  METRIC_UNITS,
  METRICS,
  type HardwareRow,
  type MeasurementRow,
  type Metric,
  type Mode,
  type ModelRow,
} from '../catalog/schema.ts';
import { DEFAULTS, isGenerative, isSequenceModel } from '../roofline/workload.ts';
import type { ImportCatalog } from './catalog.ts';
import type { BadRow, ImportDefaults, ImportField, ImportOptions, RawRow, Unresolved } from './types.ts';
import { YOURS_FLAG } from './types.ts';
import { cellText, isBlank, readInt, readNumber, readText } from './values.ts';

/** Values no real measurement reaches, whatever the device: a last line when no roofline can be computed. */
const RANGES: Record<Metric, [number, number]> = {
  throughput: [1e-6, 1e9],
  decode_tokens_s: [1e-6, 1e9],
  prefill_tokens_s: [1e-6, 1e9],
  latency_ms: [1e-6, 1e10],
  ttft_ms: [1e-6, 1e10],
  tpot_ms: [1e-6, 1e10],
  memory_mb: [1e-3, 1e9],
};

const INT_RANGES = {
  n_devices: [1, 65_536],
  batch_size: [1, 1_048_576],
  seq_len: [1, 16_777_216],
  prompt_tokens: [0, 16_777_216],
  gen_tokens: [1, 16_777_216],
  image_size: [1, 65_536],
} as const;

export interface ReadContext {
  catalog: ImportCatalog;
  file: string;
  sourceId: string;
  options: ImportOptions;
  /** The format's own defaults (under the caller's): the query CSV's, timm's precision… */
  formatDefaults?: ImportDefaults;
  /** Fill empty lengths the way `predict --queries` reads them (the query CSV's rows). */
  queryLengths?: boolean;
  /** Collected over a file: fields no column and no default gave, names that did not resolve. */
  needs: Set<ImportField>;
  unresolved: { hardware: Map<string, Unresolved>; models: Map<string, Unresolved> };
}

export type ReadRow =
  { ok: true; row: MeasurementRow; hw: HardwareRow; model: ModelRow } | { ok: false; problems: BadRow[] };

/** ISO-ish dates: YYYY, YYYY-MM, YYYY-MM-DD, or a timestamp starting with one (kept to the day). */
function readDate(v: unknown): { ok: true; value: string } | { ok: false; reason: string } {
  const t = readText(v, 40);
  if (!t.ok) return t;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])/.exec(t.value);
  const month = m?.[2] === undefined ? 1 : Number(m[2]);
  const day = m?.[3] === undefined ? 1 : Number(m[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31)
    return { ok: false, reason: `"${t.value}" is not a date (use YYYY-MM-DD)` };
  return { ok: true, value: t.value.slice(0, m[3] ? 10 : m[2] ? 7 : 4) };
}

/** Read one raw row; the row's flags are `yours` and the parser's (plausibility flags come later). */
export function readRow(raw: RawRow, ctx: ReadContext): ReadRow {
  const problems: BadRow[] = [];
  const colOf = (f: ImportField) => raw.columns[f] ?? f;
  const problem = (f: ImportField, reason: string, value?: unknown) => {
    const b: BadRow = { row: raw.row, column: colOf(f), reason };
    const text = value === undefined ? '' : cellText(value);
    if (text !== '') b.value = text;
    problems.push(b);
  };
  /** The file's value, else the caller's default, else the format's. */
  const get = (f: ImportField): unknown => {
    const v = raw.values[f];
    if (!isBlank(v)) return v;
    const d = f === 'value' ? undefined : (ctx.options.defaults?.[f] ?? ctx.formatDefaults?.[f]);
    return d;
  };
  const missing = (f: ImportField, what: string) => {
    if (raw.columns[f] === undefined) {
      ctx.needs.add(f);
      problem(f, `the file states no ${what}: give a default ${f}`);
    } else problem(f, `${what} is empty`);
  };
  const text = (f: ImportField, max = 200): string | null => {
    const v = get(f);
    if (isBlank(v)) return null;
    const r = readText(v, max);
    if (!r.ok) {
      problem(f, `${f}: ${r.reason}`, v);
      return null;
    }
    return r.value;
  };
  const int = (f: keyof typeof INT_RANGES): number | null => {
    const v = get(f);
    if (isBlank(v)) return null;
    const [lo, hi] = INT_RANGES[f];
    const r = readInt(v, lo, hi);
    if (!r.ok) {
      problem(f, `${f}: ${r.reason}`, v);
      return null;
    }
    return r.value === 0 ? null : r.value;
  };

  // Names.
  let hw: HardwareRow | null = null;
  const hwName = text('hardware');
  if (hwName === null && isBlank(get('hardware'))) missing('hardware', 'device');
  else if (hwName !== null) {
    const fixed = ctx.options.names?.hardware?.[hwName] ?? hwName;
    const r = ctx.catalog.hardware(fixed);
    if (r.ok) hw = r.entry;
    else {
      problem('hardware', r.message, hwName);
      const u = ctx.unresolved.hardware.get(hwName) ?? {
        name: hwName,
        rows: [],
        candidates: r.candidates,
        message: r.message,
      };
      if (u.rows[u.rows.length - 1] !== raw.row) u.rows.push(raw.row);
      ctx.unresolved.hardware.set(hwName, u);
    }
  }
  let model: ModelRow | null = null;
  const modelName = text('model');
  if (modelName === null && isBlank(get('model'))) missing('model', 'model');
  else if (modelName !== null) {
    const fixed = ctx.options.names?.models?.[modelName] ?? modelName;
    const r = ctx.catalog.model(fixed);
    if (r.ok) model = r.entry;
    else {
      problem('model', r.message, modelName);
      const u = ctx.unresolved.models.get(modelName) ?? {
        name: modelName,
        rows: [],
        candidates: r.candidates,
        message: r.message,
      };
      if (u.rows[u.rows.length - 1] !== raw.row) u.rows.push(raw.row);
      ctx.unresolved.models.set(modelName, u);
    }
  }

  // Metric, value and unit.
  let metric: Metric | null = null;
  const metricText = text('metric', 40);
  if (metricText === null && isBlank(get('metric'))) missing('metric', 'metric');
  else if (metricText !== null) {
    const m = metricText.toLowerCase();
    if ((METRICS as readonly string[]).includes(m)) metric = m as Metric;
    else problem('metric', `unknown metric "${metricText}" (use ${METRICS.join(', ')})`, metricText);
  }
  let value: number | null = null;
  const rawValue = raw.values.value;
  if (isBlank(rawValue)) problem('value', 'no value');
  else {
    const r = readNumber(rawValue);
    if (!r.ok) problem('value', r.reason, rawValue);
    else if (!(r.value > 0)) problem('value', `must be positive, got ${r.value}`, rawValue);
    else value = r.value;
  }
  const unitText = text('unit', 40);
  let unit = metric ? METRIC_UNITS[metric] : null;
  if (metric && value !== null) {
    if (unitText !== null) {
      const n = normalizeValue(metric, value, unitText);
      if (n === null) {
        problem(
          'unit',
          `unit "${unitText}" does not fit ${metric} (its unit is ${METRIC_UNITS[metric]})`,
          unitText,
        );
        value = null;
      } else if (!Number.isFinite(n.value) || !(n.value > 0)) {
        problem(
          'value',
          `${value} ${unitText} is not a positive finite ${METRIC_UNITS[metric]} value`,
          rawValue,
        );
        value = null;
      } else {
        value = n.value;
        unit = n.unit;
      }
    }
    if (value !== null) {
      const [lo, hi] = RANGES[metric];
      if (value < lo || value > hi) {
        problem(
          'value',
          `${value} ${METRIC_UNITS[metric]} is outside any plausible ${metric} (${lo}–${hi})`,
          rawValue,
        );
        value = null;
      }
    }
  }

  // Workload.
  let precision: string | null = null;
  const precText = text('precision', 60);
  if (precText === null && isBlank(get('precision'))) missing('precision', 'precision');
  else if (precText !== null) {
    precision = normalizePrecision(precText);
    if (precision === null)
      problem(
        'precision',
        `unknown precision "${precText}" (fp32, tf32, fp16, bf16, fp8, fp4, int8, int4, mixed or a GGUF kind like q4_k_m)`,
        precText,
      );
  }
  let mode: Mode = 'inference';
  const modeText = text('mode', 40);
  if (modeText !== null) {
    if (/^infer(ence)?$/i.test(modeText)) mode = 'inference';
    else if (/^train(ing)?$/i.test(modeText)) mode = 'training';
    else problem('mode', `mode "${modeText}" is not inference or training`, modeText);
  }
  const nDevices = int('n_devices') ?? 1;
  let batch = int('batch_size');
  let seqLen = int('seq_len');
  let promptTokens = int('prompt_tokens');
  let genTokens = int('gen_tokens');
  let imageSize = int('image_size');
  const runtime = text('runtime');
  const scenario = text('scenario');
  let date: string | null = null;
  const dateRaw = get('date');
  if (!isBlank(dateRaw)) {
    const d = readDate(dateRaw);
    if (d.ok) date = d.value;
    else problem('date', d.reason, dateRaw);
  }

  if (problems.length > 0 || !hw || !model || !metric || value === null || !precision || !unit)
    return { ok: false, problems };

  if (ctx.queryLengths) {
    batch ??= 1;
    if (isGenerative(model) && mode === 'inference') {
      promptTokens ??= seqLen ?? DEFAULTS.promptTokens;
      genTokens ??= DEFAULTS.genTokens;
    } else if (isSequenceModel(model)) seqLen ??= DEFAULTS.seqLen;
    else imageSize ??= model.image_size ?? DEFAULTS.imageSize;
  }

  const row: MeasurementRow = {
    source_id: ctx.sourceId,
    source_file: ctx.file,
    source_row: raw.row,
    hardware_id: hw.id,
    n_devices: nDevices,
    model_id: model.id,
    mode,
    scenario,
    precision,
    batch_size: batch,
    seq_len: seqLen,
    prompt_tokens: promptTokens,
    gen_tokens: genTokens,
    image_size: imageSize,
    metric,
    value,
    unit,
    runtime,
    runtime_class: runtimeClassOf(runtime, { generative: isGenerative(model) }),
    date,
    provenance: 'measured',
    flags: [YOURS_FLAG, ...(raw.flags ?? [])].join(';'),
  };
  return { ok: true, row, hw, model };
}
