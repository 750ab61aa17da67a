import { describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../catalog/schema.ts';
import {
  batchIdFor,
  batchIdOf,
  batchNameProblem,
  batchOf,
  evenSample,
  exportFileName,
  firstDifference,
  visibleRows,
  type YoursBatch,
} from './batches.ts';
import type { ImportResult } from './types.ts';

const row = (source_id: string, value = 1, source_row = 1): MeasurementRow =>
  ({ source_id, source_file: 'f.csv', source_row, value, metric: 'throughput' }) as MeasurementRow;

const batch = (id: string, hidden = false): YoursBatch => ({
  id,
  name: id,
  file: `${id}.csv`,
  format: 'timm',
  container: 'csv',
  created: '2026-01-01T00:00:00.000Z',
  hidden,
  rows: 1,
});

describe('batches', () => {
  it('gives each file a slug id, numbered when taken', () => {
    expect(batchIdFor('llama-bench.csv', [])).toBe('llama-bench');
    expect(batchIdFor('C:\\runs\\My Run (RTX 4090).CSV', [])).toBe('my-run-rtx-4090');
    expect(batchIdFor('llama-bench.csv', ['llama-bench', 'llama-bench-2'])).toBe('llama-bench-3');
    expect(batchIdFor('Ünïcödé.json', [])).toBe('unicode');
    expect(batchIdFor('日本.csv', [])).toBe('import');
    expect(batchIdFor('.csv', ['import'])).toBe('import-2');
    expect(batchIdFor(`${'a'.repeat(39)}-b.csv`, [])).toBe('a'.repeat(39));
  });

  it('checks names', () => {
    expect(batchNameProblem('  ok  ')).toBeNull();
    expect(batchNameProblem('  ')).toBe('a batch needs a name');
    expect(batchNameProblem('x'.repeat(65))).toMatch(/at most 64 characters \(this one has 65\)/);
    expect(batchNameProblem('a\tb')).toMatch(/control characters/);
  });

  it('makes a batch of an import', () => {
    const result = { file: 'timm-benchmark.csv', format: 'timm', container: 'csv', good: [1, 2] };
    expect(batchOf(result as unknown as ImportResult, 'timm', new Date(Date.UTC(2026, 0, 2)))).toEqual({
      id: 'timm',
      name: 'timm-benchmark',
      file: 'timm-benchmark.csv',
      format: 'timm',
      container: 'csv',
      created: '2026-01-02T00:00:00.000Z',
      hidden: false,
      rows: 2,
    });
  });

  it('keeps the rows of visible batches only', () => {
    const rows = [row('yours:a'), row('yours:b'), row('timm'), row('yours:c')];
    expect(batchIdOf(rows[0]!)).toBe('a');
    expect(batchIdOf(rows[2]!)).toBeNull();
    expect(visibleRows([batch('a'), batch('b', true)], rows)).toEqual([rows[0]]);
  });

  it('names exports', () => {
    expect(exportFileName(null, 'csv')).toBe('rooflight-yours.csv');
    expect(exportFileName(batch('timm'), 'parquet')).toBe('rooflight-yours-timm.parquet');
  });

  it('compares rows with provenance aside', () => {
    const a = [row('yours:a', 1, 1), row('yours:a', 2, 2)];
    expect(firstDifference(a, [row('yours:b', 1, 7), row('yours:b', 2, 9)])).toBeNull();
    expect(firstDifference(a, [row('yours:a', 1, 1), row('yours:a', 3, 2)])).toBe('row 2, value: 2 ≠ 3');
    expect(firstDifference(a, a.slice(1))).toBe('2 rows ≠ 1 rows');
  });

  it('samples evenly', () => {
    expect(evenSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(evenSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
  });
});
