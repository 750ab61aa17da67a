import { getBrowserDb } from '../adapters/duckdb-browser.ts';
import type { Statement } from '../core/db.ts';

/** Runs a built statement on the page's database (waits for the one shared load). */
export async function run<T>({ sql, params }: Statement): Promise<T[]> {
  const db = await getBrowserDb();
  return db.query<T>(sql, params);
}
