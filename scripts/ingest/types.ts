/** The contract between the ingest's per-source parsers and its orchestrator (scripts/ingest/main.ts). */
import type { Metric, Mode, SourceRow } from '../../src/core/catalog/schema.ts';

/**
 * One measured number as a source states it. Names are raw (as written in the source); the orchestrator
 * resolves them to hardware and model ids, normalizes precision and unit, and drops what it cannot resolve.
 */
export interface RawMeasurement {
  /** Path under the raw root, e.g. `timm/benchmark-infer-amp-nchw-pt240-cu124-rtx3090.csv`. */
  source_file: string;
  /** 1-based record number in source_file: CSV data row (header not counted), JSON element index + 1, text line. */
  source_row: number;
  /** Device name as written (one device; the count goes in n_devices). */
  hardware: string;
  n_devices: number;
  /** Model name as written. */
  model: string;
  mode: Mode;
  scenario?: string | null;
  /** Precision as written (normalized centrally by normalizePrecision). */
  precision: string;
  batch_size?: number | null;
  seq_len?: number | null;
  prompt_tokens?: number | null;
  gen_tokens?: number | null;
  image_size?: number | null;
  metric: Metric;
  value: number;
  /** Unit as written, e.g. `ms`, `s`, `img/s`, `samples/s`, `tok/s`, `MiB`, `GB`. */
  unit: string;
  runtime?: string | null;
  date?: string | null;
}

/** A record the parser read but could not turn into a measurement, with the reason. */
export interface Drop {
  source_file: string;
  source_row: number;
  reason: string;
}

export interface ParseResult {
  /** Records read from the source files (kept + dropped). */
  read: number;
  rows: RawMeasurement[];
  drops: Drop[];
  /** Corrections applied for known source errors (SOURCE.md), one line each. */
  notes: string[];
}

/** A measurement source: metadata for sources.parquet plus a parser over the raw folder. */
export interface MeasurementSource {
  meta: Omit<SourceRow, 'row_count' | 'kind'>;
  /** rawRoot is the folder holding the per-source folders (shared/data/raw). Throws only if the folder is missing. */
  parse(rawRoot: string): ParseResult;
}

/** What the hardware and model catalog builders return. */
export interface CatalogBuild<T> {
  rows: T[];
  /** The spec/config sources used, for sources.parquet (kind `hardware` or `models`; row_count = rows citing it). */
  sources: SourceRow[];
  /** Corrections, conflicts resolved, derivations: one line each, printed in the ingest report. */
  notes: string[];
}
