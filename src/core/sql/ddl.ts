import type { ColumnType } from '../catalog/columns.ts';
import { SNAPSHOT_TABLES, type SnapshotTable } from '../catalog/columns.ts';

/** Quotes an identifier for DuckDB (`"a""b"`). Only for names from our own catalog, never user text. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `CREATE TABLE` for a snapshot table, with the column types and NOT NULLs of columns.ts. */
export function createTableSql(table: SnapshotTable): string {
  return tableSql(table, SNAPSHOT_TABLES[table].columns);
}

/** `CREATE TABLE name (…)` with the given columns' types and NOT NULLs. */
export function tableSql(
  name: string,
  columns: readonly { name: string; type: ColumnType; nullable: boolean }[],
  ifNotExists = false,
): string {
  const defs = columns.map((c) => `${quoteIdent(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`);
  return `CREATE TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(name)} (${defs.join(', ')})`;
}

/** The snapshot's table names, in load order (small lookup tables first). */
export const SNAPSHOT_TABLE_NAMES = Object.keys(SNAPSHOT_TABLES) as SnapshotTable[];
