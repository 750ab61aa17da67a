import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { SNAPSHOT_TABLES } from '../core/catalog/columns.ts';
import type { Db } from '../core/db.ts';
import { DuckDbStartError, messageOf } from './errors.ts';
import { SAFE_SETTINGS, dbOver, type RawConnection } from './raw-connection.ts';
import { loadSnapshot, type Progress } from './snapshot-loader.ts';
import { hasMark, mark } from './timings.ts';
import { runUserSql, type UserSqlResult } from './user-sql.ts';
import { connectionOf } from './worker-connection.ts';
import { ensureYoursSchema } from './yours-db.ts';
import { fetchSnapshotFile } from './snapshot-fetch.ts';

/** The page's database: the snapshot loaded into DuckDB-WASM. */
export interface BrowserDb extends Db {
  /** Rows per snapshot table. */
  counts: Record<string, number>;
  /** Runs SQL typed by a user (read-only unless scratch; always rolled back). */
  runUserSql(text: string, scratch: boolean): Promise<UserSqlResult>;
  /** The app's own connection, for tables loaded on demand (holdout.parquet on the Accuracy page). */
  raw: RawConnection;
}

const listeners = new Set<Progress>();
let cached: Promise<BrowserDb> | null = null;

const report: Progress = (stage, fraction) => listeners.forEach((l) => l(stage, fraction));

async function startWorker(): Promise<duckdb.AsyncDuckDB> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  if (!bundle.mainWorker) throw new DuckDbStartError('no worker in the selected bundle');
  const worker = new Worker(bundle.mainWorker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new DuckDbStartError(`worker error: ${e.message || 'failed to load'}`)),
    );
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), failed]);
  } catch (e) {
    worker.terminate();
    throw e instanceof DuckDbStartError ? e : new DuckDbStartError(messageOf(e), { cause: e });
  }
  return db;
}

/** Starts every snapshot download at once, so they overlap with DuckDB's start. */
function prefetchSnapshot(): (file: string) => Promise<ArrayBuffer> {
  const pending = new Map<string, Promise<ArrayBuffer>>();
  for (const { file } of Object.values(SNAPSHOT_TABLES)) {
    const p = fetchSnapshotFile(file);
    p.catch(() => undefined); // surfaced when the loader awaits it
    pending.set(file, p);
  }
  return (file) => pending.get(file) ?? fetchSnapshotFile(file);
}

async function start(): Promise<BrowserDb> {
  mark('duckdb-start');
  report('Starting DuckDB', 0.02);
  const read = prefetchSnapshot();
  const db = await startWorker();
  try {
    const app = connectionOf(await db.connect());
    const user = connectionOf(await db.connect());
    for (const s of SAFE_SETTINGS) await app.run(s);
    mark('duckdb-ready');
    const counts = await loadSnapshot(app, read, report, [0.2, 1]);
    mark('snapshot-loaded', { measurementRows: counts.measurements ?? 0 });
    // Your imported rows' table (empty until synced) and the view the Data page lists.
    await ensureYoursSchema(app);
    // Nothing user-typed may read files or URLs, and settings are frozen from here on.
    await app.run('SET enable_external_access=false');
    await app.run('SET lock_configuration=true');
    let userQueue: Promise<unknown> = Promise.resolve();
    return {
      counts,
      raw: app,
      ...dbOver(app, () => {
        if (!hasMark('first-query')) mark('first-query');
      }),
      runUserSql(text, scratch) {
        const run = userQueue.then(() => runUserSql(user, text, scratch));
        userQueue = run.catch(() => undefined);
        return run;
      },
    };
  } catch (e) {
    await db.terminate().catch(() => undefined);
    throw e;
  }
}

/**
 * Starts DuckDB-WASM and loads the snapshot once per page; later calls share the same promise. A failed
 * start is forgotten so the next call retries. `onProgress` receives every stage until the load settles.
 */
export function getBrowserDb(onProgress?: Progress): Promise<BrowserDb> {
  if (onProgress) listeners.add(onProgress);
  cached ??= start().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  const p = cached;
  void p.finally(() => onProgress && listeners.delete(onProgress)).catch(() => undefined);
  return p;
}
