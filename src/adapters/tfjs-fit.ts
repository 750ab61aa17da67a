/**
 * Fitting the efficiency network on tfjs (Node and browser), one loop for both uses: `npm run train` fits
 * new networks (train/network.ts fitNetwork), calibration fine-tunes a copy of the shipped one on your rows
 * (fineTune). The loss is the pinball loss of the three quantile heads of t = −ln(efficiency); minibatches
 * are drawn with probability ∝ weight from a seeded PRNG, so a seed and data give the same weights.
 */
import type * as TF from '@tensorflow/tfjs';
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import { rng } from '../core/random.ts';

export const QUANTILES = [0.1, 0.5, 0.9] as const;

/** What the step loop needs: how many steps of what size, from which learning rate, with which seed. */
export interface StepOptions {
  steps: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** Told after every `every` steps (and after the last): a progress bar. */
export type OnStep = (done: number, total: number) => void;

/** Pinball (quantile) loss for the three heads, weighted per row. */
function pinball(tf: typeof TF, pred: TF.Tensor2D, target: TF.Tensor2D, weight: TF.Tensor2D): TF.Scalar {
  return tf.tidy(() => {
    const q = tf.tensor2d([QUANTILES as unknown as number[]]);
    const err = tf.sub(target, pred);
    const loss = tf.maximum(tf.mul(q, err), tf.mul(tf.sub(q, 1), err));
    return tf.div(tf.sum(tf.mul(loss, weight)), tf.sum(weight).mul(3)) as TF.Scalar;
  });
}

/** A row of `rows` drawn with probability ∝ w (binary search over the cumulative weights). */
function weightedPicker(w: Float32Array, rows: readonly number[], random: () => number): () => number {
  const cum = new Float64Array(rows.length);
  let acc = 0;
  rows.forEach((r, i) => (cum[i] = acc += w[r]!));
  return () => {
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
}

/**
 * Train `model` in place on `rows` of standardized x (row-major) and targets t: Adam at `learningRate`, cut
 * to a fifth over the last third of the steps for a stable end point.
 */
export async function trainSteps(
  tf: typeof TF,
  model: TF.LayersModel,
  x: Float32Array,
  t: Float32Array,
  w: Float32Array,
  rows: readonly number[],
  o: StepOptions,
  log: (s: string) => void = () => {},
  onStep?: OnStep,
  every = 10,
): Promise<TF.LayersModel> {
  const optimizer = tf.train.adam(o.learningRate);
  const pick = weightedPicker(w, rows, rng(o.seed));
  const bx = new Float32Array(o.batchSize * FEATURE_COUNT);
  const bt = new Float32Array(o.batchSize * 3);
  const ones = tf.ones([o.batchSize, 1]) as TF.Tensor2D;
  for (let step = 0; step < o.steps; step++) {
    for (let b = 0; b < o.batchSize; b++) {
      const r = pick();
      bx.set(x.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT), b * FEATURE_COUNT);
      bt[3 * b] = bt[3 * b + 1] = bt[3 * b + 2] = t[r]!;
    }
    if (step === Math.floor((2 * o.steps) / 3))
      (optimizer as unknown as { learningRate: number }).learningRate = o.learningRate / 5;
    const xs = tf.tensor2d(bx, [o.batchSize, FEATURE_COUNT]);
    const ts = tf.tensor2d(bt, [o.batchSize, 3]);
    const loss = optimizer.minimize(() => pinball(tf, model.apply(xs) as TF.Tensor2D, ts, ones), true);
    if (step % 500 === 0 || step === o.steps - 1)
      log(`step ${step}: loss ${(await loss!.data())[0]!.toFixed(4)}`);
    loss?.dispose();
    xs.dispose();
    ts.dispose();
    if (onStep && ((step + 1) % every === 0 || step === o.steps - 1)) onStep(step + 1, o.steps);
  }
  ones.dispose();
  optimizer.dispose();
  return model;
}

/** A copy of a model with its own weights (training the copy leaves the original as it was). */
export async function cloneNetwork(tf: typeof TF, model: TF.LayersModel): Promise<TF.LayersModel> {
  const copy = await tf.models.modelFromJSON({
    modelTopology: model.toJSON(null, false) as TF.io.ModelJSON['modelTopology'],
  });
  copy.setWeights(model.getWeights());
  return copy;
}

/**
 * Fine-tune a copy of `initial` (the shipped network) on `rows`: the same loss, sampler and schedule as
 * training, from its weights instead of a fresh initialization. `initial` is not changed.
 */
export async function fineTune(
  tf: typeof TF,
  initial: TF.LayersModel,
  x: Float32Array,
  t: Float32Array,
  w: Float32Array,
  rows: readonly number[],
  o: StepOptions,
  onStep?: OnStep,
): Promise<TF.LayersModel> {
  const model = await cloneNetwork(tf, initial);
  return trainSteps(tf, model, x, t, w, rows, o, () => {}, onStep);
}
