import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_COLUMNS } from '../core/catalog/columns.ts';
import { runRows } from '../core/lab/local-rows.ts';
import type { RunReport } from '../core/lab/types.ts';
import { createTableSql } from '../core/sql/ddl.ts';
import { createNodeDb } from './duckdb-node.ts';
import { parquetToArrow } from './parquet-decode.ts';
import { rowsToParquet } from './parquet-export.ts';

const report: RunReport = {
  at: '2026-01-02T03:04:05Z',
  backend: 'wasm',
  backendReason: 'test',
  cancelled: false,
  errors: [],
  timings: [
    {
      modelId: 'lab-cnn-small',
      backend: 'wasm',
      batch: 1,
      firstMs: 10,
      medianMs: 12.345,
      bestMs: 12,
      reps: 5,
    },
    {
      modelId: 'lab-encoder-block',
      backend: 'wasm',
      batch: 16,
      firstMs: 900,
      medianMs: 321.5,
      bestMs: 300,
      reps: 3,
    },
  ],
};

describe('rowsToParquet', () => {
  it('writes measurement rows that read back identical, with the catalog types', async () => {
    const rows = runRows(report, 1);
    const bytes = rowsToParquet(MEASUREMENT_COLUMNS, rows);
    const back = await parquetReadObjects({ file: bytes });
    expect(back).toEqual(rows);
    const schema = parquetMetadata(bytes).schema.slice(1);
    const byName = new Map(schema.map((s) => [s.name, s]));
    expect(byName.get('source_row')).toMatchObject({ type: 'INT32', repetition_type: 'REQUIRED' });
    expect(byName.get('seq_len')).toMatchObject({ type: 'INT32', repetition_type: 'OPTIONAL' });
    expect(byName.get('value')).toMatchObject({ type: 'DOUBLE', repetition_type: 'REQUIRED' });
    expect(byName.get('scenario')).toMatchObject({ type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' });
    expect(schema.map((s) => s.name)).toEqual(MEASUREMENT_COLUMNS.map((c) => c.name));
  });

  it('loads into DuckDB through the snapshot decoder', async () => {
    const rows = runRows(report, 5);
    const arrow = await parquetToArrow(
      'local.parquet',
      rowsToParquet(MEASUREMENT_COLUMNS, rows),
      MEASUREMENT_COLUMNS,
    );
    expect(arrow.numRows).toBe(4);
    const db = await createNodeDb();
    try {
      await db.query(createTableSql('measurements'));
      await db.raw.insertArrow(arrow, 'measurements');
      const back = await db.query('SELECT * FROM measurements ORDER BY source_row');
      expect(back).toEqual(rows);
    } finally {
      db.close();
    }
  });

  it('refuses rows that do not fit the columns', () => {
    const [row] = runRows(report, 1);
    expect(() => rowsToParquet(MEASUREMENT_COLUMNS, [{ ...row!, value: null as unknown as number }])).toThrow(
      'column value, row 1: null in a NOT NULL column',
    );
    expect(() => rowsToParquet(MEASUREMENT_COLUMNS, [{ ...row!, batch_size: 1.5 }])).toThrow(
      'column batch_size, row 1: expected an integer',
    );
  });
});
