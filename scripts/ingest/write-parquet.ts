/** Writes snapshot tables to zstd Parquet with @duckdb/node-api, typed by src/core/catalog/columns.ts. */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Columns } from '../../src/core/catalog/columns.ts';

/** Write `rows` to `path` (overwritten), one column per entry of `columns`, in the given row order. */
export async function writeParquet<T extends object>(
  path: string,
  columns: Columns<T>,
  rows: readonly T[],
): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  try {
    const ddl = columns.map((c) => `"${c.name}" ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');
    await conn.run(`CREATE TABLE t (${ddl})`);
    const app = await conn.createAppender('t');
    for (const row of rows) {
      for (const c of columns) {
        const v = (row as Record<string, unknown>)[c.name];
        if (v === null || v === undefined) {
          if (!c.nullable)
            throw new Error(`${path}: column ${c.name} is NOT NULL but a row has ${String(v)}`);
          app.appendNull();
        } else if (c.type === 'VARCHAR') app.appendVarchar(String(v));
        else if (c.type === 'INTEGER') {
          if (typeof v !== 'number' || !Number.isInteger(v))
            throw new Error(`${path}: ${c.name} expects an integer, got ${String(v)}`);
          app.appendInteger(v);
        } else {
          if (typeof v !== 'number' || !Number.isFinite(v))
            throw new Error(`${path}: ${c.name} expects a number, got ${String(v)}`);
          app.appendDouble(v);
        }
      }
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
    const escaped = path.replace(/'/g, "''");
    await conn.run(`COPY t TO '${escaped}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
