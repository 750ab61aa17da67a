import type { Statement } from '../db.ts';
import { MEASUREMENT_COLUMNS } from '../catalog/columns.ts';
import { quoteIdent } from './ddl.ts';
import { MEASUREMENTS_ALL } from './yours.ts';

/** Filters of the Data page. Each is optional; an empty string means "any". */
export interface MeasurementFilters {
  hardwareId?: string;
  /** Case-insensitive substring of the model's id or name. */
  modelSearch?: string;
  sourceId?: string;
  metric?: string;
  precision?: string;
}

/** Columns a listing can be sorted by: the measurement columns plus the joined display names. */
export const SORTABLE_COLUMNS: readonly string[] = [
  ...MEASUREMENT_COLUMNS.map((c) => c.name),
  'hardware_name',
  'model_name',
];

export type SortDirection = 'asc' | 'desc';
export interface MeasurementSort {
  column: string;
  direction: SortDirection;
}

/** Default order: by source and the raw record number, so pages are stable. */
export const DEFAULT_SORT: MeasurementSort = { column: 'source_id', direction: 'asc' };
const TIEBREAK = 'm.source_id, m.source_file, m.source_row, m.metric';

/** Every measurement: the snapshot's, this browser's lab runs and your imported rows (see yours.ts). */
const FROM = `FROM ${MEASUREMENTS_ALL} m
  LEFT JOIN hardware h ON h.id = m.hardware_id
  LEFT JOIN models mo ON mo.id = m.model_id`;

/** Escapes LIKE wildcards so a search for `50%` matches the text, not a pattern. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause and its parameters for a set of filters (`TRUE` when none apply). */
export function measurementWhere(filters: MeasurementFilters): Statement {
  const parts: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    parts.push(`m.${column} = ?`);
    params.push(value);
  };
  eq('hardware_id', filters.hardwareId);
  eq('source_id', filters.sourceId);
  eq('metric', filters.metric);
  eq('precision', filters.precision);
  const search = filters.modelSearch?.trim();
  if (search) {
    parts.push(`(m.model_id ILIKE ? ESCAPE '\\' OR mo.name ILIKE ? ESCAPE '\\')`);
    params.push(likeContains(search), likeContains(search));
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/**
 * The ORDER BY expression for a sort. Throws on a column outside SORTABLE_COLUMNS, so user text never
 * reaches the SQL.
 */
export function orderBy(sort: MeasurementSort): string {
  if (!SORTABLE_COLUMNS.includes(sort.column)) {
    throw new Error(`unknown sort column: ${sort.column} (valid: ${SORTABLE_COLUMNS.join(', ')})`);
  }
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const expr =
    sort.column === 'hardware_name'
      ? 'h.name'
      : sort.column === 'model_name'
        ? 'mo.name'
        : `m.${quoteIdent(sort.column)}`;
  return `${expr} ${dir} NULLS LAST, ${TIEBREAK}`;
}

export interface ListOptions {
  filters: MeasurementFilters;
  sort?: MeasurementSort;
  /** Rows per page; omit for every matching row (CSV export). */
  limit?: number;
  offset?: number;
}

/** Measurements matching the filters, with `hardware_name` and `model_name` joined in. */
export function listMeasurements({
  filters,
  sort = DEFAULT_SORT,
  limit,
  offset = 0,
}: ListOptions): Statement {
  const where = measurementWhere(filters);
  const params = [...where.params];
  let sql = `SELECT m.*, h.name AS hardware_name, mo.name AS model_name ${FROM} WHERE ${where.sql} ORDER BY ${orderBy(sort)}`;
  if (limit !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(checkCount('limit', limit), checkCount('offset', offset));
  }
  return { sql, params };
}

/** `{ n }`: how many measurements match the filters. */
export function countMeasurements(filters: MeasurementFilters): Statement {
  const where = measurementWhere(filters);
  return { sql: `SELECT count(*)::INTEGER AS n ${FROM} WHERE ${where.sql}`, params: where.params };
}

function checkCount(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${n}`);
  return n;
}
