import type { Table } from 'apache-arrow';
import type { Db } from '../core/db.ts';
import { arrowToRows } from './arrow-rows.ts';
import { QueryError, messageOf } from './errors.ts';

/** What the adapters need from a DuckDB connection, Node (blocking) or browser (worker) alike. */
export interface RawConnection {
  /** One statement; with params it is prepared and bound positionally. */
  run(sql: string, params?: readonly unknown[]): Promise<Table>;
  /** Appends an Arrow table to an existing table. */
  insertArrow(table: Table, name: string): Promise<void>;
}

/** Runs a statement, rethrowing failures as QueryError carrying the SQL. */
export async function runChecked(
  conn: RawConnection,
  sql: string,
  params?: readonly unknown[],
): Promise<Table> {
  try {
    return await conn.run(sql, params);
  } catch (e) {
    throw new QueryError(sql, messageOf(e), { cause: e });
  }
}

/** A Db over a raw connection: plain rows out, QueryError on failure. */
export function dbOver(conn: RawConnection, onQuery?: () => void): Db {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const rows = arrowToRows<T>(await runChecked(conn, sql, params));
      onQuery?.();
      return rows;
    },
  };
}

/** Settings every connection gets before anything else: never fetch extensions (closed network, own origin only). */
export const SAFE_SETTINGS = [
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
];
