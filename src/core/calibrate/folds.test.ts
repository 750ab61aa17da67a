import { describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../catalog/schema.ts';
import { assignFolds, MAX_FOLDS, workloadKey } from './folds.ts';

const row = (batch: number, metric: MeasurementRow['metric'] = 'throughput', value = 1): MeasurementRow =>
  ({
    source_id: 'yours:a',
    source_file: 'a.csv',
    source_row: 1,
    hardware_id: 'nvidia-rtx-4090',
    n_devices: 1,
    model_id: 'resnet50',
    mode: 'inference',
    scenario: null,
    precision: 'fp16',
    batch_size: batch,
    seq_len: null,
    prompt_tokens: null,
    gen_tokens: null,
    image_size: 224,
    metric,
    value,
    unit: 'items/s',
    runtime: 'PyTorch 2.5',
    runtime_class: 'pytorch',
    date: null,
    provenance: 'measured',
    flags: 'yours',
  }) as MeasurementRow;

describe('assignFolds', () => {
  it('uses k = min(5, workloads) folds', () => {
    expect(assignFolds([]).k).toBe(0);
    expect(assignFolds([row(1)]).k).toBe(1);
    expect(assignFolds([row(1), row(2), row(4)]).k).toBe(3);
    expect(assignFolds(Array.from({ length: 40 }, (_, i) => row(i + 1))).k).toBe(MAX_FOLDS);
    expect(assignFolds([row(1), row(2), row(4)], 2).k).toBe(2);
  });

  it('keeps the rows of one workload (repeats, or several metrics of one run) in one fold', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => row(i + 1)),
      row(3, 'throughput', 2),
      row(3, 'latency_ms', 5),
      row(7, 'latency_ms', 9),
    ];
    const { fold, workloads } = assignFolds(rows);
    expect(workloads).toBe(12);
    expect(fold[12]).toBe(fold[2]);
    expect(fold[13]).toBe(fold[2]);
    expect(fold[14]).toBe(fold[6]);
    expect(workloadKey(rows[13]!)).toBe(workloadKey(rows[2]!));
  });

  it('depends on the rows, not their order', () => {
    const rows = Array.from({ length: 23 }, (_, i) => row(i + 1, i % 2 ? 'latency_ms' : 'throughput'));
    const a = assignFolds(rows);
    const reversed = [...rows].reverse();
    const b = assignFolds(reversed);
    rows.forEach((r, i) => expect(b.fold[reversed.indexOf(r)]).toBe(a.fold[i]));
  });

  it('balances folds by rows and uses every fold', () => {
    const { fold, k } = assignFolds(Array.from({ length: 100 }, (_, i) => row(i + 1)));
    const sizes = Array.from({ length: k }, (_, f) => fold.filter((x) => x === f).length);
    expect(sizes).toEqual([20, 20, 20, 20, 20]);
    const uneven = assignFolds([...Array.from({ length: 6 }, () => row(1)), row(2), row(3), row(4), row(5)]);
    const big = uneven.fold[0]!;
    expect(uneven.fold.slice(0, 6).every((f) => f === big)).toBe(true);
    expect(uneven.fold.slice(6)).not.toContain(big);
  });
});
