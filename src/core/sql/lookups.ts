import type { Statement } from '../db.ts';
import { MEASUREMENTS_ALL } from './yours.ts';

/** One option of a filter dropdown. */
export interface FilterOption {
  value: string;
  label: string;
  /** Measurements with this value. */
  n: number;
}

export type FilterField = 'hardware' | 'source' | 'metric' | 'precision';

const DISTINCT: Record<FilterField, string> = {
  hardware: `SELECT m.hardware_id AS value, coalesce(any_value(h.name), m.hardware_id) AS label, count(*)::INTEGER AS n
    FROM ${MEASUREMENTS_ALL} m LEFT JOIN hardware h ON h.id = m.hardware_id GROUP BY m.hardware_id ORDER BY label`,
  source: `SELECT m.source_id AS value, coalesce(any_value(s.title), m.source_id) AS label, count(*)::INTEGER AS n
    FROM ${MEASUREMENTS_ALL} m LEFT JOIN sources s ON s.id = m.source_id GROUP BY m.source_id ORDER BY m.source_id`,
  metric: `SELECT metric AS value, metric AS label, count(*)::INTEGER AS n
    FROM ${MEASUREMENTS_ALL} GROUP BY metric ORDER BY metric`,
  precision: `SELECT precision AS value, precision AS label, count(*)::INTEGER AS n
    FROM ${MEASUREMENTS_ALL} GROUP BY precision ORDER BY precision`,
};

/** Distinct values of a filter field over all measurements (yours included), for the filter dropdowns. */
export function distinctValues(field: FilterField): Statement {
  return { sql: DISTINCT[field], params: [] };
}

/** Every source, for the Sources page: measurement sources first, then hardware, then models. */
export function listSources(): Statement {
  return {
    sql: `SELECT id, title, repository, paths, "commit", license, row_count, kind FROM sources
      ORDER BY CASE kind WHEN 'measurements' THEN 0 WHEN 'hardware' THEN 1 ELSE 2 END, id`,
    params: [],
  };
}

/** `{ n }`: rows in a snapshot table. */
export function countRows(table: 'hardware' | 'models' | 'measurements' | 'sources'): Statement {
  return { sql: `SELECT count(*)::INTEGER AS n FROM ${table}`, params: [] };
}
