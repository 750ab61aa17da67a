import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CalibrationReport } from '../core/calibrate/report.ts';
import { decide, scoreFolds } from '../core/calibrate/score.ts';
import { renderCalibration } from './calibrate.ts';
import { testDeps } from './test-deps.test-util.ts';
import { evalWithCommand } from './with-import.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../core/import/fixtures/${f}`, import.meta.url));

function report(): CalibrationReport {
  const { folds, pooled } = scoreFolds(
    [
      { fold: 0, truth: 100, before: 150, after: 120 },
      { fold: 1, truth: 100, before: 70, after: 90 },
    ],
    2,
  );
  return {
    created: '2026-01-02T03:04:05.000Z',
    shippedVersion: 's7-n50066',
    snapshot: 'abc',
    rows: 3,
    used: 2,
    skipped: [{ reason: 'memory rows are not efficiency observations', rows: 1 }],
    batches: [{ id: 'mine', rows: 3 }],
    rowsDigest: '3:00000000',
    k: 2,
    workloads: 2,
    folds,
    pooled,
    decision: decide(pooled),
    settings: {
      steps: 150,
      batchSize: 128,
      learningRate: 3e-4,
      replay: 2000,
      yourShare: 0.5,
      seed: 11,
      maxFolds: 5,
      scoredPerFold: 100,
    },
    timings: { totalMs: 12_345, crossValidationMs: 10_000, finalMs: 2_000 },
  };
}

describe('eval --with --calibrate', () => {
  it('prints the cross-validation per fold and pooled, what was not used, and the decision', () => {
    expect(renderCalibration(report())).toBe(
      [
        'calibration on 3 of your rows (2 with a roofline efficiency, 2 workloads), from model s7-n50066:',
        '',
        '2-fold cross-validation (shipped → calibrated):',
        'fold         rows  scored     MdAPE               ±25%',
        '  1             1       1     50.0% → 20.0%       0.0% → 100.0%',
        '  2             1       1     30.0% → 10.0%       0.0% → 100.0%',
        '  all           2       2     40.0% → 15.0%       0.0% → 100.0%',
        'not used: 1 rows, memory rows are not efficiency observations',
        '',
        "Kept: the calibrated model's cross-validated median error is lower, 40.0% → 15.0% (−25.0 points, −62.5%) on 2 held-out rows.",
        '(150 steps per tune, learning rate 0.0003, 2000 replayed snapshot rows; 12.3 s)',
      ].join('\n'),
    );
  });

  it('says so when no learned model is loaded, and lists the option in its help', async () => {
    const deps = testDeps();
    await evalWithCommand(['--with', fixture('queries-measured.csv'), '--calibrate'], deps);
    expect(deps.out.at(-1)).toBe('\ncalibration needs the learned model (models/efficiency): not run');
    const help = testDeps();
    await evalWithCommand(['--with', 'x', '--help'], help);
    expect(help.out[0]).toMatch(/\[--calibrate\]/);
  }, 120_000);
});
