/**
 * The efficiency network (tfjs): standardized features → three quantiles (10%, 50%, 90%) of the
 * inefficiency t = −ln(efficiency) ≥ 0, with a softplus output so the roofline bound can never be beaten.
 */
import * as tf from '@tensorflow/tfjs';
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import { rng } from './dataset.ts';

export const QUANTILES = [0.1, 0.5, 0.9] as const;

export interface FitOptions {
  hidden: number[];
  steps: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  l2: number;
}

export const DEFAULT_FIT: FitOptions = {
  hidden: [64, 64],
  steps: 1500,
  batchSize: 512,
  learningRate: 2e-3,
  seed: 7,
  l2: 1e-5,
};

export function buildNetwork(o: FitOptions): tf.LayersModel {
  const model = tf.sequential();
  o.hidden.forEach((units, i) =>
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: o.seed + i }),
        kernelRegularizer: tf.regularizers.l2({ l2: o.l2 }),
        ...(i === 0 ? { inputShape: [FEATURE_COUNT] } : {}),
      }),
    ),
  );
  model.add(
    tf.layers.dense({
      units: 3,
      activation: 'softplus',
      kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 99 }),
    }),
  );
  return model;
}

/** Pinball (quantile) loss for the three heads, weighted per row. */
function pinball(pred: tf.Tensor2D, target: tf.Tensor2D, weight: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const q = tf.tensor2d([QUANTILES as unknown as number[]]);
    const err = tf.sub(target, pred);
    const loss = tf.maximum(tf.mul(q, err), tf.mul(tf.sub(q, 1), err));
    return tf.div(tf.sum(tf.mul(loss, weight)), tf.sum(weight).mul(3)) as tf.Scalar;
  });
}

/**
 * Train on `rows` of standardized x (row-major) and targets t, drawing minibatches with probability ∝ w
 * from a seeded PRNG, so a given seed and data give the same weights.
 */
export async function fitNetwork(
  x: Float32Array,
  t: Float32Array,
  w: Float32Array,
  rows: readonly number[],
  o: FitOptions = DEFAULT_FIT,
  log: (s: string) => void = () => {},
): Promise<tf.LayersModel> {
  const model = buildNetwork(o);
  const optimizer = tf.train.adam(o.learningRate);
  const random = rng(o.seed);
  const cum = new Float64Array(rows.length);
  let acc = 0;
  rows.forEach((r, i) => (cum[i] = acc += w[r]!));
  const pick = () => {
    const u = random() * acc;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return rows[lo]!;
  };
  const bx = new Float32Array(o.batchSize * FEATURE_COUNT);
  const bt = new Float32Array(o.batchSize * 3);
  const ones = tf.ones([o.batchSize, 1]) as tf.Tensor2D;
  for (let step = 0; step < o.steps; step++) {
    for (let b = 0; b < o.batchSize; b++) {
      const r = pick();
      bx.set(x.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT), b * FEATURE_COUNT);
      bt[3 * b] = bt[3 * b + 1] = bt[3 * b + 2] = t[r]!;
    }
    // Decay the learning rate over the last third for a stable end point.
    if (step === Math.floor((2 * o.steps) / 3))
      (optimizer as unknown as { learningRate: number }).learningRate = o.learningRate / 5;
    const xs = tf.tensor2d(bx, [o.batchSize, FEATURE_COUNT]);
    const ts = tf.tensor2d(bt, [o.batchSize, 3]);
    const loss = optimizer.minimize(() => pinball(model.apply(xs) as tf.Tensor2D, ts, ones), true);
    if (step % 500 === 0 || step === o.steps - 1)
      log(`step ${step}: loss ${(await loss!.data())[0]!.toFixed(4)}`);
    loss?.dispose();
    xs.dispose();
    ts.dispose();
  }
  ones.dispose();
  optimizer.dispose();
  return model;
}
