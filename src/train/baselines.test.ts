import { describe, expect, it } from 'vitest';
import { NO_KV_ARCH, type ModelRow } from '../core/catalog/schema.ts';
import { observe } from '../core/predict/observation.ts';
import { A100, H100, measurementRow, RESNET50, V100 } from '../core/roofline/fixtures.test-util.ts';
import { runtimeEfficiency, sameModelSameRuntime, sameModelScaled } from './baselines.ts';

const model: ModelRow = {
  ...NO_KV_ARCH,
  ...RESNET50,
  name: 'resnet50',
  aliases: '',
  source: 't',
  notes: null,
};
const rows = [
  measurementRow({ source_row: 1, hardware_id: V100.id, runtime_class: 'pytorch', value: 1000 }),
  measurementRow({ source_row: 2, hardware_id: A100.id, runtime_class: 'pytorch', value: 2000 }),
  measurementRow({ source_row: 3, hardware_id: A100.id, runtime_class: 'tensorrt', value: 4000 }),
  measurementRow({ source_row: 4, hardware_id: H100.id, runtime_class: 'pytorch', value: 5000 }),
];
const { observations: obs } = observe(
  rows,
  new Map([V100, A100, H100].map((h) => [h.id, h])),
  new Map([[model.id, model]]),
);
const [v100, a100pt, a100trt, h100] = obs as [
  (typeof obs)[0],
  (typeof obs)[0],
  (typeof obs)[0],
  (typeof obs)[0],
];

describe('baselines', () => {
  it('same model + runtime: the nearest other device’s efficiency through this device’s bound', () => {
    const b = sameModelSameRuntime([v100, a100pt, a100trt]);
    // H100 under PyTorch: the A100's PyTorch row is nearer than the V100's; the TensorRT row is another runtime.
    expect(b.predict(h100)!.value).toBeCloseTo(h100.bound * a100pt.efficiency, 6);
    expect(sameModelSameRuntime([a100trt]).predict(h100)).toBeNull();
  });

  it('same model, peak-scaled: the nearest other device scaled by the ratio of peaks, any runtime', () => {
    const ref = sameModelScaled([v100, a100pt]).predict(h100)!;
    expect(ref.value).toBeCloseTo(2000 * (h100.estimate.peakTflops / a100pt.estimate.peakTflops), 6);
  });

  it('roofline × runtime efficiency: the runtime class’s median on the device kind', () => {
    const b = runtimeEfficiency([v100, a100pt, a100trt], 2);
    const pt = [v100.efficiency, a100pt.efficiency].map(Math.log).sort((x, y) => x - y)[1]!;
    expect(b.predict(h100)!.value).toBeCloseTo(h100.bound * Math.exp(pt), 6);
  });
});
