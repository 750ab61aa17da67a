import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { RawConnection } from './raw-connection.ts';

/** A RawConnection over a DuckDB-WASM worker connection (prepared statements for parameters). */
export function connectionOf(conn: AsyncDuckDBConnection): RawConnection {
  return {
    async run(sql, params) {
      if (!params?.length) return conn.query(sql);
      const stmt = await conn.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    },
    async insertArrow(table, name) {
      await conn.insertArrowTable(table, { name, create: false });
    },
  };
}
