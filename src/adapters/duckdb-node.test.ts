import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb, type NodeDb } from './duckdb-node.ts';
import { testMeasurementsSql } from '../core/sql/testing/measurements-suite.ts';
import { testLookupsSql } from '../core/sql/testing/lookups-suite.ts';
import { fixtureStatements } from '../core/sql/testing/fixture.ts';
import { runUserSql } from './user-sql.ts';
import { QueryError, SqlRefusedError } from './errors.ts';

let db: NodeDb;
beforeAll(async () => {
  db = await createNodeDb();
});
afterAll(() => db.close());

testMeasurementsSql(() => db);
testLookupsSql(() => db);

describe('Node Db adapter', () => {
  it('returns plain objects: BigInt, decimals and lists become JS values', async () => {
    const [row] = await db.query(
      'SELECT 42::BIGINT AS b, 1.25::DECIMAL(5,2) AS d, [1, 2] AS l, NULL AS n, ? AS p',
      ['x'],
    );
    expect(row).toEqual({ b: 42, d: 1.25, l: [1, 2], n: null, p: 'x' });
  });

  it('converts HUGEINT and dates to numbers', async () => {
    const [row] = await db.query('SELECT sum(i) AS h, (SELECT 2::HUGEINT) AS h2 FROM range(4) t(i)');
    expect(row).toEqual({ h: 6, h2: 2 });
  });

  it('wraps failures in QueryError naming the SQL', async () => {
    await expect(db.query('SELECT * FROM nope')).rejects.toThrow(QueryError);
    await expect(db.query('SELECT * FROM nope')).rejects.toThrow(/SQL: SELECT \* FROM nope/);
  });
});

describe('runUserSql', () => {
  const count = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::INT AS n FROM measurements'))[0]?.n;
  beforeAll(async () => {
    for (const sql of fixtureStatements()) await db.query(sql);
  });

  it('runs read-only statements and returns the last result', async () => {
    const r = await runUserSql(db.raw, 'SELECT 1 AS a; SELECT count(*) AS n FROM measurements', false);
    expect(r).toMatchObject({ columns: ['n'], rows: [{ n: 10 }], statements: 2, rolledBack: false });
  });

  it('refuses writes in read-only mode, leaving data intact', async () => {
    await expect(runUserSql(db.raw, 'DELETE FROM measurements', false)).rejects.toThrow(SqlRefusedError);
    await expect(runUserSql(db.raw, 'DELETE FROM measurements', false)).rejects.toThrow(/read-only/);
    expect(await count()).toBe(10);
  });

  it('runs writes in scratch mode and rolls them back', async () => {
    const r = await runUserSql(
      db.raw,
      'DELETE FROM measurements; SELECT count(*) AS n FROM measurements',
      true,
    );
    expect(r).toMatchObject({ rows: [{ n: 0 }], rolledBack: true });
    await runUserSql(db.raw, 'DROP TABLE measurements', true);
    expect(await count()).toBe(10);
  });

  it('rolls back after a failing statement and names it', async () => {
    const run = runUserSql(db.raw, 'DELETE FROM measurements; SELECT nope FROM measurements', true);
    await expect(run).rejects.toThrow(/SQL: SELECT nope FROM measurements/);
    expect(await count()).toBe(10);
    expect((await runUserSql(db.raw, 'SELECT 1 AS one', false)).rows).toEqual([{ one: 1 }]);
  });

  it('refuses transaction control in scratch mode', async () => {
    await expect(runUserSql(db.raw, 'DELETE FROM measurements; COMMIT', true)).rejects.toThrow(/COMMIT/);
    expect(await count()).toBe(10);
  });
});
