/** Snapshot Parquet → plain typed rows with hyparquet (Node and browser), for code that needs no SQL. */
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Columns } from '../core/catalog/columns.ts';
import { SNAPSHOT_TABLES, type SnapshotTable } from '../core/catalog/columns.ts';
import type { HardwareRow, MeasurementRow, ModelRow, SourceRow } from '../core/catalog/schema.ts';

export interface SnapshotRows {
  hardware: HardwareRow[];
  models: ModelRow[];
  measurements: MeasurementRow[];
  sources: SourceRow[];
}

/** Decode one Parquet file into rows with exactly `columns` (BigInt → number, undefined → null). */
export async function parquetRows<T>(bytes: ArrayBuffer, columns: Columns<T>): Promise<T[]> {
  const rows = await parquetReadObjects({ file: bytes, compressors, columns: columns.map((c) => c.name) });
  return rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const v = r[c.name];
      out[c.name] = typeof v === 'bigint' ? Number(v) : (v ?? null);
    }
    return out as T;
  });
}

/** Load all four tables through `read(file)` (fetch in the browser, readFile in Node). */
export async function loadSnapshotRows(read: (file: string) => Promise<ArrayBuffer>): Promise<SnapshotRows> {
  const load = async <K extends SnapshotTable>(table: K) => {
    const spec = SNAPSHOT_TABLES[table];
    return parquetRows(await read(spec.file), spec.columns as Columns<unknown>);
  };
  const [hardware, models, measurements, sources] = await Promise.all([
    load('hardware'),
    load('models'),
    load('measurements'),
    load('sources'),
  ]);
  return {
    hardware: hardware as HardwareRow[],
    models: models as ModelRow[],
    measurements: measurements as MeasurementRow[],
    sources: sources as SourceRow[],
  };
}
