/** tfjs in Node: the wasm backend (tfjs-node does not install here), set before any tensor exists. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export async function selectTfBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<typeof tf> {
  await tf.setBackend(name);
  await tf.ready();
  return tf;
}
