import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEASUREMENT_COLUMNS } from '../core/catalog/columns.ts';
import type { ImportCatalog } from '../core/import/catalog.ts';
import type { ImportOutcome, ImportResult } from '../core/import/types.ts';
import { importCatalogOf, importFile } from './import-file.ts';
import { parquetRecordsNode } from './parquet-records-node.ts';
import { rowsToParquet } from './parquet-export.ts';
import type { SnapshotRows } from './parquet-rows.ts';
import { readSnapshot, REPO_ROOT, SNAPSHOT_DIR } from './snapshot-files.ts';

const FIXTURES = join(REPO_ROOT, 'src/core/import/fixtures');
let snapshot: SnapshotRows;
let catalog: ImportCatalog;

beforeAll(async () => {
  snapshot = await readSnapshot();
  catalog = importCatalogOf(snapshot);
}, 60_000);

const ok = (r: ImportOutcome): ImportResult => {
  if (r.status !== 'ok') throw new Error(`${r.status}: ${r.message}`);
  return r;
};
const fixture = (f: string) => new Uint8Array(readFileSync(join(FIXTURES, f)));

describe('importFile against the committed snapshot', () => {
  it('reads every fixture format with the catalog the CLI uses', async () => {
    const expected: Record<string, [number, number]> = {
      'llama-bench.csv': [4, 0],
      'llama-bench.json': [2, 0],
      'llama-bench.md': [3, 1],
      'measurements.csv': [3, 0],
      'mlperf-summary_results.json': [3, 1],
      'queries-measured.csv': [3, 0],
      'timm-benchmark.csv': [8, 0],
      'trtllm-bench.json': [1, 0],
      'vllm-serving.json': [4, 0],
    };
    const files = readdirSync(FIXTURES).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    for (const f of files) {
      const r = ok(
        await importFile(fixture(f), f, catalog, {
          defaults: { hardware: 'H100 SXM', precision: f.startsWith('timm') ? 'amp' : 'bf16' },
          names: { models: { 'llama 8B': 'llama-3.1-8b' } },
        }),
      );
      expect([r.good.length, r.bad.length], `${f}: ${JSON.stringify(r.bad)}`).toEqual(expected[f]);
    }
  });

  it('builds the import catalog once per snapshot', () => {
    expect(importCatalogOf(snapshot)).toBe(catalog);
  });
});

describe('Parquet', () => {
  let rows: ImportResult['good'];
  let parquet: Uint8Array;
  beforeAll(async () => {
    rows = ok(await importFile(fixture('measurements.csv'), 'measurements.csv', catalog)).good;
    parquet = new Uint8Array(rowsToParquet(MEASUREMENT_COLUMNS, rows));
  });

  it('reads the measurement schema as the Data page exports it', async () => {
    const r = ok(await importFile(parquet, 'mine.parquet', catalog));
    expect(r.container).toBe('parquet');
    expect(r.format).toBe('measurements');
    expect(r.good.map((g) => ({ ...g, source_file: 'x' }))).toEqual(
      rows.map((g) => ({ ...g, source_id: 'yours:mine', source_file: 'x' })),
    );
  });

  it('says a truncated or corrupt Parquet file cannot be read, and why', async () => {
    const cut = await importFile(parquet.subarray(0, parquet.length >> 1), 'cut.parquet', catalog);
    expect(cut).toMatchObject({
      status: 'error',
      code: 'truncated-parquet',
      message: expect.stringMatching(/^cut.parquet: a truncated Parquet file/),
    });
    const corrupt = parquet.slice();
    corrupt.fill(7, 4, corrupt.length - 4);
    const bad = await importFile(corrupt, 'bad.parquet', catalog);
    expect(bad).toMatchObject({
      status: 'error',
      code: 'invalid-parquet',
      message: expect.stringMatching(/not a readable Parquet file/),
    });
  });

  it('asks for a mapping for a Parquet file in another schema', async () => {
    const hw = new Uint8Array(readFileSync(join(SNAPSHOT_DIR, 'hardware.parquet')));
    const r = await importFile(hw, 'hardware.parquet', catalog);
    expect(r).toMatchObject({ status: 'needs-mapping', container: 'parquet' });
  });

  it('stops a decode that does not end (a damaged data page) in Node, and reads good files the same way', async () => {
    const decode = parquetRecordsNode(1500);
    const good = ok(await importFile(parquet, 'mine.parquet', catalog, {}, decode));
    expect(good.good).toHaveLength(rows.length);
    // A zero in the runtime column's page: hyparquet 1.31.5 reads an RLE run of length 0 and loops forever.
    const damaged = parquet.slice();
    damaged[796] = 0;
    const r = await importFile(damaged, 'damaged.parquet', catalog, {}, decode);
    expect(r).toMatchObject({
      status: 'error',
      code: 'invalid-parquet',
      message: expect.stringMatching(/took over 1.5 s/),
    });
  }, 60_000);

  it('never throws nor hangs on truncated or damaged Parquet (fuzz, through the Node decoder)', async () => {
    const decode = parquetRecordsNode(1500);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.boolean(),
        async (cut, flips, keepFooter) => {
          let b = parquet.slice();
          for (const [at, v] of flips) b[at % b.length] = v;
          if (cut % 3 === 0) b = b.subarray(0, cut % b.length);
          if (keepFooter && b.length > 8) b.set([0x50, 0x41, 0x52, 0x31], b.length - 4);
          const r = await importFile(b, 'f.parquet', catalog, {}, decode);
          expect(['ok', 'needs-mapping', 'error']).toContain(r.status);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  }, 120_000);
});
