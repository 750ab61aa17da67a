/**
 * Calibrate the shipped efficiency network on your rows (tfjs; the browser's worker, the CLI and the bench
 * run this one function). Your rows with a roofline efficiency are split into k grouped folds
 * (core/calibrate/folds.ts); for each fold a copy of the shipped network is fine-tuned on the other folds
 * plus a replay sample of the snapshot, and the held-out rows are predicted by the app's own engine
 * construction (engineWithImported, the other folds' rows as evidence, so no row is its own reference), once
 * with the shipped network and once with the tuned one. Only when the pooled held-out median error is lower
 * is a final network tuned on every row and returned.
 */
import type * as TF from '@tensorflow/tfjs';
import { rowsDigest, type CalibrationReport, type CalibrationSettings } from '../core/calibrate/report.ts';
import { assignFolds } from '../core/calibrate/folds.ts';
import { inefficiency, mixWeights, sourceWeights, weightedSample } from '../core/calibrate/replay.ts';
import { decide, scoreFolds, type HeldOutRow } from '../core/calibrate/score.ts';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import { batchIdOf, evenSample } from '../core/import/batches.ts';
import { PredictionEngine } from '../core/predict/engine.ts';
import { featureInputOf, observe, queryOf, type Observation } from '../core/predict/observation.ts';
import { CATALOG_EXPANSION_LIMIT } from '../core/predict/consistency.ts';
import type { Manifest, Prediction, Query } from '../core/predict/types.ts';
import { modelVersion } from '../core/select/rank-selection.ts';
import { snapshotObservations } from './engine-build.ts';
import { engineWithImported } from './engine-imported.ts';
import type { SnapshotRows } from './parquet-rows.ts';
import { fineTune } from './tfjs-fit.ts';
import { TfjsEfficiencyModel } from './tfjs-model.ts';

/** Chosen by measurement (README, "Calibrate on my data"; `npm run bench -- --only calibration`). */
export const DEFAULT_CALIBRATION: CalibrationSettings = {
  steps: 150,
  batchSize: 128,
  learningRate: 3e-4,
  replay: 2000,
  yourShare: 0.5,
  seed: 11,
  maxFolds: 5,
  scoredPerFold: 40,
};

/** Where a run is: preparing, tuning or predicting fold `fold` of `folds`, tuning the final model, done. */
export interface CalibrationProgress {
  /** tune / predict: fold `fold` of `folds` of the cross-validation; final: the model kept. */
  stage: 'preparing' | 'tune' | 'predict' | 'final' | 'done';
  fold: number;
  folds: number;
  /** tune and final: optimizer steps; predict: the fold's held-out rows predicted by both models. */
  done: number;
  total: number;
  /** 0…1 over the whole run. */
  fraction: number;
}

/**
 * A held-out row predicted by both models costs about as much as this many optimizer steps (0.35–0.8 s
 * against 12–15 ms a step, headless Chromium and Node on 2 cores): the progress bar's unit.
 */
const PREDICTION_STEPS = 30;

export interface CalibrationInput {
  tf: typeof TF;
  snapshot: SnapshotRows;
  manifest: Manifest;
  /** The shipped model (never changed: each fine-tune works on a copy). */
  shipped: TfjsEfficiencyModel;
  /** Your visible rows. */
  rows: readonly MeasurementRow[];
  settings?: Partial<CalibrationSettings>;
  onProgress?: (p: CalibrationProgress) => void;
  /** The snapshot's observations, when the caller has them already (engine-build's snapshotObservations). */
  observations?: readonly Observation[];
  now?: () => number;
  date?: () => Date;
}

/** One held-out row's two answers (for reports that list rows: the bench, the CLI). */
export interface HeldOutDetail extends HeldOutRow {
  row: MeasurementRow;
  layerBefore: string | null;
  layerAfter: string | null;
}

export interface CalibrationResult {
  report: CalibrationReport;
  /** The calibrated model (model.json text and weights.bin bytes), only when the decision keeps it. */
  model: { modelJson: string; weights: Uint8Array } | null;
  heldOut: HeldOutDetail[];
}

function countBy<T>(items: readonly T[], key: (t: T) => string): { key: string; n: number }[] {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m].map(([k, n]) => ({ key: k, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

/**
 * Predict as a page does: in calls of at most CATALOG_EXPANSION_LIMIT queries, so every answer is checked
 * against the catalog's devices it dominates or is dominated by (core/predict/consistency.ts), as on the
 * Predict page and in a ranking, whatever the size of a fold. (One call for a whole fold would skip that
 * check once the fold holds more than the limit.)
 */
export async function predictAsOnPages(
  engines: readonly PredictionEngine[],
  queries: readonly Query[],
  onChunk: (done: number) => void,
): Promise<Prediction[][]> {
  const out: Prediction[][] = engines.map(() => []);
  for (let i = 0; i < queries.length; i += CATALOG_EXPANSION_LIMIT) {
    const chunk = queries.slice(i, i + CATALOG_EXPANSION_LIMIT);
    for (const [e, engine] of engines.entries()) out[e]!.push(...(await engine.predictMany(chunk)));
    onChunk(i + chunk.length);
  }
  return out;
}

/** Cross-validate a calibration on your rows and, when it is better, tune the final model on all of them. */
export async function runCalibration(input: CalibrationInput): Promise<CalibrationResult> {
  const { tf, snapshot, manifest, shipped, rows } = input;
  const s: CalibrationSettings = { ...DEFAULT_CALIBRATION, ...input.settings };
  const now = input.now ?? (() => performance.now());
  const t0 = now();
  const progress = (p: Omit<CalibrationProgress, 'fraction'>, fraction: number) =>
    input.onProgress?.({ ...p, fraction: Math.min(1, Math.max(0, fraction)) });

  const hardware = new Map(snapshot.hardware.map((h) => [h.id, h]));
  const models = new Map(snapshot.models.map((m) => [m.id, m]));
  const flagged = rows.filter((r) => r.flags.split(';').includes('exceeds-roofline'));
  const observed = observe(
    rows.filter((r) => !flagged.includes(r)),
    hardware,
    models,
  );
  const yours = observed.observations;
  const skipped = [
    ...flagged.map(() => 'above the roofline (flagged)'),
    ...observed.skipped.map((x) => x.reason),
  ];
  const { k, fold, workloads } = assignFolds(
    yours.map((o) => o.row),
    s.maxFolds,
  );
  progress({ stage: 'preparing', fold: 0, folds: k, done: 0, total: 0 }, 0);

  // Features and targets: your rows first, then the replay sample of the snapshot's observations.
  const snapObs = input.observations ?? snapshotObservations(snapshot);
  // Replay never holds rows of your devices: where your rows and the snapshot disagree about a device, the
  // calibrated model follows yours.
  const yourDevices = new Set(yours.map((o) => o.hw.id));
  const replayPool = snapObs.filter((o) => !yourDevices.has(o.hw.id));
  const replay = weightedSample(sourceWeights(replayPool.map((o) => o.row.source_id)), s.replay, s.seed).map(
    (i) => replayPool[i]!,
  );
  const all = [...yours, ...replay];
  const x = new PredictionEngine({ manifest, model: null }).features(all.map(featureInputOf));
  const t = Float32Array.from(all, (o) => inefficiency(o.efficiency));
  const replayIdx = replay.map((_, j) => yours.length + j);
  /** Fine-tune on your rows `mine` (indices into `yours`) plus the replay sample. */
  const tune = async (mine: readonly number[], seed: number, onStep: (done: number) => void) => {
    const mixed = mixWeights(mine.length, replayIdx.length, s.yourShare);
    const w = new Float32Array(all.length);
    mine.forEach((i, j) => (w[i] = mixed[j]!));
    replayIdx.forEach((i, j) => (w[i] = mixed[mine.length + j]!));
    return fineTune(tf, shipped.model, x, t, w, [...mine, ...replayIdx], { ...s, seed }, onStep);
  };

  // References as the app builds them, limited to your models: an engine only ever consults references
  // of the query's own model, so the answers are the same and each fold rescores far fewer rows.
  const yourModels = new Set(yours.map((o) => o.model.id));
  const base = {
    snapshot,
    manifest,
    observations: snapObs.filter((o) => yourModels.has(o.model.id)),
  };
  const heldOut: HeldOutDetail[] = [];
  // Progress in units of one optimizer step: k + 1 fine-tunes and every held-out row predicted twice.
  const scoredRows = Array.from({ length: k }, (_, f) =>
    Math.min(s.scoredPerFold, fold.filter((x) => x === f).length),
  ).reduce((a, b) => a + b, 0);
  const units = (k + 1) * s.steps + (k >= 2 ? scoredRows * PREDICTION_STEPS : 0);
  let unitsDone = 0;
  const tCv = now();
  for (let f = 0; f < k && k >= 2; f++) {
    const train = yours.flatMap((_, i) => (fold[i] !== f ? [i] : []));
    const held = yours.flatMap((_, i) => (fold[i] === f ? [i] : []));
    // Predicting as a page does is the slow part (every answer is compared with the catalog's devices):
    // a big fold is scored on an even sample of its held-out rows.
    const scored = evenSample(held, s.scoredPerFold);
    const tuned = await tune(train, s.seed + f, (step) =>
      progress(
        { stage: 'tune', fold: f + 1, folds: k, done: step, total: s.steps },
        (unitsDone + step) / units,
      ),
    );
    unitsDone += s.steps;
    const evidence = train.map((i) => yours[i]!.row);
    const queries = scored.map((i) => queryOf(yours[i]!));
    const before = await engineWithImported({ ...base, model: shipped }, evidence);
    const after = await engineWithImported(
      { ...base, model: TfjsEfficiencyModel.wrap(tf, tuned) },
      evidence,
      null,
      { calibrated: true },
    );
    const [pb, pa] = await predictAsOnPages([before.engine, after.engine], queries, (n) =>
      progress(
        { stage: 'predict', fold: f + 1, folds: k, done: n, total: queries.length },
        (unitsDone + n * PREDICTION_STEPS) / units,
      ),
    );
    unitsDone += queries.length * PREDICTION_STEPS;
    tuned.dispose();
    scored.forEach((i, j) => {
      const b = pb![j]!;
      const a = pa![j]!;
      heldOut.push({
        row: yours[i]!.row,
        fold: f,
        truth: yours[i]!.row.value,
        before: b.ok ? b.value : null,
        after: a.ok ? a.value : null,
        layerBefore: b.ok ? b.layer : null,
        layerAfter: a.ok ? a.layer : null,
      });
    });
  }
  const crossValidationMs = now() - tCv;
  const { folds, pooled } = scoreFolds(heldOut, k);
  // A fold's `rows` counts all of its held-out rows, scored or not.
  folds.forEach((x) => (x.rows = fold.filter((f) => f === x.fold).length));
  const decision = k >= 2 ? decide(pooled) : decide(null);
  if (k < 2)
    decision.summary = `Cross-validation needs rows of at least two different workloads (${workloads === 0 ? 'none of your rows has a roofline efficiency' : 'all of your usable rows are one workload'}): not offered.`;

  let model: CalibrationResult['model'] = null;
  const tFinal = now();
  if (decision.keep) {
    const final = await tune(
      yours.map((_, i) => i),
      s.seed + k,
      (step) =>
        progress(
          { stage: 'final', fold: k, folds: k, done: step, total: s.steps },
          (unitsDone + step) / units,
        ),
    );
    const saved = await TfjsEfficiencyModel.wrap(tf, final).save();
    final.dispose();
    model = { modelJson: saved.modelJson, weights: saved.weights };
  }
  const finalMs = now() - tFinal;
  progress({ stage: 'done', fold: k, folds: k, done: 0, total: 0 }, 1);

  const report: CalibrationReport = {
    created: (input.date ?? (() => new Date()))().toISOString(),
    shippedVersion: modelVersion(manifest),
    snapshot: manifest.snapshot,
    rows: rows.length,
    used: yours.length,
    skipped: countBy(skipped, (r) => r).map(({ key, n }) => ({ reason: key, rows: n })),
    batches: countBy(rows, (r) => batchIdOf(r) ?? r.source_id).map(({ key, n }) => ({ id: key, rows: n })),
    rowsDigest: rowsDigest(rows),
    k,
    workloads,
    folds,
    pooled,
    decision,
    settings: s,
    timings: {
      totalMs: Math.round(now() - t0),
      crossValidationMs: Math.round(crossValidationMs),
      finalMs: Math.round(finalMs),
    },
  };
  return { report, model, heldOut };
}
