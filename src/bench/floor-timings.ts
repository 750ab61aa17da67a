/** Timings the DuckDB-only floor page publishes on `window.__floorTimings` for scripts/bench. */
export interface FloorTimings {
  /** DuckDB-WASM worker + module start, ms. */
  duckdbInitMs?: number;
  /** Fetch + decode + insert of the four Parquet files, ms. */
  snapshotLoadMs?: number;
  /** From navigation start to the COUNT(*) result, ms. */
  firstQueryMs?: number;
  /** COUNT(*) of the measurements table. */
  measurementRows?: number;
  /** Set when the page finished (or failed). */
  done?: boolean;
  /** The failure, when the page failed. */
  error?: string;
}

declare global {
  interface Window {
    __floorTimings?: FloorTimings;
  }
}
