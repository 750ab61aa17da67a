import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEASUREMENT_COLUMNS } from '../core/catalog/columns.ts';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import type { ImportCatalog } from '../core/import/catalog.ts';
import { firstDifference, measurementsCsv } from '../core/import/batches.ts';
import type { ImportOptions, ImportOutcome, ImportResult } from '../core/import/types.ts';
import { importCatalogOf, importFile } from './import-file.ts';
import { rowsToParquet } from './parquet-export.ts';
import { readSnapshot, REPO_ROOT } from './snapshot-files.ts';

const FIXTURES = join(REPO_ROOT, 'src/core/import/fixtures');
const ok = (r: ImportOutcome): ImportResult => {
  if (r.status !== 'ok') throw new Error(`${r.status}: ${r.message}`);
  return r;
};

let catalog: ImportCatalog;
let rows: MeasurementRow[];

beforeAll(async () => {
  catalog = importCatalogOf(await readSnapshot());
  const files: [string, ImportOptions][] = [
    ['llama-bench.csv', {}],
    ['timm-benchmark.csv', { defaults: { hardware: 'nvidia-rtx-4090', precision: 'amp' } }],
    ['vllm-serving.json', { defaults: { hardware: 'H100 SXM', precision: 'bf16' } }],
    [
      'llama-bench.md',
      { defaults: { hardware: 'RTX 4090' }, names: { models: { 'llama 8B': 'llama-3.1-8b' } } },
    ],
  ];
  rows = [];
  for (const [f, options] of files) {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, f)));
    rows.push(...ok(await importFile(bytes, f, catalog, { ...options, existing: rows })).good);
  }
}, 60_000);

describe('your rows exported and imported again', () => {
  it('come back identical from the CSV export (provenance aside: the new file and batch)', async () => {
    expect(rows.length).toBeGreaterThan(15);
    const csv = new TextEncoder().encode(measurementsCsv(rows));
    const again = ok(await importFile(csv, 'rooflight-yours.csv', catalog));
    expect(again.format).toBe('measurements');
    expect(again.bad).toEqual([]);
    expect(firstDifference(rows, again.good)).toBeNull();
    expect(again.good.every((r) => r.source_id === 'yours:rooflight-yours')).toBe(true);
  });

  it('come back identical from the Parquet export', async () => {
    const parquet = new Uint8Array(rowsToParquet(MEASUREMENT_COLUMNS, rows));
    const again = ok(await importFile(parquet, 'rooflight-yours.parquet', catalog));
    expect(again.container).toBe('parquet');
    expect(firstDifference(rows, again.good)).toBeNull();
  });

  it('are duplicates of the stored rows when imported beside them', async () => {
    const csv = new TextEncoder().encode(measurementsCsv(rows));
    const again = ok(await importFile(csv, 'again.csv', catalog, { existing: rows }));
    expect(again.good).toEqual([]);
    expect(again.bad).toHaveLength(rows.length);
    expect(again.bad[0]?.reason).toMatch(/duplicate of a row already imported/);
  });
});
