import type { Columns } from '../core/catalog/columns.ts';
import { SNAPSHOT_TABLES } from '../core/catalog/columns.ts';
import { SNAPSHOT_TABLE_NAMES, createTableSql } from '../core/sql/ddl.ts';
import { SnapshotLoadError, messageOf } from './errors.ts';
import { parquetToArrow } from './parquet-decode.ts';
import type { RawConnection } from './raw-connection.ts';

/** Progress of a load: a human stage and the overall fraction done, 0..1. */
export type Progress = (stage: string, fraction: number) => void;

/** Reads one snapshot file's bytes (fetch in the browser, readFile in Node). Throws naming the file. */
export type ReadBytes = (file: string) => Promise<ArrayBuffer>;

/**
 * Creates the four snapshot tables and fills them from their Parquet files. Returns rows per table.
 * Any failure is a SnapshotLoadError naming the file.
 */
export async function loadSnapshot(
  conn: RawConnection,
  read: ReadBytes,
  progress: Progress = () => {},
  [from, to]: [number, number] = [0, 1],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const step = (to - from) / SNAPSHOT_TABLE_NAMES.length;
  for (const [i, table] of SNAPSHOT_TABLE_NAMES.entries()) {
    const { file, columns } = SNAPSHOT_TABLES[table];
    const at = from + step * i;
    progress(`Downloading ${file}`, at);
    let bytes: ArrayBuffer;
    try {
      bytes = await read(file);
    } catch (e) {
      throw e instanceof SnapshotLoadError ? e : new SnapshotLoadError(file, messageOf(e), { cause: e });
    }
    progress(`Decoding ${file}`, at + step / 3);
    const arrow = await parquetToArrow(file, bytes, columns as Columns<unknown>);
    progress(`Loading ${table} into DuckDB`, at + (2 * step) / 3);
    try {
      await conn.run(`DROP TABLE IF EXISTS ${table}`);
      await conn.run(createTableSql(table));
      if (arrow.numRows > 0) await conn.insertArrow(arrow, table);
    } catch (e) {
      throw new SnapshotLoadError(file, `insert into ${table} failed (${messageOf(e)})`, { cause: e });
    }
    counts[table] = arrow.numRows;
  }
  progress('Snapshot loaded', to);
  return counts;
}
