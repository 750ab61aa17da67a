/**
 * Node: the prediction engine over the committed snapshot and models/ (CLI, bench, tests).
 * Without a trained model the engine still answers, from the roofline-typical layer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import type { PredictionEngine } from '../core/predict/engine.ts';
import type { Observation } from '../core/predict/observation.ts';
import type { Manifest } from '../core/predict/types.ts';
import { buildEngine, emptyManifest, manifestMatches } from './engine-build.ts';
import type { SnapshotRows } from './parquet-rows.ts';
import { MODELS_DIR, readSnapshot, snapshotId } from './snapshot-files.ts';
import { TfjsEfficiencyModel } from './tfjs-model.ts';
import { toArrayBuffer } from './bytes.ts';

export { emptyManifest };

export interface NodeEngine {
  engine: PredictionEngine;
  snapshot: SnapshotRows;
  manifest: Manifest;
  /** Null when models/efficiency is missing, tf is null, or the model was trained on another feature layout. */
  model: TfjsEfficiencyModel | null;
  observations: Observation[];
}

/** Read models/efficiency/{manifest.json, model.json, weights.bin}; null when absent. */
export function readModelFiles(dir = join(MODELS_DIR, 'efficiency')) {
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  return {
    manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest,
    modelJson: JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')),
    weights: toArrayBuffer(readFileSync(join(dir, 'weights.bin'))),
    references: existsSync(join(dir, 'references.bin'))
      ? new Float32Array(toArrayBuffer(readFileSync(join(dir, 'references.bin'))))
      : null,
  };
}

/** Load snapshot, model and references. `tf` is passed in so callers pick the backend first (null: no model). */
export async function loadEngineNode(tf: typeof TF | null, modelsDir?: string): Promise<NodeEngine> {
  const snapshot = await readSnapshot();
  const files = readModelFiles(modelsDir);
  const usable = files !== null && tf !== null && manifestMatches(files.manifest);
  const manifest = usable ? files.manifest : emptyManifest(await snapshotId());
  const model = usable ? await TfjsEfficiencyModel.load(tf, files) : null;
  const { engine, observations } = await buildEngine(
    snapshot,
    usable ? manifest : (files?.manifest ?? manifest),
    model,
    // The references' median log-efficiency saved by training (checked against the snapshot by digest).
    usable ? files.references : null,
  );
  return { engine, snapshot, manifest, model, observations };
}
