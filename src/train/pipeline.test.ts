import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../adapters/snapshot-files.ts';
import type { Observation } from '../core/predict/observation.ts';
import { selectTfBackend } from '../adapters/tfjs-backend-node.ts';
import { buildObservations, rng } from './dataset.ts';
import { DEFAULT_FIT } from './network.ts';
import { pickTransfer, queryOf, trainEngine, type TransferTerm } from './pipeline.ts';

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

  it('calibrates the elasticity loss and the shrink a set of unseen-device rows implies', () => {
    // Rows whose truth keeps half of a faster resource (speed ∝ ratio^0.5) and whose learned difference is noise.
    const random = rng(11);
    const rows: TransferTerm[] = Array.from({ length: 400 }, () => {
      const scaling = 0.2 + random() * 1.2;
      const measured = -1 - random();
      return {
        t: {
          kind: 'transfer',
          measured,
          difference: (random() - 0.5) * 1.5,
          scaling,
          boundKind: 'compute',
          bound: 1,
          keys: ['pytorch'],
        },
        truth: measured - 0.5 * scaling + (random() - 0.5) * 0.05,
      };
    });
    expect(pickTransfer(rows)).toMatchObject({ shrink: 0, elasticity: 0.5 });
    // Perfect roofline scaling and an informative network: the plain setting.
    const plain = rows.map((r) => ({ ...r, truth: r.t.measured + r.t.difference }));
    expect(pickTransfer(plain)).toMatchObject({ shrink: 1, elasticity: 0 });
  });
});
