/**
 * The import's shapes: what a parser reads from a file (raw rows with provenance), what validation keeps
 * (snapshot-schema rows) and reports (bad rows with row, column and reason), and the options a caller sets.
 */
import type { MeasurementRow } from '../catalog/schema.ts';

/** Fields an imported measurement can state; names are raw (as written), resolved by validation. */
export const IMPORT_FIELDS = [
  'hardware',
  'model',
  'n_devices',
  'mode',
  'scenario',
  'precision',
  'batch_size',
  'seq_len',
  'prompt_tokens',
  'gen_tokens',
  'image_size',
  'metric',
  'value',
  'unit',
  'runtime',
  'date',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What a file was read as (the container), independent of which tool wrote it. */
export type Container = 'csv' | 'tsv' | 'json' | 'jsonl' | 'markdown' | 'parquet';

/** Which tool or schema the rows follow. */
export type ImportFormat =
  /** The snapshot's measurement schema (core/catalog/schema.ts MeasurementRow). */
  | 'measurements'
  /** The CLI's `predict --queries` CSV plus a `measured` column. */
  | 'queries'
  /** Any table, read through a column mapping the caller gave. */
  | 'mapped'
  | 'llama-bench'
  | 'timm'
  | 'vllm-serving'
  | 'trtllm-bench'
  | 'mlperf';

/** One record of a file as read: its 1-based number (see README: CSV data row, JSON index + 1, text line). */
export interface SourceRecord {
  row: number;
  cells: Record<string, unknown>;
}

/** A file's records with the column names in file order (for JSON: the keys seen, in first-seen order). */
export interface Table {
  container: Container;
  columns: string[];
  records: SourceRecord[];
  /** Records the reader could not split into cells (CSV syntax), reported as bad rows. */
  unreadable: BadRow[];
  /** Text around the table the format may use (llama-bench markdown's `build:` line). */
  trailer?: string;
}

/** One measurement a parser found: raw values and the column each came from. */
export interface RawRow {
  row: number;
  values: Partial<Record<ImportField, unknown>>;
  /** Where each value came from, for messages; a field absent here was filled from a default or derived. */
  columns: Partial<Record<ImportField, string>>;
  /** The record as read, for the bad-rows download. */
  record?: Record<string, unknown>;
  /** Flags the parser sets (e.g. `partial-offload`). */
  flags?: string[];
}

/** A row that was not kept (or, in `warnings`, kept with a flag): where and why. */
export interface BadRow {
  /** 1-based record number in the file (0: the file as a whole). */
  row: number;
  /** The column (or JSON key) at fault; `(row)` when the whole record is. */
  column: string;
  reason: string;
  /** The offending value as text, when there is one. */
  value?: string;
  /** The record's cells as read, so the download can be fixed and imported again. */
  record?: Record<string, string>;
}

/** A name that resolved to no catalog entry, with the rows that used it and the closest entries. */
export interface Unresolved {
  name: string;
  rows: number[];
  candidates: string[];
  message: string;
}

/** Maps a file's columns to import fields; `metric:<metric>` reads the column as that metric's value. */
export type ColumnTarget = ImportField | `metric:${string}` | 'ignore';
export type ColumnMapping = Record<string, ColumnTarget>;

/** Values for fields a file does not state (timm's CSV names no device; llama-bench markdown no device). */
export type ImportDefaults = Partial<Record<Exclude<ImportField, 'value'>, string | number>>;

export interface ImportOptions {
  /** Batch name; rows get source_id `yours:<batch>`. Default: the file name without its extension. */
  batch?: string;
  /** Values for fields the file leaves empty or does not state. */
  defaults?: ImportDefaults;
  /** Column mapping for a table whose headers match no known format (see `needs-mapping`). */
  mapping?: ColumnMapping;
  /** Fixes for unresolved names: the name as written → a catalog id or a name that resolves. */
  names?: { hardware?: Record<string, string>; models?: Record<string, string> };
  /** Keep rows faster than the roofline bound, flagged `exceeds-roofline` (default: they are bad rows). */
  allowAboveRoofline?: boolean;
  /** Rows already imported: a row equal to one of them is a duplicate. Never modified. */
  existing?: readonly MeasurementRow[];
  /** Read the file as this format instead of detecting it. */
  format?: ImportFormat;
  /** Told how many rows are checked so far (`done` of `total`), every few thousand rows: a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'truncated-parquet'
  | 'invalid-parquet'
  | 'unreadable'
  | 'unknown-format'
  | 'no-rows'
  | 'bad-mapping'
  /** The import ran past its time limit and was stopped (the app's import worker). */
  | 'timed-out';

export interface ImportError {
  status: 'error';
  file: string;
  code: ImportErrorCode;
  /** One sentence a person can act on. */
  message: string;
}

/** The table's headers match no known format: ask for a column mapping and import again with it. */
export interface NeedsMapping {
  status: 'needs-mapping';
  file: string;
  container: Container;
  columns: string[];
  /** A mapping guessed from the header names (a starting point for the mapping step). */
  suggested: ColumnMapping;
  /** Columns the guess could not place. */
  unknown: string[];
  /** The first few records, for the mapping step's preview. */
  sample: Record<string, string>[];
  message: string;
}

export interface ImportResult {
  status: 'ok';
  file: string;
  batch: string;
  sourceId: string;
  container: Container;
  format: ImportFormat;
  /** Records read from the file. */
  records: number;
  /** Rows kept, in the snapshot's measurement schema. */
  good: MeasurementRow[];
  /** Rows not kept: row, column and reason (a record may have several). */
  bad: BadRow[];
  /** Rows kept with a flag worth a look (no roofline to check against, allowed above the roofline…). */
  warnings: BadRow[];
  unresolved: { hardware: Unresolved[]; models: Unresolved[] };
  /** Fields the file does not state and no default gave (e.g. timm's hardware): set `defaults` for them. */
  needs: ImportField[];
  /** Columns of the file the format does not read. */
  ignoredColumns: string[];
  /** How values were read where the file left room for doubt (one line each). */
  notes: string[];
}

export type ImportOutcome = ImportResult | NeedsMapping | ImportError;

/** The flag every imported row carries; source ids start with `yours:`. */
export const YOURS_FLAG = 'yours';
export const YOURS_PREFIX = 'yours:';
