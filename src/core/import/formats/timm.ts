/**
 * timm's `benchmark.py --results-file` CSV: one record per model with `infer_samples_per_sec`,
 * `infer_step_time` (ms per batch), `infer_batch_size`, `infer_img_size` (or the `train_` columns). It names
 * no device and no precision: the device comes from the import's defaults; the precision from the defaults,
 * else fp32 (benchmark.py's default without --amp / --precision).
 */
import type { BadRow, RawRow, Table } from '../types.ts';
import { columnFinder, recordBad, rowBuilder, type Parsed } from './columns.ts';

export function isTimmTable(t: Table): boolean {
  const c = columnFinder(t.columns);
  return c.has('model') && (c.has('infer_samples_per_sec') || c.has('train_samples_per_sec'));
}

/** benchmark.py's precision when the file and the defaults say nothing. */
export const TIMM_DEFAULT_PRECISION = 'fp32';

export function timmRows(t: Table): Parsed {
  const c = columnFinder(t.columns);
  const p = c.has('infer_samples_per_sec') ? 'infer' : 'train';
  const rows: RawRow[] = [];
  const bad: BadRow[] = [];
  const modelCol = c.find('model')!;
  for (const rec of t.records) {
    const name = String(rec.cells[modelCol] ?? '').trim();
    const base = rowBuilder(rec);
    base.take('model', modelCol);
    base.set('mode', p === 'infer' ? 'inference' : 'training');
    base.take('batch_size', c.find(`${p}_batch_size`));
    base.take('image_size', c.find(`${p}_img_size`));
    base.set('runtime', 'PyTorch (timm benchmark.py)');
    if (name.startsWith('test_')) {
      bad.push(recordBad(rec, modelCol, 'toy test_* model (not a real architecture)', name));
      continue;
    }
    const sps = c.find(`${p}_samples_per_sec`);
    const step = c.find(`${p}_step_time`);
    if (sps !== undefined)
      rows.push({
        ...base.row,
        values: { ...base.row.values, metric: 'throughput', value: rec.cells[sps], unit: 'samples/s' },
        columns: { ...base.row.columns, value: sps },
      });
    if (step !== undefined && String(rec.cells[step] ?? '').trim() !== '')
      rows.push({
        ...base.row,
        values: { ...base.row.values, metric: 'latency_ms', value: rec.cells[step], unit: 'ms' },
        columns: { ...base.row.columns, value: step },
      });
  }
  const read = ['model', 'samples_per_sec', 'step_time', 'batch_size', 'img_size'].map((n) =>
    n === 'model' ? modelCol : c.find(`${p}_${n}`),
  );
  return { rows, bad, read: read.filter((x): x is string => x !== undefined) };
}
