/**
 * Loads the held-out evaluation (holdout.parquet, written by `npm run eval`) into a `holdout` table, the same
 * way the snapshot loads: hyparquet → typed Arrow (HOLDOUT_COLUMNS) → DuckDB.
 */
import { HOLDOUT_COLUMNS } from '../core/predict/holdout.ts';
import { HOLDOUT_TABLE, createHoldoutTableSql } from '../core/sql/accuracy.ts';
import { SnapshotLoadError, messageOf } from './errors.ts';
import { parquetToArrow } from './parquet-decode.ts';
import type { RawConnection } from './raw-connection.ts';
import type { ReadBytes } from './snapshot-loader.ts';

export const HOLDOUT_FILE = 'holdout.parquet';

/** The file is not there (this build has no held-out evaluation); distinct from a file that fails to load. */
export class HoldoutMissingError extends Error {
  override name = 'HoldoutMissingError';
}

/**
 * Replaces the `holdout` table with the rows of holdout.parquet and returns how many there are. A missing
 * file rethrows the reader's HoldoutMissingError; any other failure is a SnapshotLoadError naming the file.
 */
export async function loadHoldout(conn: RawConnection, read: ReadBytes): Promise<number> {
  let bytes: ArrayBuffer;
  try {
    bytes = await read(HOLDOUT_FILE);
  } catch (e) {
    if (e instanceof HoldoutMissingError || e instanceof SnapshotLoadError) throw e;
    throw new SnapshotLoadError(HOLDOUT_FILE, messageOf(e), { cause: e });
  }
  const arrow = await parquetToArrow(HOLDOUT_FILE, bytes, HOLDOUT_COLUMNS);
  try {
    await conn.run(`DROP TABLE IF EXISTS ${HOLDOUT_TABLE}`);
    await conn.run(createHoldoutTableSql());
    if (arrow.numRows > 0) await conn.insertArrow(arrow, HOLDOUT_TABLE);
  } catch (e) {
    throw new SnapshotLoadError(HOLDOUT_FILE, `insert into ${HOLDOUT_TABLE} failed (${messageOf(e)})`, {
      cause: e,
    });
  }
  return arrow.numRows;
}
