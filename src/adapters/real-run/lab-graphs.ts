/**
 * The lab models as tfjs layers with random weights: the CNN as a `tf.sequential` (conv → max-pool blocks,
 * global average pool, dense), the encoder block as dense layers (Q, K, V, O, FFN) and layer norms, with
 * multi-head attention in tf ops between them. The shapes are those that lab-models.ts counts.
 */
import type * as TF from '@tensorflow/tfjs';
import type { LabCnnConfig, LabEncoderConfig, LabModel } from '../../core/lab/lab-models.ts';

type Tf = typeof TF;

/** A built lab model: one forward pass, a random input, its parameters, and disposal of its weights. */
export interface LabGraph {
  /** Forward pass; intermediates are freed, the caller owns (and disposes) the output. */
  forward(x: TF.Tensor): TF.Tensor;
  /** A random input for `batch` samples. */
  input(batch: number): TF.Tensor;
  params: number;
  dispose(): void;
}

function cnn(tf: Tf, c: LabCnnConfig): LabGraph {
  const model = tf.sequential();
  c.channels.forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        filters,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        ...(i === 0 ? { inputShape: [c.image, c.image, 3] } : {}),
      }),
    );
    model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  });
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: c.classes, activation: 'softmax' }));
  return {
    forward: (x) => tf.tidy(() => model.predict(x) as TF.Tensor),
    input: (batch) => tf.randomNormal([batch, c.image, c.image, 3]),
    params: model.countParams(),
    dispose: () => model.dispose(),
  };
}

function encoder(tf: Tf, c: LabEncoderConfig): LabGraph {
  const { seq, hidden: d, heads, ffn } = c;
  const dh = d / heads;
  if (!Number.isInteger(dh)) throw new Error(`hidden ${d} is not divisible by ${heads} heads`);
  const dense = (units: number, activation?: 'relu') =>
    tf.layers.dense({ units, ...(activation ? { activation } : {}) });
  const [q, k, v, o] = [dense(d), dense(d), dense(d), dense(d)];
  const up = dense(ffn, 'relu');
  const down = dense(d);
  const norm1 = tf.layers.layerNormalization({ axis: -1 });
  const norm2 = tf.layers.layerNormalization({ axis: -1 });
  // Applying a layer to a symbolic input builds its (random) weights without computing anything.
  const tokens = tf.input({ shape: [seq, d] });
  for (const l of [q, k, v, o, up, norm1, norm2]) l.apply(tokens);
  down.apply(tf.input({ shape: [seq, ffn] }));
  const layers = [q, k, v, o, up, down, norm1, norm2];
  const scale = 1 / Math.sqrt(dh);

  const forward = (x: TF.Tensor): TF.Tensor =>
    tf.tidy(() => {
      const batch = x.shape[0] ?? 1;
      const call = (l: TF.layers.Layer, t: TF.Tensor) => l.apply(t) as TF.Tensor;
      // [B, S, D] → [B, H, S, Dh]
      const split = (t: TF.Tensor) => t.reshape([batch, seq, heads, dh]).transpose([0, 2, 1, 3]);
      const qh = split(call(q, x));
      const kh = split(call(k, x));
      const vh = split(call(v, x));
      const weights = tf.softmax(tf.mul(tf.matMul(qh, kh, false, true), scale));
      const context = tf.matMul(weights, vh).transpose([0, 2, 1, 3]).reshape([batch, seq, d]);
      const x1 = call(norm1, tf.add(x, call(o, context)));
      return call(norm2, tf.add(x1, call(down, call(up, x1))));
    });

  return {
    forward,
    input: (batch) => tf.randomNormal([batch, seq, d]),
    params: layers.reduce((n, l) => n + l.countParams(), 0),
    dispose: () => layers.forEach((l) => l.dispose()),
  };
}

/** Builds a lab model's layers with random weights on the current backend. */
export function buildLabGraph(tf: Tf, m: LabModel): LabGraph {
  return m.config.kind === 'cnn' ? cnn(tf, m.config) : encoder(tf, m.config);
}
