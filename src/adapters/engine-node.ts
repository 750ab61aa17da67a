/**
 * Node: the prediction engine over the committed snapshot and models/ (CLI, bench, tests).
 * Without a trained model the engine still answers, from the roofline-typical layer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { buildReferences, PredictionEngine } from '../core/predict/engine.ts';
import { FEATURE_COUNT, FEATURE_NAMES, FEATURE_VERSION } from '../core/predict/featurize.ts';
import { featureInputOf, observe, type Observation } from '../core/predict/observation.ts';
import type { Manifest } from '../core/predict/types.ts';
import type { SnapshotRows } from './parquet-rows.ts';
import { MODELS_DIR, readSnapshot } from './snapshot-files.ts';
import { TfjsEfficiencyModel } from './tfjs-model.ts';

export interface NodeEngine {
  engine: PredictionEngine;
  snapshot: SnapshotRows;
  manifest: Manifest;
  /** Null when models/efficiency is missing or was trained on another feature layout. */
  model: TfjsEfficiencyModel | null;
  observations: Observation[];
}

const toArrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Read models/efficiency/{manifest.json, model.json, weights.bin}; null when absent. */
export function readModelFiles(dir = join(MODELS_DIR, 'efficiency')) {
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  return {
    manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest,
    modelJson: JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')),
    weights: toArrayBuffer(readFileSync(join(dir, 'weights.bin'))),
  };
}

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

/** Load snapshot, model and references. `tf` is passed in so callers pick the backend first. */
export async function loadEngineNode(tf: typeof TF | null, modelsDir?: string): Promise<NodeEngine> {
  const snapshot = await readSnapshot();
  const hw = new Map(snapshot.hardware.map((h) => [h.id, h]));
  const models = new Map(snapshot.models.map((m) => [m.id, m]));
  const { observations } = observe(
    snapshot.measurements.filter((r) => !r.flags.includes('outlier')),
    hw,
    models,
  );
  const files = readModelFiles(modelsDir);
  const usable = files !== null && tf !== null && files.manifest.featureVersion === FEATURE_VERSION;
  const manifest = files?.manifest ?? emptyManifest('unknown');
  const model = usable ? await TfjsEfficiencyModel.load(tf, files) : null;
  let references;
  if (model) {
    const tmp = new PredictionEngine({ manifest, model });
    const x = tmp.features(observations.map(featureInputOf));
    const q = model.predict(x, observations.length);
    references = buildReferences(
      observations,
      Array.from({ length: observations.length }, (_, i) => q[3 * i + 1]!),
    );
  }
  const engine = new PredictionEngine({
    manifest,
    model,
    measurements: snapshot.measurements,
    ...(references ? { references } : {}),
  });
  return { engine, snapshot, manifest, model, observations };
}
