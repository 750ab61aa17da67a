/**
 * A real in-browser run as benchmark rows: the measurements table's own shape, source `local`, so the Data
 * page's filters, joins, SQL box and exports treat them like the snapshot's rows.
 */
import type { ColumnType, Columns } from '../catalog/columns.ts';
import { runtimeClassOf } from '../catalog/runtime.ts';
import type { MeasurementRow, SourceRow } from '../catalog/schema.ts';
import type { Statement } from '../db.ts';
import { quoteIdent } from '../sql/ddl.ts';
import { labModel } from './lab-models.ts';
import type { RunBackend, RunReport } from './types.ts';
import { BROWSER_DEVICE_IDS, deviceBackend } from './profile.ts';

/** The source id of every row measured in this browser. */
export const LOCAL_SOURCE_ID = 'local';
/** Where local rows live (their `source_file`). */
export const LOCAL_SOURCE_FILE = 'indexeddb:rooflight/local-measurements';

/** The `sources` row for local runs; `row_count` is 0 here, the caller sets it (see {@link localSource}). */
export const LOCAL_SOURCE: SourceRow = {
  id: LOCAL_SOURCE_ID,
  title: 'Your own runs in this browser',
  repository: '',
  paths: LOCAL_SOURCE_FILE,
  commit: null,
  license: 'Your measurements; stored only in this browser, never uploaded',
  row_count: 0,
  kind: 'measurements',
};

/** {@link LOCAL_SOURCE} with its row count. */
export function localSource(rowCount: number): SourceRow {
  return { ...LOCAL_SOURCE, row_count: rowCount };
}

/** The device a run on `backend` measured: `this-browser-<backend>`. */
export function localHardwareId(backend: RunBackend): string {
  return BROWSER_DEVICE_IDS[deviceBackend(backend)];
}

/** ISO time → `YYYY-MM-DD` (null when it is not a date). */
function isoDate(at: string): string | null {
  return /^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : null;
}

/**
 * Two rows per timing of a run: `latency_ms` (median ms per batch) and `throughput` (items/s). `source_row`
 * counts up from `firstRow` (1-based; the caller keeps it unique across stored runs). Timings with a
 * non-positive or non-finite median are skipped (nothing measured).
 */
export function runRows(report: RunReport, firstRow: number): MeasurementRow[] {
  const rows: MeasurementRow[] = [];
  const date = isoDate(report.at);
  let next = firstRow;
  for (const t of report.timings) {
    if (!Number.isFinite(t.medianMs) || t.medianMs <= 0) continue;
    const config = labModel(t.modelId)?.config;
    const base = {
      source_id: LOCAL_SOURCE_ID,
      source_file: LOCAL_SOURCE_FILE,
      hardware_id: localHardwareId(t.backend),
      n_devices: 1,
      model_id: t.modelId,
      mode: 'inference' as const,
      scenario: null,
      precision: 'fp32',
      batch_size: t.batch,
      seq_len: config?.kind === 'encoder' ? config.seq : null,
      prompt_tokens: null,
      gen_tokens: null,
      image_size: config?.kind === 'cnn' ? config.image : null,
      runtime: `tfjs-${t.backend}`,
      runtime_class: runtimeClassOf(`tfjs-${t.backend}`),
      date,
      provenance: 'measured' as const,
      flags: 'local',
    };
    rows.push({ ...base, source_row: next++, metric: 'latency_ms', value: t.medianMs, unit: 'ms' });
    rows.push({
      ...base,
      source_row: next++,
      metric: 'throughput',
      value: t.batch / (t.medianMs / 1000),
      unit: 'items/s',
    });
  }
  return rows;
}

/** Rows per INSERT statement (× columns = bound parameters). */
const CHUNK = 100;

/**
 * Parameterized multi-row INSERTs of `rows` into `table`, values cast to the catalog's column types so the
 * database never guesses them from the JavaScript values.
 */
export function insertStatements<T>(
  table: string,
  columns: Columns<T>,
  rows: readonly T[],
  chunk = CHUNK,
): Statement[] {
  const names = columns.map((c) => quoteIdent(c.name)).join(', ');
  const tuple = `(${columns.map((c) => `CAST(? AS ${c.type satisfies ColumnType})`).join(', ')})`;
  const out: Statement[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    out.push({
      sql: `INSERT INTO ${quoteIdent(table)} (${names}) VALUES ${part.map(() => tuple).join(', ')}`,
      params: part.flatMap((r) => columns.map((c) => (r as Record<string, unknown>)[c.name] ?? null)),
    });
  }
  return out;
}
