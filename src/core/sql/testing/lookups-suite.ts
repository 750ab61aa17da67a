import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db.ts';
import { countRows, distinctValues, listSources, type FilterOption } from '../lookups.ts';
import { FIXTURE, fixtureStatements } from './fixture.ts';

/** Runs the lookup SQL (dropdown values, sources, counts) against any Db. */
export function testLookupsSql(db: () => Db): void {
  describe('lookup SQL', () => {
    beforeAll(async () => {
      for (const sql of fixtureStatements()) await db().query(sql);
    });

    it('lists distinct hardware with names and counts', async () => {
      const { sql, params } = distinctValues('hardware');
      const rows = await db().query<FilterOption>(sql, params);
      expect(rows.map((r) => r.label)).toEqual(['Big GPU', 'CPU X', 'Small GPU']);
      expect(rows.reduce((s, r) => s + r.n, 0)).toBe(FIXTURE.measurements);
    });

    it('lists metrics, precisions and sources', async () => {
      const values = async (f: Parameters<typeof distinctValues>[0]) => {
        const { sql, params } = distinctValues(f);
        return (await db().query<FilterOption>(sql, params)).map((r) => r.value);
      };
      expect(await values('metric')).toEqual(['decode_tokens_s', 'throughput', 'ttft_ms']);
      expect(await values('precision')).toEqual(['fp16', 'fp32', 'int8']);
      expect(await values('source')).toEqual(['src-a', 'src-b']);
    });

    it('lists every source with its columns, and counts rows', async () => {
      const { sql } = listSources();
      const rows = await db().query<Record<string, unknown>>(sql);
      expect(rows).toHaveLength(FIXTURE.sources);
      expect(rows[1]).toEqual({
        id: 'src-b',
        title: 'Source "B"',
        repository: 'https://example.org/b',
        paths: 'b.csv|c.csv',
        commit: null,
        license: 'Apache-2.0',
        row_count: 5,
        kind: 'measurements',
      });
      const [n] = await db().query<{ n: number }>(countRows('measurements').sql);
      expect(n?.n).toBe(FIXTURE.measurements);
    });
  });
}
