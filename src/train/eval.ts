/**
 * npm run eval [-- --splits random,hardware,family,source --folds 8 --steps N] [--invariants-only]
 * Trains the pipeline once per fold (never on the fold's rows) and scores the engine and five baselines on
 * the same held-out rows. Writes models/metrics.json and models/REPORT.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEngineNode } from '../adapters/engine-node.ts';
import { rowsToParquet } from '../adapters/parquet-export.ts';
import { MODELS_DIR, SNAPSHOT_DIR, readSnapshot, snapshotId } from '../adapters/snapshot-files.ts';
import { HOLDOUT_COLUMNS, type HoldoutRow } from '../core/predict/holdout.ts';
import { countViolations } from '../core/predict/invariants.ts';
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import { featureInputOf, type Observation } from '../core/predict/observation.ts';
import { selectTfBackend } from '../adapters/tfjs-backend-node.ts';
import {
  type BaselinePrediction,
  constantEfficiency,
  nearestNeighbours,
  runtimeEfficiency,
  sameModelSameRuntime,
  sameModelScaled,
} from './baselines.ts';
import { buildObservations } from './dataset.ts';
import { makeFolds, type SplitName } from './folds.ts';
import { DEFAULT_FIT } from './network.ts';
import { queryOf, trainEngine } from './pipeline.ts';
import { summarize, type EvalRecord } from './summary.ts';
import { renderReport } from './report.ts';

const SPLITS: SplitName[] = ['random', 'hardware', 'family', 'source'];

export async function evaluate(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      splits: { type: 'string', default: SPLITS.join(',') },
      folds: { type: 'string', default: '8' },
      steps: { type: 'string', default: String(DEFAULT_FIT.steps) },
      seed: { type: 'string', default: String(DEFAULT_FIT.seed) },
      out: { type: 'string', default: MODELS_DIR },
      'invariants-only': { type: 'boolean', default: false },
    },
  });
  if (values['invariants-only']) {
    // Add the physics check of the shipped engine to an existing metrics.json, and re-render the report.
    const file = join(values.out, 'metrics.json');
    const metrics = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof renderReport>[0];
    metrics.invariants = await invariantCounts();
    writeFileSync(file, JSON.stringify(metrics, null, 2) + '\n');
    writeFileSync(join(values.out, 'REPORT.md'), renderReport(metrics));
    return;
  }
  const splits = values.splits.split(',').map((s) => s.trim()) as SplitName[];
  for (const s of splits)
    if (!SPLITS.includes(s)) throw new Error(`unknown split "${s}" (valid: ${SPLITS.join(', ')})`);
  const k = Number(values.folds);
  const fit = { ...DEFAULT_FIT, steps: Number(values.steps), seed: Number(values.seed) };
  const tf = await selectTfBackend('wasm');
  const t0 = performance.now();
  const snapshot = await readSnapshot();
  const { observations: obs } = buildObservations(snapshot);
  const records: EvalRecord[] = [];
  const holdout: HoldoutRow[] = [];
  const foldInfo: Record<string, { name: string; test: number }[]> = {};

  for (const split of splits) {
    const folds = makeFolds(split, obs, split === 'random' ? 5 : k, fit.seed);
    foldInfo[split] = folds.map((f) => ({ name: f.name, test: f.test.length }));
    for (const [fi, fold] of folds.entries()) {
      const inTest = new Set(fold.test);
      const train = obs.filter((_, i) => !inTest.has(i));
      const test = fold.test.map((i) => obs[i]!);
      const trained = await trainEngine(tf, train, { fit });
      const preds = await trained.engine.predictMany(test.map(queryOf));
      const b1 = constantEfficiency(train);
      const trainX = trained.engine.features(train.map(featureInputOf));
      const testX = trained.engine.features(test.map(featureInputOf));
      const b2 = nearestNeighbours(train, trainX);
      const b3 = sameModelScaled(train);
      const b4 = sameModelSameRuntime(train);
      const b5 = runtimeEfficiency(train);
      test.forEach((o, i) => {
        const p = preds[i]!;
        const baselines = {
          roofline: b1.predict(o),
          knn: b2.predict(o, testX, i * FEATURE_COUNT),
          sameModel: b3.predict(o),
          sameRuntime: b4.predict(o),
          runtimeEff: b5.predict(o),
        };
        if (split === 'hardware')
          holdout.push({
            fold: fi,
            source_id: o.row.source_id,
            source_file: o.row.source_file,
            source_row: o.row.source_row,
            hardware_id: o.hw.id,
            model_id: o.model.id,
            metric: o.row.metric,
            runtime_class: o.row.runtime_class,
            kind: o.hw.kind,
            batch_size: o.row.batch_size,
            precision: o.row.precision,
            truth: o.row.value,
            predicted: p.ok ? p.value : null,
            low: p.ok ? p.low : null,
            high: p.ok ? p.high : null,
            layer: p.ok ? p.layer : 'error',
            evidence: p.ok ? (p.evidence ?? null) : null,
            roofline_constant: baselines.roofline.value,
            knn: baselines.knn?.value ?? null,
            same_model_scaled: baselines.sameModel?.value ?? null,
            same_model_runtime: baselines.sameRuntime?.value ?? null,
            roofline_runtime: baselines.runtimeEff?.value ?? null,
          });
        records.push({
          split,
          fold: fi,
          source: o.row.source_id,
          metric: o.row.metric,
          kind: o.hw.kind,
          runtime: o.row.runtime_class,
          truth: o.row.value,
          ours: p.ok ? { value: p.value, low: p.low, high: p.high } : null,
          layer: p.ok ? p.layer : 'error',
          ...baselines,
        });
      });
      console.log(
        `${split} fold ${fi + 1}/${folds.length} (${fold.name}): ${test.length} rows, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
  }
  const summary = summarize(records, splits);
  const invariants = await invariantCounts();
  const metrics = {
    snapshot: await snapshotId(),
    seed: fit.seed,
    steps: fit.steps,
    observations: obs.length,
    folds: foldInfo,
    seconds: Math.round((performance.now() - t0) / 1000),
    ...summary,
    invariants,
  };
  writeFileSync(join(values.out, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  if (holdout.length > 0) {
    // The Accuracy page's public-snapshot view: every held-out row (leave-one-hardware-out) with its baselines.
    const file =
      values.out === MODELS_DIR ? join(SNAPSHOT_DIR, 'holdout.parquet') : join(values.out, 'holdout.parquet');
    writeFileSync(file, new Uint8Array(rowsToParquet(HOLDOUT_COLUMNS, holdout)));
  }
  writeFileSync(join(values.out, 'REPORT.md'), renderReport(metrics));
  console.log(renderReport(metrics));
}

export type { BaselinePrediction, Observation };

/** Physics violations over the whole catalog: the shipped engine and the roofline-only engine. */
async function invariantCounts() {
  const shipped = await loadEngineNode(await selectTfBackend('wasm'));
  const bare = await loadEngineNode(null);
  return {
    shipped: await countViolations(shipped.snapshot, (q) => shipped.engine.predictMany(q)),
    rooflineOnly: await countViolations(bare.snapshot, (q) => bare.engine.predictMany(q)),
  };
}
