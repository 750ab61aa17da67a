/** Assemble the prediction engine from snapshot rows, a manifest and an optional learned model (Node and browser). */
import type { HardwareRow, MeasurementRow, ModelRow } from '../core/catalog/schema.ts';
import { buildReferences, PredictionEngine } from '../core/predict/engine.ts';
import { FEATURE_COUNT, FEATURE_NAMES, FEATURE_VERSION } from '../core/predict/featurize.ts';
import {
  featureInputOf,
  observationsDigest,
  observe,
  type Observation,
} from '../core/predict/observation.ts';
import { RuntimeEvidence } from '../core/predict/runtime-choice.ts';
import type { EfficiencyModel, Manifest } from '../core/predict/types.ts';
import type { SnapshotRows } from './parquet-rows.ts';

/** A manifest with no learned model: the engine then answers from typical efficiencies. */
export function emptyManifest(snapshot: string): Manifest {
  return {
    featureVersion: FEATURE_VERSION,
    featureNames: [...FEATURE_NAMES],
    mean: new Array<number>(FEATURE_COUNT).fill(0),
    std: new Array<number>(FEATURE_COUNT).fill(1),
    quantiles: [0.1, 0.5, 0.9],
    conformal: {},
    typicalEfficiency: {},
    typicalSpread: {},
    snapshot,
    seed: 0,
    trainedRows: 0,
    architecture: [],
    epochs: 0,
  };
}

/** Does a manifest fit this build's features (same version and names)? */
export function manifestMatches(m: Manifest): boolean {
  return m.featureVersion === FEATURE_VERSION && m.featureNames.join('|') === FEATURE_NAMES.join('|');
}

/** The snapshot's measurements the engine learns from as references (outliers left out). */
export function snapshotObservations(snapshot: SnapshotRows): Observation[] {
  return observe(
    snapshot.measurements.filter((r) => !r.flags.includes('outlier')),
    new Map(snapshot.hardware.map((h) => [h.id, h])),
    new Map(snapshot.models.map((m) => [m.id, m])),
  ).observations;
}

export interface BuiltEngine {
  engine: PredictionEngine;
  observations: Observation[];
}

/**
 * The engine over a snapshot. With a model: observations of every measurement, references scored by the
 * model, and the learned layers. Without one: the roofline-typical and neighbour layers only, which needs
 * no observation pass (the fast first answer while tfjs loads).
 */
export async function buildEngine(
  snapshot: SnapshotRows,
  manifest: Manifest,
  model: EfficiencyModel | null,
  /** Per-observation median log-efficiency saved by training (references.bin); recomputed when stale. */
  precomputed?: Float32Array | null,
): Promise<BuiltEngine> {
  if (!model)
    return {
      engine: new PredictionEngine({
        manifest,
        model: null,
        measurements: snapshot.measurements,
        catalog: snapshot.hardware,
      }),
      observations: [],
    };
  const observations = snapshotObservations(snapshot);
  let logEff: ArrayLike<number>;
  if (
    precomputed &&
    precomputed.length === observations.length &&
    manifest.referencesDigest === observationsDigest(observations)
  ) {
    logEff = precomputed;
  } else {
    const x = new PredictionEngine({ manifest, model }).features(observations.map(featureInputOf));
    const q = await model.predict(x, observations.length);
    logEff = Float32Array.from({ length: observations.length }, (_, i) => q[3 * i + 1]!);
  }
  const references = buildReferences(observations, logEff);
  const engine = new PredictionEngine({
    manifest,
    model,
    measurements: snapshot.measurements,
    references,
    catalog: snapshot.hardware,
  });
  return { engine, observations };
}

const evidenceCache = new WeakMap<SnapshotRows, RuntimeEvidence>();

/** The measurement columns runtime evidence reads (the roofline engine decodes only these). */
export const EVIDENCE_COLUMNS = ['hardware_id', 'model_id', 'mode', 'precision', 'runtime_class'] as const;
export type EvidenceRow = Pick<MeasurementRow, (typeof EVIDENCE_COLUMNS)[number]>;

/**
 * Which runtimes `rows` measured where (what `auto` picks from). The maps hold only the fields the
 * evidence reads, which keeps the one pass over every measurement cheap.
 */
export function runtimeEvidenceFrom(
  rows: readonly EvidenceRow[],
  hardware: readonly HardwareRow[],
  models: readonly ModelRow[],
): RuntimeEvidence {
  return new RuntimeEvidence(
    rows,
    new Map(hardware.map((h) => [h.id, { id: h.id, kind: h.kind, vendor: h.vendor }])),
    new Map(
      models.map((m) => [m.id, { architecture: m.architecture, modality: m.modality, family: m.family }]),
    ),
  );
}

/** runtimeEvidenceFrom over a whole snapshot, built once per snapshot. */
export function runtimeEvidenceOf(snapshot: SnapshotRows): RuntimeEvidence {
  let e = evidenceCache.get(snapshot);
  if (!e) {
    e = runtimeEvidenceFrom(snapshot.measurements, snapshot.hardware, snapshot.models);
    evidenceCache.set(snapshot, e);
  }
  return e;
}
