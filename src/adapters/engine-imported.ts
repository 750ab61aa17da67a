/**
 * An engine whose evidence includes imported rows ("your own benchmarks"): their observations join the
 * snapshot's as measured references (the transfer layer scales them to other devices, and names the
 * devices it used in each explanation), and the rows join the neighbour layer's measurements. Rows kept
 * only with the `exceeds-roofline` flag are not references (their efficiency would be capped at the bound).
 */
import type { MeasurementRow } from '../core/catalog/schema.ts';
import { buildReferences, PredictionEngine } from '../core/predict/engine.ts';
import {
  featureInputOf,
  observationsDigest,
  observe,
  type Observation,
} from '../core/predict/observation.ts';
import type { EfficiencyModel, Manifest } from '../core/predict/types.ts';
import type { SnapshotRows } from './parquet-rows.ts';

export interface EngineBase {
  snapshot: SnapshotRows;
  manifest: Manifest;
  model: EfficiencyModel | null;
  /** The snapshot's observations (references), as buildEngine made them. */
  observations: readonly Observation[];
}

export interface ImportedEngine {
  engine: PredictionEngine;
  /** Observations of the imported rows that became references. */
  imported: Observation[];
  /** Imported rows that are no reference, with the reason (memory rows, no roofline, flagged…). */
  skipped: { row: MeasurementRow; reason: string }[];
}

/** Median log-efficiency the model gives each observation (the references' learned baseline). */
async function medianLogEff(
  engine: PredictionEngine,
  model: EfficiencyModel,
  obs: readonly Observation[],
): Promise<Float32Array> {
  if (obs.length === 0) return new Float32Array(0);
  const q = await model.predict(engine.features(obs.map(featureInputOf)), obs.length);
  return Float32Array.from({ length: obs.length }, (_, i) => q[3 * i + 1]!);
}

/**
 * Build the engine over the snapshot plus `rows`. `precomputed` is models/efficiency/references.bin (the
 * snapshot observations' log-efficiencies); without it (or when stale) they are scored again.
 * `calibrated`: the model was tuned on these rows, so its predictions on their devices are not compared
 * with other devices by their specs (core/predict/consistency.ts).
 */
export async function engineWithImported(
  base: EngineBase,
  rows: readonly MeasurementRow[],
  precomputed?: Float32Array | null,
  options: { calibrated?: boolean } = {},
): Promise<ImportedEngine> {
  const { snapshot, manifest, model } = base;
  const measurements = [...snapshot.measurements, ...rows];
  if (!model)
    return {
      engine: new PredictionEngine({
        manifest,
        model: null,
        measurements,
        catalog: snapshot.hardware,
      }),
      imported: [],
      skipped: rows.map((row) => ({ row, reason: 'no learned model: references are not used' })),
    };
  const flagged = rows.filter((r) => r.flags.split(';').includes('exceeds-roofline'));
  const { observations: imported, skipped } = observe(
    rows.filter((r) => !flagged.includes(r)),
    new Map(snapshot.hardware.map((h) => [h.id, h])),
    new Map(snapshot.models.map((m) => [m.id, m])),
  );
  const scorer = new PredictionEngine({ manifest, model });
  const baseLogEff =
    precomputed &&
    precomputed.length === base.observations.length &&
    manifest.referencesDigest === observationsDigest(base.observations)
      ? precomputed
      : await medianLogEff(scorer, model, base.observations);
  const extraLogEff = await medianLogEff(scorer, model, imported);
  const logEff = new Float32Array(baseLogEff.length + extraLogEff.length);
  logEff.set(baseLogEff);
  logEff.set(extraLogEff, baseLogEff.length);
  const references = buildReferences([...base.observations, ...imported], logEff);
  return {
    engine: new PredictionEngine({
      manifest,
      model,
      measurements,
      references,
      catalog: snapshot.hardware,
      ...(options.calibrated ? { ownDevices: new Set(rows.map((r) => r.hardware_id)) } : {}),
    }),
    imported,
    skipped: [
      ...flagged.map((row) => ({ row, reason: 'above the roofline (flagged): not a reference' })),
      ...skipped,
    ],
  };
}
