/** Load timings published on `window.__rooflightTimings` for scripts/bench and the e2e tests. */
export interface RooflightTimings {
  /** DuckDB-WASM worker + module start, ms. */
  duckdbInitMs?: number;
  /** Fetch + decode + insert of the four Parquet files, ms. */
  snapshotLoadMs?: number;
  /** From DuckDB start to the first app query's result, ms. */
  firstQueryMs?: number;
  /** From navigation start to the first app query's result, ms. */
  totalMs?: number;
  /** Rows in the measurements table. */
  measurementRows?: number;
}

declare global {
  interface Window {
    __rooflightTimings?: RooflightTimings;
  }
}

type Mark = 'duckdb-start' | 'duckdb-ready' | 'snapshot-loaded' | 'first-query';
const MARKS: Mark[] = ['duckdb-start', 'duckdb-ready', 'snapshot-loaded', 'first-query'];

function publish(patch: RooflightTimings): void {
  if (typeof window === 'undefined') return;
  window.__rooflightTimings = { ...window.__rooflightTimings, ...patch };
}

function measure(name: string, from: Mark, to: Mark): number {
  return performance.measure(`rooflight:${name}`, `rooflight:${from}`, `rooflight:${to}`).duration;
}

/** Sets a `rooflight:<name>` performance mark and updates the published timings. */
export function mark(name: Mark, extra: RooflightTimings = {}): void {
  if (name === 'duckdb-start') {
    for (const m of MARKS) performance.clearMarks(`rooflight:${m}`);
    if (typeof window !== 'undefined') window.__rooflightTimings = {};
  }
  performance.mark(`rooflight:${name}`);
  const patch: RooflightTimings = { ...extra };
  if (name === 'duckdb-ready') patch.duckdbInitMs = measure('duckdb-init', 'duckdb-start', 'duckdb-ready');
  if (name === 'snapshot-loaded')
    patch.snapshotLoadMs = measure('snapshot-load', 'duckdb-ready', 'snapshot-loaded');
  if (name === 'first-query') {
    patch.firstQueryMs = measure('first-query', 'duckdb-start', 'first-query');
    patch.totalMs = performance.now();
  }
  publish(patch);
}

/** Whether a mark has been set since the last start. */
export function hasMark(name: Mark): boolean {
  return performance.getEntriesByName(`rooflight:${name}`, 'mark').length > 0;
}
