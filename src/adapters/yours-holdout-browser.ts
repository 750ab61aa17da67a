/**
 * Browser: your rows as the shipped engine predicts them (core/import/batch-accuracy.ts), in the page's
 * DuckDB as the table `holdout_yours` with the held-out evaluation's schema, so the Accuracy page's views
 * (scatter, error tables, filters, row detail, exports) read them as they read the public rows.
 */
import type { HoldoutRow } from '../core/predict/holdout.ts';
import { HOLDOUT_COLUMNS } from '../core/predict/holdout.ts';
import { createHoldoutTableSql, YOURS_HOLDOUT_TABLE } from '../core/sql/accuracy.ts';
import { getBrowserDb } from './duckdb-browser.ts';
import { runChecked } from './raw-connection.ts';
import { columnsToArrow } from './yours-db.ts';

/** Replaces `holdout_yours` with `rows`, in one transaction; returns its row count. */
export async function loadYoursHoldout(rows: readonly HoldoutRow[]): Promise<number> {
  const { raw: conn } = await getBrowserDb();
  const arrow = rows.length ? columnsToArrow(HOLDOUT_COLUMNS, rows) : null;
  await runChecked(conn, 'BEGIN TRANSACTION');
  try {
    await runChecked(conn, `DROP TABLE IF EXISTS ${YOURS_HOLDOUT_TABLE}`);
    await runChecked(conn, createHoldoutTableSql(YOURS_HOLDOUT_TABLE));
    if (arrow) await conn.insertArrow(arrow, YOURS_HOLDOUT_TABLE);
    await runChecked(conn, 'COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return rows.length;
}
