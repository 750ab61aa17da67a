/**
 * "Your own benchmarks", whole files: text formats go to the pure import (core/import), Parquet is decoded
 * here with hyparquet (core never imports it) and handed over as records. A Parquet file that hyparquet
 * cannot read (truncated, corrupt, an unknown codec) is a clear error, never a throw. Node and browser.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { HardwareRow, ModelRow } from '../core/catalog/schema.ts';
import { importCatalog, type ImportCatalog } from '../core/import/catalog.ts';
import { decodeBytes, importError } from '../core/import/decode.ts';
import { importRecords, importText } from '../core/import/import.ts';
import type { ImportOptions, ImportOutcome } from '../core/import/types.ts';
import { messageOf } from './errors.ts';
import { toArrayBuffer } from './bytes.ts';

/** A Parquet cell as the import reads it: BigInt → number, Date → ISO text, UTF-8 bytes → text. */
function plainCell(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (v instanceof Uint8Array) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(v);
    } catch {
      return v;
    }
  }
  return v;
}

/**
 * Column chunks that name no top-level column of the schema, or one twice: damaged metadata. hyparquet
 * would read such chunks without anyone awaiting them, so their errors would escape as unhandled rejections.
 */
function metadataProblem(metadata: ReturnType<typeof parquetMetadata>): string | null {
  const top = parquetSchema(metadata).children.map((c) => c.element.name);
  if (new Set(top).size !== top.length) return 'damaged metadata (a column name repeats)';
  for (const group of metadata.row_groups) {
    const seen = new Set<string>();
    for (const chunk of group.columns) {
      const path = chunk.meta_data?.path_in_schema;
      if (!path?.length || !top.includes(path[0]!))
        return 'damaged metadata (a column chunk names no column)';
      const key = path.join('.');
      if (seen.has(key)) return 'damaged metadata (a column chunk repeats)';
      seen.add(key);
    }
  }
  return null;
}

/** Records as decoded rows become for the import: plain cells (see plainCell). */
export const plainRecords = (rows: readonly Record<string, unknown>[]): Record<string, unknown>[] =>
  rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = plainCell(v);
    return out;
  });

/** Why a Parquet file's footer cannot be trusted, or null (the footer is read, not the data). */
export function parquetProblem(bytes: Uint8Array): string | null {
  try {
    return metadataProblem(parquetMetadata(toArrayBuffer(bytes)));
  } catch (e) {
    return messageOf(e);
  }
}

/** Decodes Parquet bytes into records, or says why it cannot. */
export type ParquetDecoder = (bytes: Uint8Array) => Promise<Record<string, unknown>[] | { error: string }>;

/**
 * Decode a Parquet file into plain records, in this thread. hyparquet 1.31.5 can loop forever on a data
 * page damaged in one way (an RLE run of length 0): run it where it can be stopped (the app's import worker;
 * the CLI uses parquetRecordsNode, a worker thread with a time limit).
 */
export const parquetRecords: ParquetDecoder = async (bytes) => {
  const problem = parquetProblem(bytes);
  if (problem) return { error: problem };
  try {
    return plainRecords(await parquetReadObjects({ file: toArrayBuffer(bytes), compressors }));
  } catch (e) {
    return { error: messageOf(e) };
  }
};

/**
 * Import one file: decode (UTF-8/UTF-16 text or Parquet), detect the format by content, parse, validate.
 * Never throws for a bad file: the outcome is `ok` (good and bad rows), `needs-mapping` or `error`.
 * `decodeParquet` decodes Parquet (default: in this thread).
 */
export async function importFile(
  bytes: Uint8Array,
  file: string,
  catalog: ImportCatalog,
  options: ImportOptions = {},
  decodeParquet: ParquetDecoder = parquetRecords,
): Promise<ImportOutcome> {
  const d = decodeBytes(bytes, file);
  if (d.kind === 'error') return d.error;
  if (d.kind === 'text') return importText(d.text, file, catalog, options);
  const records = await decodeParquet(bytes);
  if ('error' in records)
    return importError(
      file,
      'invalid-parquet',
      `not a readable Parquet file (${records.error}): it may be truncated or corrupt; export it again`,
    );
  return importRecords(records, 'parquet', file, catalog, options);
}

const catalogs = new WeakMap<readonly HardwareRow[], WeakMap<readonly ModelRow[], ImportCatalog>>();

/** The import catalog of a snapshot's hardware and models, built once per pair of arrays. */
export function importCatalogOf(snapshot: {
  hardware: readonly HardwareRow[];
  models: readonly ModelRow[];
}): ImportCatalog {
  let byModels = catalogs.get(snapshot.hardware);
  if (!byModels) catalogs.set(snapshot.hardware, (byModels = new WeakMap()));
  let c = byModels.get(snapshot.models);
  if (!c) byModels.set(snapshot.models, (c = importCatalog(snapshot.hardware, snapshot.models)));
  return c;
}
