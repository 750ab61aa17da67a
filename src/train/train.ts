/**
 * npm run train [-- --seed 7 --steps 3000 --out models/efficiency]
 * Trains the efficiency model from the committed snapshot (tfjs, wasm backend) and writes model.json,
 * weights.bin and manifest.json. Deterministic for a given seed and snapshot.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MODELS_DIR, readSnapshot, snapshotId } from '../adapters/snapshot-files.ts';
import { selectTfBackend } from '../adapters/tfjs-backend-node.ts';
import { observationsDigest } from '../core/predict/observation.ts';
import { buildObservations } from './dataset.ts';
import { DEFAULT_FIT } from './network.ts';
import { trainEngine } from './pipeline.ts';

export async function train(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: String(DEFAULT_FIT.seed) },
      steps: { type: 'string', default: String(DEFAULT_FIT.steps) },
      out: { type: 'string', default: join(MODELS_DIR, 'efficiency') },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  const seed = Number(values.seed);
  const steps = Number(values.steps);
  if (!Number.isInteger(seed) || !Number.isInteger(steps) || steps < 1)
    throw new Error('--seed and --steps must be integers');
  const tf = await selectTfBackend(values.backend === 'cpu' ? 'cpu' : 'wasm');
  const t0 = performance.now();
  const snapshot = await readSnapshot();
  const { observations, skipped } = buildObservations(snapshot);
  console.log(
    `${observations.length} observations (${skipped} rows without a computable bound or flagged as outliers)`,
  );
  const trained = await trainEngine(tf, observations, {
    fit: { ...DEFAULT_FIT, seed, steps },
    snapshot: await snapshotId(),
    log: (s) => console.log(s),
  });
  const seconds = (performance.now() - t0) / 1000;
  const { modelJson, weights } = await trained.model.save();
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'model.json'), modelJson + '\n');
  writeFileSync(join(values.out, 'weights.bin'), weights);
  // Each observation's median log-efficiency, so loaders skip re-scoring ~50k references (checked by digest).
  writeFileSync(join(values.out, 'references.bin'), new Uint8Array(trained.trainLogEff.buffer));
  writeFileSync(
    join(values.out, 'manifest.json'),
    JSON.stringify(
      {
        ...trained.manifest,
        referencesDigest: observationsDigest(observations),
        trainingSeconds: Math.round(seconds),
        backend: tf.getBackend(),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote ${values.out} in ${seconds.toFixed(1)} s`);
}
