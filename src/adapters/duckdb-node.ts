import { createRequire } from 'node:module';
import { tableToIPC, type Table } from 'apache-arrow';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { Db } from '../core/db.ts';
import { SAFE_SETTINGS, dbOver, type RawConnection } from './raw-connection.ts';
import { DuckDbStartError, messageOf } from './errors.ts';

const require = createRequire(import.meta.url);

/** A Node DuckDB-WASM (blocking build) with the Db interface plus the raw connection for loading data. */
export interface NodeDb extends Db {
  raw: RawConnection;
  close(): void;
}

/** Starts DuckDB-WASM in Node (≈1 s) with extension autoloading off, so nothing blocks on the network. */
export async function createNodeDb(): Promise<NodeDb> {
  let bindings: DuckDBBindings;
  try {
    const wasm = (name: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${name}`);
    bindings = await createDuckDB(
      {
        mvp: { mainModule: wasm('duckdb-mvp.wasm'), mainWorker: wasm('duckdb-node-mvp.worker.cjs') },
        eh: { mainModule: wasm('duckdb-eh.wasm'), mainWorker: wasm('duckdb-node-eh.worker.cjs') },
      },
      new VoidLogger(),
      NODE_RUNTIME,
    );
    await bindings.instantiate(() => {});
  } catch (e) {
    throw new DuckDbStartError(messageOf(e), { cause: e });
  }
  const conn = bindings.connect();
  const raw: RawConnection = {
    async run(sql, params) {
      if (!params?.length) return conn.query(sql) as Table;
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...params) as Table;
      } finally {
        stmt.close();
      }
    },
    async insertArrow(table, name) {
      // insertArrowTable silently inserts nothing in Node; the IPC stream path works.
      conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: false });
    },
  };
  for (const s of SAFE_SETTINGS) await raw.run(s);
  return {
    ...dbOver(raw),
    raw,
    close() {
      conn.close();
      bindings.reset();
    },
  };
}
