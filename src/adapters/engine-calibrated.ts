/**
 * Browser: the learned engine with your visible rows as evidence (engine-yours.ts) and, when you calibrated
 * and the switch is on, your calibrated model in place of the shipped one. The snapshot's precomputed
 * reference scores (references.bin) are the shipped model's, so with the calibrated model every reference
 * is scored again. A calibration made for another shipped model or snapshot is not used (and says why).
 */
import type * as TF from '@tensorflow/tfjs';
import { calibratedVersion, calibrationLabel, type CalibrationReport } from '../core/calibrate/report.ts';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import type { Observation } from '../core/predict/observation.ts';
import { modelVersion } from '../core/select/rank-selection.ts';
import { loadCalibration, type StoredCalibration } from './calibrated-model-store.ts';
import { snapshotObservations } from './engine-build.ts';
import { engineWithImported } from './engine-imported.ts';
import { loadEngineWithYours, type EngineWithYours } from './engine-yours.ts';
import { messageOf } from './errors.ts';
import type { SnapshotRows } from './parquet-rows.ts';
import { TfjsEfficiencyModel } from './tfjs-model.ts';

/** The calibrated model in use: its report, the words pages show and the version links record. */
export interface CalibrationInUse {
  report: CalibrationReport;
  /** "your calibrated model (5-fold MdAPE 45.5% → 28.0% on 104 rows)". */
  label: string;
  /** The shipped model's version + `+cal.<digest>` (core/calibrate/report.ts calibratedVersion). */
  version: string;
}

export type EngineForYou = EngineWithYours & {
  /** Null: the shipped model answers. */
  calibration: CalibrationInUse | null;
  /** Why a stored calibrated model is not in use although its switch is on, when that is so. */
  calibrationProblem: string | null;
};

const observationsOf = new WeakMap<SnapshotRows, Observation[]>();
let loaded: { key: string; model: Promise<TfjsEfficiencyModel> } | null = null;

/** The calibrated model's tfjs model, loaded once per stored calibration. */
function calibratedModel(stored: StoredCalibration & { model: object }): Promise<TfjsEfficiencyModel> {
  const key = `${stored.report.created}|${stored.report.rowsDigest}`;
  if (loaded?.key !== key) {
    const model = import('@tensorflow/tfjs').then((tf: typeof TF) =>
      TfjsEfficiencyModel.load(tf, {
        modelJson: JSON.parse(stored.model.modelJson) as Parameters<
          typeof TfjsEfficiencyModel.load
        >[1]['modelJson'],
        weights: stored.model.weights,
      }),
    );
    loaded = { key, model };
    model.catch(() => (loaded = null));
  }
  return loaded.model;
}

/** The learned engine with `rows` (your visible rows) as evidence, on your calibrated model when it is on. */
export async function loadEngineForYou(rows: readonly MeasurementRow[]): Promise<EngineForYou> {
  const stored = await loadCalibration().catch((e: unknown) => new Error(messageOf(e)));
  const shipped = async (problem: string | null): Promise<EngineForYou> => ({
    ...(await loadEngineWithYours(rows)),
    calibration: null,
    calibrationProblem: problem,
  });
  if (stored instanceof Error) return shipped(stored.message);
  if (!stored || !stored.use || !stored.model) return shipped(null);
  const withModel = { ...stored, model: stored.model };
  const base = await loadEngineWithYours([]);
  const version = modelVersion(base.manifest);
  if (!base.model) return shipped(null);
  if (stored.report.shippedVersion !== version || stored.report.snapshot !== base.manifest.snapshot)
    return shipped(
      `your calibrated model was made from model ${stored.report.shippedVersion} on snapshot ${stored.report.snapshot}; this app has ${version} on ${base.manifest.snapshot}: calibrate again`,
    );
  let model: TfjsEfficiencyModel;
  try {
    model = await calibratedModel(withModel);
  } catch (e) {
    return shipped(`your calibrated model could not be loaded (${messageOf(e)})`);
  }
  let observations = observationsOf.get(base.snapshot);
  if (!observations) {
    observations = snapshotObservations(base.snapshot);
    observationsOf.set(base.snapshot, observations);
  }
  // No precomputed scores: references.bin holds the shipped model's, so the references are scored again.
  const built = await engineWithImported(
    { snapshot: base.snapshot, manifest: base.manifest, model, observations },
    rows,
    null,
    { calibrated: true },
  );
  return {
    ...base,
    engine: built.engine,
    model,
    yours: { rows: rows.length, references: built.imported.length },
    calibration: {
      report: stored.report,
      label: calibrationLabel(stored.report),
      version: calibratedVersion(version, stored.report),
    },
    calibrationProblem: null,
  };
}
