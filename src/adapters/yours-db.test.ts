import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import { distinctValues } from '../core/sql/lookups.ts';
import { countMeasurements, listMeasurements } from '../core/sql/measurements.ts';
import { FIXTURE, fixtureStatements } from '../core/sql/testing/fixture.ts';
import { createNodeDb, type NodeDb } from './duckdb-node.ts';
import { syncYoursRows } from './yours-db.ts';

const mine = (row: number, over: Partial<MeasurementRow> = {}): MeasurementRow => ({
  source_id: 'yours:mine',
  source_file: 'mine.csv',
  source_row: row,
  hardware_id: 'gpu-big',
  n_devices: 1,
  model_id: 'resnet50',
  mode: 'inference',
  scenario: null,
  precision: 'fp16',
  batch_size: 32,
  seq_len: null,
  prompt_tokens: null,
  gen_tokens: null,
  image_size: 224,
  metric: 'throughput',
  value: 1000 + row,
  unit: 'items/s',
  runtime: 'PyTorch 2.4',
  runtime_class: 'pytorch',
  date: '2026-01-02',
  provenance: 'measured',
  flags: 'yours',
  ...over,
});

describe('syncYoursRows', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await createNodeDb();
    for (const sql of fixtureStatements()) await db.query(sql);
  });
  afterAll(() => db.close());

  const n = async (sql: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sql}`))[0]?.n;

  it('fills `yours` and the measurements_all view the Data page lists, and replaces them on the next sync', async () => {
    expect(await n('yours')).toBe(0);
    expect(await n('measurements_all')).toBe(FIXTURE.measurements);

    expect(await syncYoursRows(db.raw, [mine(1), mine(2, { value: 12.5, batch_size: null })])).toBe(2);
    expect(await n('yours')).toBe(2);
    expect(await n('measurements')).toBe(FIXTURE.measurements);
    expect(await n('measurements_all')).toBe(FIXTURE.measurements + 2);
    const [typed] = await db.query(
      'SELECT source_row, batch_size, value, image_size, date FROM yours WHERE source_row = 2',
    );
    expect(typed).toEqual({
      source_row: 2,
      batch_size: null,
      value: 12.5,
      image_size: 224,
      date: '2026-01-02',
    });

    const only = countMeasurements({ sourceId: 'yours:mine' });
    expect((await db.query<{ n: number }>(only.sql, only.params))[0]?.n).toBe(2);
    const list = listMeasurements({ filters: { hardwareId: 'gpu-big', modelSearch: 'resnet' } });
    const listed = await db.query<{ source_id: string; hardware_name: string }>(list.sql, list.params);
    expect(listed.filter((r) => r.source_id === 'yours:mine')).toHaveLength(2);
    expect(listed.find((r) => r.source_id === 'yours:mine')?.hardware_name).toBe('Big GPU');
    const sources = await db.query<{ value: string; n: number }>(distinctValues('source').sql);
    expect(sources).toContainEqual({ value: 'yours:mine', label: 'yours:mine', n: 2 });

    expect(await syncYoursRows(db.raw, [mine(3)])).toBe(1);
    expect(await db.query('SELECT source_row FROM yours')).toEqual([{ source_row: 3 }]);
    expect(await syncYoursRows(db.raw, [])).toBe(0);
    expect(await n('measurements_all')).toBe(FIXTURE.measurements);
  });

  it('types every cell, nulls included, across many rows (the Arrow table is built by hand)', async () => {
    const rows = Array.from({ length: 21 }, (_, i) =>
      mine(i + 1, {
        batch_size: i % 3 === 0 ? null : i,
        scenario: i % 2 ? null : `Offline/ü ${i % 4}`,
        value: i + 0.5,
      }),
    );
    await syncYoursRows(db.raw, rows);
    const back = await db.query<{
      source_row: number;
      batch_size: number | null;
      scenario: string | null;
      value: number;
    }>('SELECT source_row, batch_size, scenario, value FROM yours ORDER BY source_row');
    expect(back).toEqual(
      rows.map((r) => ({
        source_row: r.source_row,
        batch_size: r.batch_size,
        scenario: r.scenario,
        value: r.value,
      })),
    );
  });

  it('keeps what the table held when a row cannot be inserted', async () => {
    await syncYoursRows(db.raw, [mine(1)]);
    const bad = mine(2, { model_id: null as unknown as string });
    await expect(syncYoursRows(db.raw, [mine(5), bad])).rejects.toThrow(/model_id, row 2: null/);
    expect(await db.query('SELECT source_row FROM yours')).toEqual([{ source_row: 1 }]);
  });
});
