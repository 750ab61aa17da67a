import { describe, expect, it } from 'vitest';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { LAB_MODELS, labCost, labModel, labModelRow } from './lab-models.ts';
import { browserDevices } from './profile.ts';
import { SAMPLE_PROFILE } from './fixtures.test-util.ts';

describe('lab models', () => {
  it('counts the CNN by hand: three 3×3 convs on 96 px and a 128→10 head', () => {
    const cost = labCost(labModel('lab-cnn-small')!);
    // conv1 2·96²·9·3·32 + conv2 2·48²·9·32·64 + conv3 2·24²·9·64·128 + head 2·128·10
    expect(cost.flopsPerSample).toBe(15_925_248 + 84_934_656 + 84_934_656 + 2_560);
    expect(cost.params).toBe(896 + 18_496 + 73_856 + 1_290);
  });

  it('counts the encoder block by hand: 4 d² projections, two FFN layers, attention over 128 tokens', () => {
    const cost = labCost(labModel('lab-encoder-block')!);
    expect(cost.params).toBe(4 * (256 * 256 + 256) + (256 * 1024 + 1024) + (1024 * 256 + 256) + 4 * 256);
    expect(cost.flopsPerSample).toBe(128 * (2 * (4 * 256 * 256 + 2 * 256 * 1024) + 4 * 128 * 256));
  });

  it('gives the engine a computable workload on a This-browser device', () => {
    const [gpu] = browserDevices(SAMPLE_PROFILE);
    for (const m of LAB_MODELS) {
      const row = labModelRow(m);
      const est = rooflineEstimate(
        {
          model: row,
          mode: 'inference',
          batch: 4,
          precision: 'fp32',
          nDevices: 1,
          seqLen: 128,
          imageSize: 96,
        },
        gpu!,
      );
      expect(est.ok, m.id).toBe(true);
      if (est.ok) expect(est.metrics.latency_ms).toBeGreaterThan(0);
    }
  });
});
