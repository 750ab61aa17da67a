/** A snapshot file could not be fetched, decoded or inserted. The message names the file. */
export class SnapshotLoadError extends Error {
  override name = 'SnapshotLoadError';
  constructor(
    readonly file: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Could not load ${file}: ${reason}`, options);
  }
}

/** DuckDB-WASM itself (worker or module) failed to start. */
export class DuckDbStartError extends Error {
  override name = 'DuckDbStartError';
  constructor(reason: string, options?: ErrorOptions) {
    super(`DuckDB failed to start: ${reason}`, options);
  }
}

/** A query failed; the message carries DuckDB's message and the SQL text. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly sql: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`${reason}\nSQL: ${sql}`, options);
  }
}

/** User SQL that the read-only or scratch policy refuses to run. */
export class SqlRefusedError extends Error {
  override name = 'SqlRefusedError';
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
