/**
 * What a calibration run reports and what is stored with a calibrated model: the cross-validation per fold
 * and pooled, the decision, the rows it was tuned on (batches, counts and a digest, never the rows), its
 * settings and timings. Also the words and version every page and link use for it.
 */
import type { MeasurementRow } from '../catalog/schema.ts';
import { fnv1a } from './folds.ts';
import type { Decision, FoldScore, PairScore } from './score.ts';

/** The fine-tuning settings a run used. */
export interface CalibrationSettings {
  /** Optimizer steps per fine-tune (each fold's and the final one). */
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Snapshot rows replayed beside yours, so the network keeps what it knew. */
  replay: number;
  /** Share of the minibatch draws that are your rows (the rest: replay). */
  yourShare: number;
  seed: number;
  maxFolds: number;
  /** Held-out rows scored per fold at most (an even sample of a bigger fold). */
  scoredPerFold: number;
}

export interface CalibrationReport {
  /** When the run finished (ISO 8601). */
  created: string;
  /** The shipped model it started from (modelVersion) and the snapshot it ran on. */
  shippedVersion: string;
  snapshot: string;
  /** Your visible rows given to the run. */
  rows: number;
  /** Of them, rows with a roofline efficiency: the ones tuned on and held out. */
  used: number;
  /** Rows not used, by reason (memory rows, no roofline, flagged above the roofline…). */
  skipped: { reason: string; rows: number }[];
  /** The batches the rows came from, with how many of each were given. */
  batches: { id: string; rows: number }[];
  /** Digest of the rows given (rowsDigest): tells whether your data changed since. */
  rowsDigest: string;
  /** Folds (k) and distinct workloads among the used rows. */
  k: number;
  workloads: number;
  folds: FoldScore[];
  pooled: PairScore | null;
  decision: Decision;
  settings: CalibrationSettings;
  timings: { totalMs: number; crossValidationMs: number; finalMs: number };
}

/** A digest of rows (batch, record, metric, value), order-free: whether the rows a model was tuned on changed. */
export function rowsDigest(rows: readonly MeasurementRow[]): string {
  const keys = rows.map((r) => `${r.source_id}#${r.source_row}#${r.metric}#${r.value}`).sort();
  return `${rows.length}:${fnv1a(keys.join('|')).toString(16).padStart(8, '0')}`;
}

/** What a link's `mv` gets appended when the predictions came from a calibrated model. */
export const CALIBRATED_SUFFIX = '+cal';

/**
 * The version links record for a model calibrated from the shipped `version`: `s7-n50066+cal.1a2b3c4d`, the
 * last part telling one calibration from another (the same rows calibrated again give the same model).
 */
export const calibratedVersion = (
  version: string,
  report: Pick<CalibrationReport, 'rowsDigest' | 'settings'>,
): string =>
  `${version}${CALIBRATED_SUFFIX}.${fnv1a(`${report.rowsDigest}|${JSON.stringify(report.settings)}`)
    .toString(16)
    .padStart(8, '0')}`;

/** Whether a link's model version is a calibrated model's. */
export const isCalibratedVersion = (version: string | null): boolean =>
  version !== null && version.includes(CALIBRATED_SUFFIX);

const pct = (x: number) => `${x.toFixed(1)}%`;

/** "your calibrated model (k-fold MdAPE 34.0% → 21.5% on 48 rows)": the engine's name on every page. */
export function calibrationLabel(report: CalibrationReport): string {
  const p = report.pooled;
  if (!p) return 'your calibrated model';
  return `your calibrated model (${report.k}-fold MdAPE ${pct(p.before.mdape)} → ${pct(p.after.mdape)} on ${p.n} rows)`;
}
