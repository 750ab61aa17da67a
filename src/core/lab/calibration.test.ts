import { describe, expect, it } from 'vitest';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { LLAMA2_7B } from '../roofline/fixtures.test-util.ts';
import type { Workload } from '../roofline/workload.ts';
import { calibratedLatency, labEfficiencies, opClass } from './calibration.ts';
import { SAMPLE_PROFILE } from './fixtures.test-util.ts';
import { labModel, labModelRow } from './lab-models.ts';
import { browserDevices } from './profile.ts';
import type { RunTiming } from './types.ts';

const devices = browserDevices(SAMPLE_PROFILE);
const wasm = devices.find((d) => d.id === 'this-browser-wasm')!;
const cnn = labModelRow(labModel('lab-cnn-small')!);
const cnnAt = (batch: number): Workload => ({
  model: cnn,
  mode: 'inference',
  batch,
  precision: 'fp32',
  nDevices: 1,
  imageSize: 96,
});
const bound = (w: Workload) => {
  const est = rooflineEstimate(w, wasm);
  if (!est.ok) throw new Error(est.reason);
  return est.metrics.latency_ms!;
};
const timing = (modelId: string, batch: number, medianMs: number): RunTiming => ({
  modelId,
  backend: 'wasm',
  batch,
  firstMs: medianMs,
  medianMs,
  bestMs: medianMs,
  reps: 5,
});

describe('calibration on the lab run', () => {
  it('classifies op mixes; generative LLMs are not calibrated', () => {
    expect(opClass(cnn)).toBe('conv');
    expect(opClass(labModelRow(labModel('lab-encoder-block')!))).toBe('transformer');
    expect(opClass(LLAMA2_7B)).toBeNull();
  });

  it('measures each timing against the bound on the measured peaks', () => {
    const effs = labEfficiencies([timing('lab-cnn-small', 4, bound(cnnAt(4)) * 2)], devices);
    expect(effs).toHaveLength(1);
    expect(effs[0]).toMatchObject({ deviceId: 'this-browser-wasm', opClass: 'conv', batch: 4 });
    expect(effs[0]!.eff).toBeCloseTo(0.5, 10);
  });

  it('predicts bound ÷ the geometric mean efficiency of the same class on the same device', () => {
    const effs = labEfficiencies(
      [
        timing('lab-cnn-small', 1, bound(cnnAt(1)) / 0.25),
        timing('lab-cnn-small', 4, bound(cnnAt(4)) / 1.0),
        timing('lab-encoder-block', 1, 1000),
      ],
      devices,
    );
    const c = calibratedLatency(cnnAt(16), wasm, effs, Math.log(2))!;
    expect(c.eff).toBeCloseTo(0.5, 10);
    expect(c.n).toBe(2);
    expect(c.value).toBeCloseTo(bound(cnnAt(16)) / 0.5, 8);
    expect(c.high).toBeCloseTo(c.value * 2, 8);
    expect(c.low).toBeGreaterThanOrEqual(c.boundMs);
    // Leave-one-out keeps only the other batch; another device or an LLM gets nothing.
    expect(calibratedLatency(cnnAt(16), wasm, effs, 0.69, (e) => e.batch !== 1)!.eff).toBeCloseTo(1, 10);
    expect(calibratedLatency(cnnAt(16), devices[0]!, effs, 0.69)).toBeNull();
    expect(calibratedLatency({ ...cnnAt(1), model: LLAMA2_7B }, wasm, effs, 0.69)).toBeNull();
  });
});
