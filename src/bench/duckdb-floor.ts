/**
 * The floor for `npm run bench`: the least a page can do to answer a query over the snapshot — start
 * DuckDB-WASM, load the four Parquet files the app's offline way (shared loader: hyparquet → Arrow →
 * insertArrowTable), run one COUNT(*). No React, no app state. Publishes `window.__floorTimings`.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { SNAPSHOT_TABLES } from '../core/catalog/columns.ts';
import { SAFE_SETTINGS } from '../adapters/raw-connection.ts';
import { loadSnapshot } from '../adapters/snapshot-loader.ts';
import { connectionOf } from '../adapters/worker-connection.ts';
import type { FloorTimings } from './floor-timings.ts';

const status = document.getElementById('status');

function publish(patch: FloorTimings): void {
  window.__floorTimings = { ...window.__floorTimings, ...patch };
}

function fetchFile(file: string): Promise<ArrayBuffer> {
  return fetch(`${import.meta.env.BASE_URL}data/${file}`).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${file}`);
    return res.arrayBuffer();
  });
}

async function run(): Promise<void> {
  performance.mark('floor:duckdb-start');
  // Like the app: every download starts at once, overlapping DuckDB's start.
  const pending = new Map<string, Promise<ArrayBuffer>>();
  for (const { file } of Object.values(SNAPSHOT_TABLES)) {
    const p = fetchFile(file);
    p.catch(() => undefined);
    pending.set(file, p);
  }
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  if (!bundle.mainWorker) throw new Error('no worker in the selected bundle');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const conn = connectionOf(await db.connect());
  for (const s of SAFE_SETTINGS) await conn.run(s);
  performance.mark('floor:duckdb-ready');
  publish({
    duckdbInitMs: performance.measure('floor:duckdb-init', 'floor:duckdb-start', 'floor:duckdb-ready')
      .duration,
  });

  await loadSnapshot(conn, (file) => pending.get(file) ?? fetchFile(file));
  performance.mark('floor:snapshot-loaded');
  publish({
    snapshotLoadMs: performance.measure('floor:snapshot-load', 'floor:duckdb-ready', 'floor:snapshot-loaded')
      .duration,
  });

  const result = await conn.run('SELECT COUNT(*)::INTEGER AS n FROM measurements');
  const n = Number(result.getChild('n')?.get(0));
  performance.mark('floor:first-query');
  publish({ firstQueryMs: performance.now(), measurementRows: n, done: true });
  if (status) status.textContent = `${n} measurements`;
}

run().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  publish({ done: true, error: message });
  if (status) status.textContent = `Failed: ${message}`;
});
