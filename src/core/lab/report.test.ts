import { describe, expect, it } from 'vitest';
import type { Prediction } from '../predict/types.ts';
import { SAMPLE_PROFILE } from './fixtures.test-util.ts';
import { browserDevices, deviceBackend } from './profile.ts';
import { compareRun, medianAbsError, runQuery } from './report.ts';
import type { RunReport } from './types.ts';

const run: RunReport = {
  at: '2026-11-28T00:00:00.000Z',
  backend: 'wasm',
  backendReason: 'test',
  cancelled: false,
  errors: [],
  timings: [
    { modelId: 'lab-cnn-small', backend: 'wasm', batch: 1, firstMs: 20, medianMs: 10, bestMs: 9, reps: 5 },
    {
      modelId: 'lab-encoder-block',
      backend: 'wasm',
      batch: 4,
      firstMs: 50,
      medianMs: 100,
      bestMs: 90,
      reps: 5,
    },
    {
      modelId: 'lab-cnn-small',
      backend: 'wasm',
      batch: 16,
      firstMs: 200,
      medianMs: 200,
      bestMs: 190,
      reps: 5,
    },
  ],
};
const pred = (value: number, bound: number): Prediction => ({
  ok: true,
  metric: 'latency_ms',
  value,
  low: value / 2,
  high: value * 2,
  unit: 'ms',
  layer: 'learned',
  bound: 'compute',
  boundValue: bound,
  explanation: '',
});

describe('run comparison', () => {
  it('asks the engine for the device the backend ran on, with the lab workload', () => {
    const q = runQuery(run.timings[1]!, browserDevices(SAMPLE_PROFILE))!;
    expect(q.hw.id).toBe('this-browser-wasm');
    expect(q.workload).toMatchObject({ batch: 4, precision: 'fp32', seqLen: 128 });
    expect(q.runtime).toBe('tfjs-wasm');
    expect(deviceBackend('webgl')).toBe('webgpu');
    expect(runQuery({ ...run.timings[0]!, modelId: 'nope' }, browserDevices(SAMPLE_PROFILE))).toBeNull();
  });

  it('reports signed errors, interval hits and the median absolute error', () => {
    const rows = compareRun(run, [pred(15, 8), pred(80, 50), null]);
    expect(rows.map((r) => r.errorPct)).toEqual([50, -20, null]);
    expect(rows.map((r) => r.inInterval)).toEqual([true, true, null]);
    expect(rows.map((r) => r.boundErrorPct)).toEqual([-20, -50, null]);
    expect(rows[2]!.problem).toContain('no measured profile');
    expect(medianAbsError(rows)).toBe(35);
    expect(medianAbsError(rows, 'boundErrorPct')).toBe(35);
    expect(medianAbsError([])).toBeNull();
  });
});
