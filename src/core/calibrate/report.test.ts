import { describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../catalog/schema.ts';
import {
  calibratedVersion,
  calibrationLabel,
  isCalibratedVersion,
  rowsDigest,
  type CalibrationReport,
} from './report.ts';
import { decide, scoreFolds } from './score.ts';
import { ID_PATTERN } from '../share/selection.ts';

const DEFAULT_SETTINGS = {
  steps: 300,
  batchSize: 128,
  learningRate: 3e-4,
  replay: 2000,
  yourShare: 0.5,
  seed: 11,
  maxFolds: 5,
  scoredPerFold: 100,
};

const row = (source_row: number, value: number) =>
  ({ source_id: 'yours:a', source_row, metric: 'throughput', value }) as MeasurementRow;

describe('calibration report', () => {
  it('digests rows order-free, and any change of a value changes it', () => {
    const rows = [row(1, 10), row(2, 20)];
    expect(rowsDigest(rows)).toBe(rowsDigest([...rows].reverse()));
    expect(rowsDigest(rows)).not.toBe(rowsDigest([row(1, 10), row(2, 21)]));
    expect(rowsDigest(rows)).toMatch(/^2:[0-9a-f]{8}$/);
  });

  it('gives a calibrated model its own version, which links record', () => {
    const report = { rowsDigest: '2:0a0b0c0d', settings: DEFAULT_SETTINGS };
    const v = calibratedVersion('s7-n50066', report);
    expect(v).toMatch(/^s7-n50066\+cal\.[0-9a-f]{8}$/);
    expect(ID_PATTERN.test(v)).toBe(true);
    expect(calibratedVersion('s7-n50066', { ...report })).toBe(v);
    expect(calibratedVersion('s7-n50066', { ...report, rowsDigest: '2:0a0b0c0e' })).not.toBe(v);
    expect(isCalibratedVersion(v)).toBe(true);
    expect(isCalibratedVersion('s7-n50066')).toBe(false);
    expect(isCalibratedVersion(null)).toBe(false);
  });

  it('names the model with its cross-validated error, before and after', () => {
    const { folds, pooled } = scoreFolds(
      [
        { fold: 0, truth: 100, before: 145.5, after: 128 },
        { fold: 1, truth: 100, before: 154.5, after: 72 },
      ],
      2,
    );
    const report = { k: 2, folds, pooled, decision: decide(pooled) } as CalibrationReport;
    expect(calibrationLabel(report)).toBe('your calibrated model (2-fold MdAPE 50.0% → 28.0% on 2 rows)');
  });
});
