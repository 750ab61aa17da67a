/**
 * The Your data page's accuracy table: how well an engine predicts each batch of your rows (predicted vs
 * measured, scored as `eval --with` scores them: evaluate.ts), per batch and over all. A big batch is scored
 * on an even sample, and predictions run in chunks with a pause between them so a page stays responsive.
 */
import type { HardwareRow, MeasurementRow, ModelRow } from '../catalog/schema.ts';
import { accuracy, type Accuracy } from '../predict/accuracy.ts';
import type { HoldoutRow } from '../predict/holdout.ts';
import type { Prediction, Query } from '../predict/types.ts';
import { batchIdOf, evenSample, type YoursBatch } from './batches.ts';
import { importedQueries, scoreImported, type ScoredRow } from './evaluate.ts';

export interface BatchAccuracy {
  batch: YoursBatch;
  /** Rows scored (all of the batch's, or an even sample of them). */
  scored: number;
  /** Of them, rows the engine answered. */
  answered: number;
  /** MdAPE, within ±25%… over the answered rows; null when none. */
  accuracy: Accuracy | null;
  /** The most frequent reason a row got no answer, with how many rows share it. */
  unanswered: { reason: string; rows: number } | null;
}

export interface AccuracyOptions {
  /** Most rows scored per batch (default 2,000). */
  perBatch?: number;
  /** Queries per predictMany call (default 500). */
  chunk?: number;
  /** Awaited between chunks (the page passes a yield to its event loop). */
  pause?: () => Promise<void>;
}

interface Predictor {
  predictMany(queries: readonly Query[]): Promise<Prediction[]>;
}

function commonest(reasons: readonly string[]): { reason: string; rows: number } | null {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  let best: { reason: string; rows: number } | null = null;
  for (const [reason, rows] of counts) if (!best || rows > best.rows) best = { reason, rows };
  return best;
}

/**
 * A scored row of yours as a row of the held-out evaluation's schema (core/predict/holdout.ts), so the
 * Accuracy page's views read your rows as they read the public ones: fold 0, no baselines (they need the
 * eval's retrained folds), layer `error` where the engine gave no answer.
 */
export function yoursHoldoutRow(r: ScoredRow, kind: string): HoldoutRow {
  return {
    fold: 0,
    source_id: r.row.source_id,
    source_file: r.row.source_file,
    source_row: r.row.source_row,
    hardware_id: r.row.hardware_id,
    model_id: r.row.model_id,
    metric: r.row.metric,
    runtime_class: r.row.runtime_class,
    kind,
    batch_size: r.row.batch_size,
    precision: r.row.precision,
    truth: r.row.value,
    predicted: r.predicted,
    low: r.low,
    high: r.high,
    layer: r.layer ?? 'error',
    evidence: r.evidence,
    roofline_constant: null,
    knn: null,
    same_model_scaled: null,
    same_model_runtime: null,
    roofline_runtime: null,
  };
}

const toScored = (r: ScoredRow) => ({ truth: r.row.value, pred: r.predicted!, low: r.low!, high: r.high! });

/**
 * Each batch's accuracy (in the order of `batches`), over every scored row, and every scored row in the
 * held-out evaluation's schema (the Accuracy page's "your rows").
 */
export async function batchAccuracy(
  engine: Predictor,
  catalog: { hardware: ReadonlyMap<string, HardwareRow>; models: ReadonlyMap<string, ModelRow> },
  batches: readonly YoursBatch[],
  rows: readonly MeasurementRow[],
  options: AccuracyOptions = {},
): Promise<{ batches: BatchAccuracy[]; overall: Accuracy | null; rows: HoldoutRow[] }> {
  const { perBatch = 2000, chunk = 500, pause = async () => {} } = options;
  const byBatch = new Map<string, MeasurementRow[]>();
  for (const r of rows) {
    const id = batchIdOf(r);
    if (id === null) continue;
    const list = byBatch.get(id);
    if (list) list.push(r);
    else byBatch.set(id, [r]);
  }
  const out: BatchAccuracy[] = [];
  const all: ScoredRow[] = [];
  const holdout: HoldoutRow[] = [];
  for (const batch of batches) {
    const sample = evenSample(byBatch.get(batch.id) ?? [], perBatch);
    const { items, skipped } = importedQueries(sample, catalog.hardware, catalog.models);
    const preds: Prediction[] = [];
    for (let i = 0; i < items.length; i += chunk) {
      preds.push(...(await engine.predictMany(items.slice(i, i + chunk).map((x) => x.query))));
      await pause();
    }
    const scores = scoreImported(items, preds);
    const answered = scores.rows.filter((r) => r.predicted !== null);
    for (const r of scores.rows)
      holdout.push(yoursHoldoutRow(r, catalog.hardware.get(r.row.hardware_id)?.kind ?? 'unknown'));
    all.push(...answered);
    out.push({
      batch,
      scored: sample.length,
      answered: answered.length,
      accuracy: scores.overall,
      unanswered: commonest([
        ...skipped.map((s) => s.reason),
        ...scores.rows.filter((r) => r.error !== null).map((r) => r.error!),
      ]),
    });
  }
  return { batches: out, overall: accuracy(all.map(toScored)), rows: holdout };
}
