import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import { observe, queryOf, RATE_METRICS } from '../core/predict/observation.ts';
import { rng } from '../core/random.ts';
import { runCalibration, type CalibrationInput } from './calibrate-run.ts';
import { snapshotObservations } from './engine-build.ts';
import { engineWithImported } from './engine-imported.ts';
import { loadEngineNode, type NodeEngine } from './engine-node.ts';
import { selectTfBackend } from './tfjs-backend-node.ts';
import { TfjsEfficiencyModel } from './tfjs-model.ts';

/**
 * Your rows, simulated: snapshot rows of one RTX 4090 source, as if measured on a card that runs at 60% of
 * what the snapshot says (rates × 0.6, times ÷ 0.6).
 */
function slowerRows(ne: NodeEngine, n: number): MeasurementRow[] {
  const random = rng(9);
  const pool = ne.snapshot.measurements.filter(
    (r) => r.hardware_id === 'nvidia-rtx-4090' && r.source_id === 'timm' && !r.flags.includes('outlier'),
  );
  return pool
    .filter(() => random() < n / pool.length)
    .map((r, i) => ({
      ...r,
      source_id: 'yours:slow-4090',
      source_file: 'slow-4090.csv',
      source_row: i + 1,
      flags: 'yours',
      value: RATE_METRICS.has(r.metric) ? r.value * 0.6 : r.value / 0.6,
    }));
}

describe('runCalibration', () => {
  let ne: NodeEngine;
  let input: Omit<CalibrationInput, 'rows'>;
  beforeAll(async () => {
    const tf = await selectTfBackend('wasm');
    ne = await loadEngineNode(tf);
    input = {
      tf,
      snapshot: ne.snapshot,
      manifest: ne.manifest,
      shipped: ne.model!,
      observations: snapshotObservations(ne.snapshot),
      settings: { steps: 40, replay: 300, learningRate: 1e-3, batchSize: 64 },
      date: () => new Date('2026-01-02T03:04:05Z'),
    };
  }, 120_000);

  it('cross-validates on grouped folds with the app engine, and returns a tuned model only when it is better', async () => {
    const rows = slowerRows(ne, 30);
    const progress: number[] = [];
    const r = await runCalibration({ ...input, rows, onProgress: (p) => progress.push(p.fraction) });
    const { report } = r;
    expect(report.used).toBe(rows.length);
    expect(report.k).toBe(Math.min(5, report.workloads));
    expect(report.folds.map((f) => f.rows).reduce((a, b) => a + b)).toBe(rows.length);
    expect(r.heldOut).toHaveLength(rows.length);
    expect(new Set(r.heldOut.map((h) => h.row))).toEqual(new Set(rows));
    expect(report.batches).toEqual([{ id: 'slow-4090', rows: rows.length }]);
    expect(report.created).toBe('2026-01-02T03:04:05.000Z');
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // The shipped model's held-out answers are the app's engine with the other folds' rows as evidence.
    const fold0 = r.heldOut.filter((h) => h.fold === 0);
    const others = r.heldOut.filter((h) => h.fold !== 0).map((h) => h.row);
    const built = await engineWithImported(
      { snapshot: ne.snapshot, manifest: ne.manifest, model: ne.model, observations: ne.observations },
      others,
    );
    const obs = observe(
      fold0.map((h) => h.row),
      new Map(ne.snapshot.hardware.map((h) => [h.id, h])),
      new Map(ne.snapshot.models.map((m) => [m.id, m])),
    ).observations;
    const direct = await built.engine.predictMany(obs.map(queryOf));
    direct.forEach((p, i) => expect(p.ok && p.value).toBeCloseTo(fold0[i]!.before!, 6));

    // The decision follows the pooled scores; a kept model comes back as files that load.
    const p = report.pooled!;
    expect(report.decision.keep).toBe(p.after.mdape < p.before.mdape);
    expect(r.model !== null).toBe(report.decision.keep);
    if (r.model) {
      const loaded = await TfjsEfficiencyModel.load(input.tf, {
        modelJson: JSON.parse(r.model.modelJson),
        weights: r.model.weights.buffer.slice(0) as ArrayBuffer,
      });
      const x = new Float32Array(FEATURE_COUNT).fill(0.5);
      expect(loaded.predict(x, 1)).not.toEqual(ne.model!.predict(x, 1));
    }
  }, 240_000);

  it('offers nothing without two workloads to cross-validate', async () => {
    const one = slowerRows(ne, 30).slice(0, 1);
    const r = await runCalibration({ ...input, rows: [one[0]!, { ...one[0]!, source_row: 2 }] });
    expect(r.report.k).toBe(1);
    expect(r.report.decision).toMatchObject({ keep: false, reason: 'too-few' });
    expect(r.report.decision.summary).toMatch(/at least two different workloads/);
    expect(r.model).toBeNull();
  }, 120_000);
});
