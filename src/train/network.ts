/**
 * The efficiency network (tfjs): standardized features → three quantiles (10%, 50%, 90%) of the
 * inefficiency t = −ln(efficiency) ≥ 0, with a softplus output so the roofline bound can never be beaten.
 */
import * as tf from '@tensorflow/tfjs';
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import { trainSteps } from '../adapters/tfjs-fit.ts';

export { QUANTILES } from '../adapters/tfjs-fit.ts';

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

/**
 * Train a new network on `rows` of standardized x (row-major) and targets t, drawing minibatches with
 * probability ∝ w from a seeded PRNG, so a given seed and data give the same weights (the loop is
 * adapters/tfjs-fit.ts, shared with calibration's fine-tuning).
 */
export async function fitNetwork(
  x: Float32Array,
  t: Float32Array,
  w: Float32Array,
  rows: readonly number[],
  o: FitOptions = DEFAULT_FIT,
  log: (s: string) => void = () => {},
): Promise<tf.LayersModel> {
  return trainSteps(tf, buildNetwork(o), x, t, w, rows, o, log);
}
