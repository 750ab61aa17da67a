/**
 * Your imported files as batches: each import is one batch whose rows carry `source_id` `yours:<id>`; its
 * name can change (the id does not), and a hidden batch keeps its rows but lends them to nothing (not the
 * engines' evidence, not the page's database). Pure: IndexedDB is src/adapters/yours-store.ts.
 */
import { MEASUREMENT_COLUMNS } from '../catalog/columns.ts';
import type { MeasurementRow } from '../catalog/schema.ts';
import { toCsv } from '../csv.ts';
import { defaultBatchName } from './import.ts';
import type { Container, ImportFormat, ImportResult } from './types.ts';
import { YOURS_PREFIX } from './types.ts';

export interface YoursBatch {
  /** Lowercase letters, digits and `-`; the rows' `source_id` is `yours:<id>`. Never changes. */
  id: string;
  /** What the page shows; starts as the file name without its extension. */
  name: string;
  file: string;
  format: ImportFormat;
  container: Container;
  /** When it was imported (ISO 8601). */
  created: string;
  hidden: boolean;
  /** Rows kept. */
  rows: number;
}

export const MAX_BATCH_NAME = 64;

/** A batch id for a file: its name as a slug (`my run.csv` → `my-run`), numbered when taken (`my-run-2`). */
export function batchIdFor(file: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug =
    defaultBatchName(file)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'import';
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) if (!used.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Why a name cannot be a batch's name, or null: empty, too long, or control characters. */
export function batchNameProblem(name: string): string | null {
  const t = name.trim();
  if (t === '') return 'a batch needs a name';
  if (t.length > MAX_BATCH_NAME) return `at most ${MAX_BATCH_NAME} characters (this one has ${t.length})`;
  if (/\p{Cc}/u.test(t)) return 'no control characters (tabs, line breaks…)';
  return null;
}

/** The batch an import becomes once kept. */
export function batchOf(result: ImportResult, id: string, created: Date): YoursBatch {
  return {
    id,
    name: defaultBatchName(result.file).trim().slice(0, MAX_BATCH_NAME) || id,
    file: result.file,
    format: result.format,
    container: result.container,
    created: created.toISOString(),
    hidden: false,
    rows: result.good.length,
  };
}

/** The batch id a row belongs to (`yours:<id>`), or null for any other row. */
export function batchIdOf(row: Pick<MeasurementRow, 'source_id'>): string | null {
  return row.source_id.startsWith(YOURS_PREFIX) ? row.source_id.slice(YOURS_PREFIX.length) : null;
}

/** Rows of the batches that are not hidden. */
export function visibleRows(
  batches: readonly YoursBatch[],
  rows: readonly MeasurementRow[],
): MeasurementRow[] {
  const shown = new Set(batches.filter((b) => !b.hidden).map((b) => b.id));
  return rows.filter((r) => shown.has(batchIdOf(r) ?? ''));
}

/** The download's name: every batch, or one. */
export function exportFileName(batch: Pick<YoursBatch, 'id'> | null, ext: 'csv' | 'parquet'): string {
  return `rooflight-yours${batch ? `-${batch.id}` : ''}.${ext}`;
}

/** Rows as CSV in the snapshot's measurement schema (what the Data page exports; importing it gives them back). */
export function measurementsCsv(rows: readonly MeasurementRow[]): string {
  return toCsv(
    MEASUREMENT_COLUMNS.map((c) => c.name),
    rows,
  );
}

/** Where a row came from; an import sets them anew (its own batch, file name and record numbers). */
export const PROVENANCE_COLUMNS = ['source_id', 'source_file', 'source_row'] as const;
export type Measured = Omit<MeasurementRow, (typeof PROVENANCE_COLUMNS)[number]>;

/** A row without its provenance: what a re-import of an export must give back unchanged. */
export function withoutProvenance(row: MeasurementRow): Measured {
  const { source_id: _id, source_file: _file, source_row: _row, ...rest } = row;
  return rest;
}

/**
 * The first difference between two lists of rows, provenance aside (`row 3, value: 12.5 ≠ 12.4`), or null
 * when they hold the same rows in the same order.
 */
export function firstDifference(a: readonly MeasurementRow[], b: readonly MeasurementRow[]): string | null {
  if (a.length !== b.length) return `${a.length} rows ≠ ${b.length} rows`;
  for (let i = 0; i < a.length; i++) {
    const x = withoutProvenance(a[i]!) as Record<string, unknown>;
    const y = withoutProvenance(b[i]!) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
      if (x[k] !== y[k]) return `row ${i + 1}, ${k}: ${String(x[k])} ≠ ${String(y[k])}`;
  }
  return null;
}

/** At most `limit` items, evenly spaced over `xs` (all of them when there are no more than `limit`). */
export function evenSample<T>(xs: readonly T[], limit: number): T[] {
  if (xs.length <= limit) return [...xs];
  return Array.from({ length: limit }, (_, i) => xs[Math.floor((i * xs.length) / limit)]!);
}
