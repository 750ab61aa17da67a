/** Browser: the held-out evaluation loaded on demand into the page's DuckDB (once per page). */
import { getBrowserDb } from './duckdb-browser.ts';
import { HOLDOUT_FILE, HoldoutMissingError, loadHoldout } from './holdout-loader.ts';
import { SnapshotLoadError } from './errors.ts';

/** Rows in the `holdout` table, or why there is none (the build has no holdout.parquet). */
export type HoldoutLoad = { status: 'loaded'; rows: number } | { status: 'missing'; reason: string };

async function fetchHoldout(file: string): Promise<ArrayBuffer> {
  const url = `${import.meta.env.BASE_URL}data/${file}`;
  const res = await fetch(url);
  // The preview and most static hosts answer a missing file with the app's index.html.
  if (res.status === 404 || res.headers.get('content-type')?.includes('text/html'))
    throw new HoldoutMissingError(`${url} is not in this build (run \`npm run eval\` to write it)`);
  if (!res.ok) throw new SnapshotLoadError(file, `HTTP ${res.status} for ${url}`);
  return res.arrayBuffer();
}

let cached: Promise<HoldoutLoad> | null = null;

/**
 * Loads holdout.parquet into the `holdout` table after the snapshot (its rows join `hardware`, `models` and
 * `sources`); later calls share the result. A missing file resolves to `missing`; another failure rejects
 * and is forgotten, so the next call retries.
 */
export function getHoldout(): Promise<HoldoutLoad> {
  cached ??= (async (): Promise<HoldoutLoad> => {
    const db = await getBrowserDb();
    try {
      return { status: 'loaded', rows: await loadHoldout(db.raw, fetchHoldout) };
    } catch (e) {
      if (e instanceof HoldoutMissingError) return { status: 'missing', reason: e.message };
      throw e;
    }
  })().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

export { HOLDOUT_FILE };
