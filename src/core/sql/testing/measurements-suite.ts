import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db.ts';
import { countMeasurements, listMeasurements, orderBy, type MeasurementFilters } from '../measurements.ts';
import { FIXTURE, fixtureStatements } from './fixture.ts';

interface Row {
  source_id: string;
  source_row: number;
  hardware_id: string;
  model_id: string;
  value: number;
  batch_size: number | null;
  hardware_name: string | null;
  model_name: string | null;
}

/** Runs the measurement SQL of src/core/sql against any Db (Node or browser DuckDB). */
export function testMeasurementsSql(db: () => Db): void {
  const count = async (filters: MeasurementFilters) => {
    const { sql, params } = countMeasurements(filters);
    const [row] = await db().query<{ n: number }>(sql, params);
    return row?.n;
  };
  const list = async (...args: Parameters<typeof listMeasurements>) => {
    const { sql, params } = listMeasurements(...args);
    return db().query<Row>(sql, params);
  };

  describe('measurements SQL', () => {
    beforeAll(async () => {
      for (const sql of fixtureStatements()) await db().query(sql);
    });

    it('counts everything without filters', async () => {
      expect(await count({})).toBe(FIXTURE.measurements);
      expect(await count({ hardwareId: '', modelSearch: '  ' })).toBe(FIXTURE.measurements);
    });

    it('combines equality filters', async () => {
      expect(await count({ hardwareId: 'cpu-x' })).toBe(FIXTURE.count((m) => m.hw === 'cpu-x'));
      expect(await count({ hardwareId: 'cpu-x', precision: 'int8' })).toBe(
        FIXTURE.count((m) => m.hw === 'cpu-x' && m.precision === 'int8'),
      );
      expect(await count({ sourceId: 'src-a', metric: 'ttft_ms' })).toBe(1);
      expect(await count({ hardwareId: "x' OR 1=1 --" })).toBe(0);
    });

    it('searches model id and name case-insensitively, with LIKE wildcards escaped', async () => {
      expect(await count({ modelSearch: 'LLAMA' })).toBe(FIXTURE.count((m) => m.model.startsWith('llama')));
      expect(await count({ modelSearch: '70B' })).toBe(1);
      expect(await count({ modelSearch: '100%_' })).toBe(FIXTURE.count((m) => m.model === 'resnet50'));
      expect(await count({ modelSearch: '%' })).toBe(FIXTURE.count((m) => m.model === 'resnet50'));
      expect(await count({ modelSearch: '_' })).toBe(FIXTURE.count((m) => m.model === 'resnet50'));
    });

    it('joins display names and pages with limit/offset', async () => {
      const all = await list({ filters: {} });
      expect(all).toHaveLength(FIXTURE.measurements);
      expect(all[0]).toMatchObject({ source_id: 'src-a', source_row: 1, hardware_name: 'Big GPU' });
      const page2 = await list({ filters: {}, limit: 3, offset: 3 });
      expect(page2.map((r) => r.source_row)).toEqual(all.slice(3, 6).map((r) => r.source_row));
      expect(await list({ filters: {}, limit: 5, offset: 100 })).toEqual([]);
    });

    it('sorts by whitelisted columns, nulls last, stable ties', async () => {
      const desc = await list({ filters: {}, sort: { column: 'value', direction: 'desc' } });
      expect(desc.map((r) => r.value)).toEqual([...desc.map((r) => r.value)].sort((a, b) => b - a));
      const byBatch = await list({ filters: {}, sort: { column: 'batch_size', direction: 'asc' } });
      expect(byBatch.at(-1)?.batch_size).toBeNull();
      const byName = await list({ filters: {}, sort: { column: 'model_name', direction: 'asc' } });
      expect(byName[0]?.model_name).toBe('Llama 70B');
    });

    it('refuses sort columns outside the whitelist and bad paging', () => {
      expect(() => orderBy({ column: 'value; DROP TABLE measurements', direction: 'asc' })).toThrow(
        /unknown sort column/,
      );
      expect(() => listMeasurements({ filters: {}, limit: -1 })).toThrow(/non-negative/);
    });
  });
}
