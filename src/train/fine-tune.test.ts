import type * as TF from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fineTune } from '../adapters/tfjs-fit.ts';
import { selectTfBackend } from '../adapters/tfjs-backend-node.ts';
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import { rng } from '../core/random.ts';
import { DEFAULT_FIT, fitNetwork } from './network.ts';

/**
 * A synthetic case: t depends on two features; a network fit on it is then fine-tuned on the same rows
 * with targets shifted by +0.5 where feature 0 > 0 (a device that runs slower than the data said) and
 * unchanged elsewhere (what replay rows are to calibration).
 */
describe('fine-tuning', () => {
  let tf: Awaited<ReturnType<typeof selectTfBackend>>;
  const n = 600;
  const x = new Float32Array(n * FEATURE_COUNT);
  const t = new Float32Array(n);
  const shifted = new Float32Array(n);
  const all = Array.from({ length: n }, (_, i) => i);
  beforeAll(async () => {
    tf = await selectTfBackend('wasm');
    const random = rng(1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < FEATURE_COUNT; j++) x[i * FEATURE_COUNT + j] = random() * 2 - 1;
      t[i] = 1 + 0.5 * x[i * FEATURE_COUNT]! - 0.3 * x[i * FEATURE_COUNT + 1]!;
      shifted[i] = t[i]! + (x[i * FEATURE_COUNT]! > 0 ? 0.5 : 0);
    }
  }, 60_000);

  const median = (q: Float32Array, rows: number[]) => {
    const m = rows.map((i) => q[3 * i + 1]!).sort((a, b) => a - b);
    return m[m.length >> 1]!;
  };
  const predict = (model: TF.LayersModel) =>
    tf.tidy(
      () => (model.predict(tf.tensor2d(x, [n, FEATURE_COUNT])) as TF.Tensor).dataSync() as Float32Array,
    );

  it('moves predictions toward shifted targets, leaves the original model as it was, and is deterministic', async () => {
    const w = new Float32Array(n).fill(1);
    const base = await fitNetwork(x, t, w, all, { ...DEFAULT_FIT, steps: 300, batchSize: 64, seed: 3 });
    const before = predict(base);
    const region = all.filter((i) => x[i * FEATURE_COUNT]! > 0);
    const outside = all.filter((i) => x[i * FEATURE_COUNT]! <= 0);
    const tuneT = Float32Array.from(all, (i) => shifted[i]!);
    const opts = { steps: 150, batchSize: 64, learningRate: 1e-3, seed: 5 };
    const tuned = await fineTune(tf, base, x, tuneT, w, all, opts);
    const after = predict(tuned);
    expect(Array.from(predict(base))).toEqual(Array.from(before));
    const moveIn = median(after, region) - median(before, region);
    const moveOut = median(after, outside) - median(before, outside);
    // The network predicts quantiles of t: its median head follows the +0.5 shift, and only there.
    expect(moveIn).toBeGreaterThan(0.4);
    expect(Math.abs(moveOut)).toBeLessThan(0.1);
    const again = await fineTune(tf, base, x, tuneT, w, all, opts);
    expect(Array.from(predict(again))).toEqual(Array.from(after));
    for (const m of [base, tuned, again]) m.dispose();
  }, 120_000);
});
