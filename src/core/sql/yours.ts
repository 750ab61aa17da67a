/**
 * Your imported rows in the page's database: the table `yours` (the snapshot's measurement schema) and the
 * view `measurements_all` (the snapshot's measurements, with this browser's lab rows, then yours). The Data
 * page lists `measurements_all`; the SQL box can query both names.
 */
import { MEASUREMENT_COLUMNS } from '../catalog/columns.ts';
import { quoteIdent, tableSql } from './ddl.ts';

export const YOURS_TABLE = 'yours';
export const MEASUREMENTS_ALL = 'measurements_all';

const COLUMNS = MEASUREMENT_COLUMNS.map((c) => quoteIdent(c.name)).join(', ');

/** Creates `yours` (empty, when missing) and (re)creates the `measurements_all` view over both tables. */
export function yoursSchemaSql(): string[] {
  return [
    tableSql(YOURS_TABLE, MEASUREMENT_COLUMNS, true),
    `CREATE OR REPLACE VIEW ${MEASUREMENTS_ALL} AS SELECT ${COLUMNS} FROM measurements UNION ALL SELECT ${COLUMNS} FROM ${YOURS_TABLE}`,
  ];
}
