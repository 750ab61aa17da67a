import type { Statement } from '../core/db.ts';

/** Runs a built statement on the page's database (waits for the one shared load). */
export async function run<T>({ sql, params }: Statement): Promise<T[]> {
  const { getBrowserDb } = await import('../adapters/duckdb-browser.ts');
  const db = await getBrowserDb();
  return db.query<T>(sql, params);
}
