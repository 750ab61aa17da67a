import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../adapters/snapshot-files.ts';
import type { Observation } from '../core/predict/observation.ts';
import { selectTfBackend } from '../adapters/tfjs-backend-node.ts';
import { buildObservations, rng } from './dataset.ts';
import { DEFAULT_FIT } from './network.ts';
import { queryOf, trainEngine } from './pipeline.ts';

describe('training', () => {
  let tf: Awaited<ReturnType<typeof selectTfBackend>>;
  let sample: Observation[];
  beforeAll(async () => {
    tf = await selectTfBackend('wasm');
    const { observations } = buildObservations(await readSnapshot());
    const random = rng(3);
    sample = observations.filter(() => random() < 0.04);
  }, 60_000);

  it('is deterministic for a seed, and the seed matters', async () => {
    const fit = { ...DEFAULT_FIT, steps: 25, batchSize: 128 };
    const a = await trainEngine(tf, sample, { fit });
    const b = await trainEngine(tf, sample, { fit });
    const c = await trainEngine(tf, sample, { fit: { ...fit, seed: fit.seed + 1 } });
    const queries = sample.slice(0, 50).map(queryOf);
    const [pa, pb, pc] = await Promise.all([a, b, c].map((t) => t.engine.predictMany(queries)));
    expect(pb).toEqual(pa);
    expect(pc).not.toEqual(pa);
    expect(a.manifest.conformal).toEqual(b.manifest.conformal);
    expect(a.manifest.featureNames.length).toBe(a.manifest.mean.length);
  }, 120_000);
});
