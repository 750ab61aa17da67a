/** `predict --queries in.csv`: many requests, one engine.predictMany call, one output row per input row. */
import { parse } from 'csv-parse/sync';
import type { HardwareRow, Metric, Mode, ModelRow } from '../core/catalog/schema.ts';
import { toCsv } from '../core/csv.ts';
import { parseRuntime } from '../core/catalog/runtime.ts';
import {
  operatingPoint,
  SCENARIOS,
  type OperatingChoice,
  type Scenario,
} from '../core/predict/operating-point.ts';
import type { Query } from '../core/predict/types.ts';
import type { Workload } from '../core/roofline/workload.ts';
import type { Catalog } from './context.ts';
import {
  fitError,
  MODES,
  parsePrecision,
  queryFor,
  REQUEST_DEFAULTS as D,
  REQUEST_METRICS,
  workloadFor,
} from './request.ts';
import { UsageError } from './usage-error.ts';

export const OUTPUT_COLUMNS = [
  'predicted',
  'low',
  'high',
  'unit',
  'layer',
  'bound',
  'runtime_used',
  'batch_used',
  'layout',
  'assumed',
  'error',
] as const;

type Row = Record<string, string>;

/** Cell by column name, case-insensitively; empty and absent cells are undefined. */
function cell(row: Row, ...names: string[]): string | undefined {
  for (const n of names) {
    const key = Object.keys(row).find((k) => k.trim().toLowerCase() === n);
    const v = key === undefined ? undefined : row[key]?.trim();
    if (v) return v;
  }
  return undefined;
}

function positiveInt(row: Row, name: string, fallback: number): number;
function positiveInt(row: Row, name: string, fallback: undefined): number | undefined;
function positiveInt(row: Row, name: string, fallback: number | undefined): number | undefined {
  const raw = cell(row, name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v <= 0) throw new RowError(`${name} must be a positive integer, got "${raw}"`);
  return v;
}

class RowError extends Error {}

/** Parse the input; UsageError when it has no header or no model/hardware columns. */
export function readQueries(text: string): { columns: string[]; rows: Row[] } {
  let columns: string[] = [];
  let rows: Row[];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      columns: (header: string[]) => (columns = header.map((h) => h.trim())),
    }) as Row[];
  } catch (e) {
    throw new UsageError(`cannot read the queries CSV: ${(e as Error).message}`);
  }
  const lower = columns.map((c) => c.toLowerCase());
  for (const need of ['model', 'hardware'])
    if (!lower.includes(need))
      throw new UsageError(
        `the queries CSV needs a header with a "${need}" column (got: ${columns.join(', ') || 'none'})`,
      );
  return { columns, rows };
}

/** Answer every row; rows that cannot be answered get an `error` and the rest go on. */
export async function answerQueries(
  cat: Catalog,
  text: string,
): Promise<{ csv: string; rows: number; errors: number }> {
  const { columns, rows } = readQueries(text);
  const memo = new Map<
    string,
    ReturnType<Catalog['models']['resolve']> | ReturnType<Catalog['hardware']['resolve']>
  >();
  const model = (raw: string): ModelRow => {
    const key = `m:${raw}`;
    const r = memo.get(key) ?? cat.models.resolve(raw);
    memo.set(key, r);
    if (!r.ok) throw new RowError(r.message);
    return r.entry as ModelRow;
  };
  const device = (raw: string): HardwareRow => {
    const key = `h:${raw}`;
    const r = memo.get(key) ?? cat.hardware.resolve(raw);
    memo.set(key, r);
    if (!r.ok) throw new RowError(r.message);
    return r.entry as HardwareRow;
  };

  const out: Row[] = rows.map((r) => ({ ...r }));
  const requests: {
    i: number;
    m: ModelRow;
    hw: HardwareRow;
    w: Workload;
    metric: Metric;
    choice: OperatingChoice;
    note: string;
  }[] = [];
  rows.forEach((row, i) => {
    try {
      const m = model(cell(row, 'model') ?? fail('model is empty'));
      const hw = device(cell(row, 'hardware') ?? fail('hardware is empty'));
      const mode = (cell(row, 'mode')?.toLowerCase() ?? D.mode) as Mode;
      if (!MODES.includes(mode)) fail(`mode "${mode}" is not one of ${MODES.join(', ')}`);
      const metric = (cell(row, 'metric')?.toLowerCase() ?? D.metric) as Metric;
      if (!REQUEST_METRICS.includes(metric))
        fail(`metric "${metric}" is not one of ${REQUEST_METRICS.join(', ')}`);
      const p = parsePrecision(cell(row, 'precision') ?? D.precision);
      if (!p.ok) fail(p.error);
      const w = workloadFor(m, {
        nDevices: positiveInt(row, 'n_devices', D.nDevices),
        mode,
        precision: p.precision,
        batch: positiveInt(row, 'batch_size', D.batch),
        seqLen: positiveInt(row, 'seq_len', undefined),
        promptTokens: positiveInt(row, 'prompt_tokens', undefined),
        genTokens: positiveInt(row, 'gen_tokens', undefined),
        imageSize: positiveInt(row, 'image_size', undefined),
      });
      const rt = parseRuntime(cell(row, 'runtime'));
      const scenario = (cell(row, 'scenario')?.toLowerCase() ?? 'single-stream') as Scenario;
      if (!SCENARIOS.includes(scenario)) fail(`scenario "${scenario}" is not one of ${SCENARIOS.join(', ')}`);
      if (scenario !== 'offline') {
        const misfit = fitError(w, hw);
        if (misfit) fail(misfit);
      }
      requests.push({ i, m, hw, w, metric, choice: { runtime: rt.runtime, scenario }, note: rt.note ?? '' });
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      out[i]!.error = e.message;
    }
  });

  const queries: Query[] = [];
  const owner: number[] = [];
  const engine = cat.ne.engine;
  for (const r of requests) {
    const op = await operatingPoint(
      (qs) => engine.predictMany(qs, { consistency: false }),
      cat.evidence,
      r.m,
      r.hw,
      r.w,
      r.choice,
    );
    if ('error' in op) {
      out[r.i]!.error = op.error;
      continue;
    }
    Object.assign(out[r.i]!, {
      runtime_used: op.runtime.runtime,
      batch_used: String(op.batch),
      layout: op.layout,
      assumed: [r.note, op.runtime.why, op.search].filter(Boolean).join('; '),
    });
    queries.push({ ...queryFor(r.m, op.workload, r.hw, r.metric), runtime: op.runtime.runtime });
    owner.push(r.i);
  }

  const answers = await engine.predictMany(queries);
  answers.forEach((a, k) => {
    const row = out[owner[k]!]!;
    if (!a.ok) row.error = a.error;
    else
      Object.assign(row, {
        predicted: sig(a.value),
        low: sig(a.low),
        high: sig(a.high),
        unit: a.unit,
        layer: a.layer,
        bound: a.bound ?? '',
        error: '',
      });
  });
  const header = [...columns, ...OUTPUT_COLUMNS.filter((c) => !columns.includes(c))];
  const errors = out.filter((r) => r.error).length;
  return { csv: toCsv(header, out), rows: out.length, errors };
}

function fail(message: string): never {
  throw new RowError(message);
}

/** Five significant digits, as a plain number string. */
export const sig = (v: number): string => String(Number(v.toPrecision(5)));
