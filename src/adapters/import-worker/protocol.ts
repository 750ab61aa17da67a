/** Messages between the page and the import worker. Errors cross as plain {name, message}. */
import type { HardwareRow, ModelRow } from '../../core/catalog/schema.ts';
import type { ImportOptions, ImportOutcome } from '../../core/import/types.ts';

/** Options as they cross to the worker (no callbacks; the worker reads your stored rows itself). */
export type WireOptions = Omit<ImportOptions, 'onProgress' | 'existing'>;

/** Page → worker: one file to import against the catalog. */
export interface ImportRequest {
  type: 'import';
  bytes: Uint8Array;
  file: string;
  hardware: readonly HardwareRow[];
  models: readonly ModelRow[];
  options: WireOptions;
}

/**
 * What the worker is doing: reading your stored rows (duplicates of them are bad rows), reading the file,
 * decoding Parquet, or checking rows (`done` of `total`).
 */
export type ImportStage = 'stored' | 'reading' | 'decoding-parquet' | 'checking';

export interface ImportProgress {
  stage: ImportStage;
  done: number;
  total: number;
}

/** An error as it crosses the worker boundary. */
export interface WireError {
  name: string;
  message: string;
}

/** Worker → page. */
export type ImportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; error: WireError };

/** Any thrown value as a WireError. */
export function toWireError(err: unknown): WireError {
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}
