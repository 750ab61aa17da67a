/**
 * The one way the app and tests reach a database (DuckDB-WASM in the browser and in Node tests; the CLI
 * reads the snapshot's Parquet directly). Implementations live in src/adapters.
 */
export interface Db {
  /**
   * Runs one statement with positional `?` parameters and returns its rows as plain objects
   * (numbers, strings, booleans, null — never Arrow values or BigInt).
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A SQL statement with its positional parameters, as built by src/core/sql. */
export interface Statement {
  sql: string;
  params: unknown[];
}
