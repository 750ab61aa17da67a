import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_RUN as report } from '../core/lab/fixtures.test-util.ts';
import type { HardwareRow } from '../core/catalog/schema.ts';
import { LOCAL_SOURCE, runRows } from '../core/lab/local-rows.ts';
import { distinctValues } from '../core/sql/lookups.ts';
import { countMeasurements } from '../core/sql/measurements.ts';
import { fixtureStatements } from '../core/sql/testing/fixture.ts';
import { createNodeDb, type NodeDb } from './duckdb-node.ts';
import { appendLocal, clearLocal, loadLocal, nextLocalRow, syncLocalRows } from './local-store.ts';

// Node has no IndexedDB: every call must fail with a message a page can show, never hang or lose data.
// The stored path is exercised in Chromium (see the lab harness).
describe('local-store without IndexedDB', () => {
  it('rejects with a clear message', async () => {
    expect(typeof indexedDB).toBe('undefined');
    await expect(loadLocal()).rejects.toThrow(
      'Local measurements could not be read: IndexedDB is not available in this browser',
    );
    await expect(nextLocalRow()).rejects.toThrow('could not be read');
    await expect(appendLocal([], [])).rejects.toThrow('could not be saved');
    await expect(clearLocal()).rejects.toThrow('could not be cleared');
  });
});

function device(id: string, name: string): HardwareRow {
  return {
    id,
    name,
    aliases: '',
    vendor: 'browser',
    kind: 'browser',
    segment: 'browser',
    architecture: null,
    release_date: null,
    memory_gb: null,
    mem_bw_gbs: null,
    fp32_tflops: null,
    tf32_tflops: null,
    fp16_tflops: null,
    fp16_acc32_tflops: null,
    bf16_tflops: null,
    fp8_tflops: null,
    fp4_tflops: null,
    int8_tops: null,
    int4_tops: null,
    tdp_w: null,
    interconnect: null,
    interconnect_gbs: null,
    price_usd: null,
    cloud_usd_hr: null,
    cores: 2,
    spec_sources: 'local',
    notes: null,
  };
}

describe('syncLocalRows', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await createNodeDb();
    for (const sql of fixtureStatements()) await db.query(sql);
  });
  afterAll(() => db.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${sql})`, params))[0]?.n;

  it('inserts, replaces and clears local rows next to the snapshot', async () => {
    const before = await count('SELECT * FROM measurements');
    const first = await syncLocalRows(db, {
      rows: runRows(report, 1),
      hardware: [device('this-browser-wasm', 'Old name'), device('gpu-big', 'Not the snapshot one')],
    });
    expect(first).toEqual({
      count: 4,
      hardwareIds: ['this-browser-wasm'],
      modelIds: ['lab-cnn-small', 'lab-encoder-block'],
    });
    expect(await count('SELECT * FROM measurements')).toBe((before ?? 0) + 4);
    const [typed] = await db.query<Record<string, unknown>>(
      `SELECT m.batch_size, m.value, m.seq_len, h.name AS hw, mo.name AS model FROM measurements m
       LEFT JOIN hardware h ON h.id = m.hardware_id LEFT JOIN models mo ON mo.id = m.model_id
       WHERE m.source_id = 'local' AND m.source_row = 3`,
    );
    expect(typed).toEqual({
      batch_size: 16,
      value: 400,
      seq_len: 128,
      hw: 'Old name',
      model: 'Lab transformer encoder block (128 tokens, d=256)',
    });
    expect((await db.query("SELECT name FROM hardware WHERE id = 'gpu-big'"))[0]).toEqual({
      name: 'Big GPU',
    });
    expect(await db.query("SELECT row_count FROM sources WHERE id = 'local'")).toEqual([{ row_count: 4 }]);
    const { sql, params } = countMeasurements({ sourceId: 'local' });
    expect((await db.query<{ n: number }>(sql, params))[0]?.n).toBe(4);
    const sources = await db.query<{ value: string; n: number }>(distinctValues('source').sql);
    expect(sources).toContainEqual({ value: 'local', label: LOCAL_SOURCE.title, n: 4 });

    // A second run: rows replaced (not doubled), device renamed (last write wins), models not duplicated.
    const more = [...runRows(report, 1), ...runRows({ ...report, backend: 'cpu' }, 5)];
    const second = await syncLocalRows(
      db,
      { rows: more, hardware: [device('this-browser-wasm', 'New name')] },
      first,
    );
    expect(second.count).toBe(8);
    expect(await count("SELECT * FROM measurements WHERE source_id = 'local'")).toBe(8);
    expect(await db.query("SELECT name FROM hardware WHERE id = 'this-browser-wasm'")).toEqual([
      { name: 'New name' },
    ]);
    expect(await count("SELECT * FROM models WHERE family = 'lab'")).toBe(2);
    expect(await count("SELECT * FROM sources WHERE id = 'local'")).toBe(1);

    // Cleared: the database is the snapshot again.
    const cleared = await syncLocalRows(db, { rows: [], hardware: [] }, second);
    expect(cleared).toEqual({ count: 0, hardwareIds: [], modelIds: [] });
    expect(await count('SELECT * FROM measurements')).toBe(before);
    expect(await count("SELECT * FROM hardware WHERE id = 'this-browser-wasm'")).toBe(0);
    expect(await count("SELECT * FROM models WHERE family = 'lab'")).toBe(0);
    expect(await count("SELECT * FROM sources WHERE id = 'local'")).toBe(0);
  });

  it('touches nothing when nothing is stored and nothing was added', async () => {
    const tables = async () => db.query('SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY 1');
    const snapshot = await tables();
    expect(await syncLocalRows(db, { rows: [], hardware: [] }, null)).toEqual({
      count: 0,
      hardwareIds: [],
      modelIds: [],
    });
    expect(await tables()).toEqual(snapshot);
  });

  it('rolls back when an insert fails', async () => {
    const first = await syncLocalRows(db, { rows: runRows(report, 1), hardware: [] });
    const bad = { ...runRows(report, 1)[0]!, model_id: null as unknown as string };
    await expect(syncLocalRows(db, { rows: [bad], hardware: [] }, first)).rejects.toThrow();
    expect(await count("SELECT * FROM measurements WHERE source_id = 'local'")).toBe(4);
    expect(await db.query("SELECT row_count FROM sources WHERE id = 'local'")).toEqual([{ row_count: 4 }]);
  });
});
