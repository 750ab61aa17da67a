/**
 * Browser: the prediction engine with the same snapshot and models as Node. tfjs is imported lazily (it is
 * not in the initial bundle); the references' scores come precomputed from training (references.bin) when
 * they match the snapshot. One cached promise per page; a failure resets it so a retry starts over.
 */
import type * as TF from '@tensorflow/tfjs';
import manifestUrl from '../../models/efficiency/manifest.json?url';
import modelUrl from '../../models/efficiency/model.json?url';
import weightsUrl from '../../models/efficiency/weights.bin?url';
import referencesUrl from '../../models/efficiency/references.bin?url';
import type { PredictionEngine } from '../core/predict/engine.ts';
import { queryFromSpec, type QuerySpec } from '../core/predict/spec.ts';
import type { Manifest, Prediction } from '../core/predict/types.ts';
import type { RuntimeEvidence } from '../core/predict/runtime-choice.ts';
import { buildEngine, manifestMatches, runtimeEvidenceOf } from './engine-build.ts';
import { loadSnapshotRows, type SnapshotRows } from './parquet-rows.ts';
import { fetchSnapshotFile } from './snapshot-fetch.ts';
import type { TfjsEfficiencyModel } from './tfjs-model.ts';
import { TFJS_WASM_PATHS } from './tfjs-wasm-paths.ts';

export interface BrowserEngine {
  engine: PredictionEngine;
  snapshot: SnapshotRows;
  manifest: Manifest;
  model: TfjsEfficiencyModel | null;
  backend: string;
  /** Why the learned model is not in use, when it is not. */
  modelProblem: string | null;
  loadMs: number;
  /** Which runtimes the snapshot measured where (for `auto`); built on first use, shared by both engines. */
  evidence(): RuntimeEvidence;
}

let cached: Promise<BrowserEngine> | null = null;

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res;
}

/**
 * The wasm backend (SIMD; threads need cross-origin isolation) scores the references several times faster
 * than the cpu backend and uses the same kernels as Node; cpu is the fallback where wasm cannot start.
 */
async function selectBackend(tf: typeof TF): Promise<void> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(TFJS_WASM_PATHS);
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return;
    }
  } catch {
    // fall through to cpu
  }
  await tf.setBackend('cpu');
  await tf.ready();
}

async function loadModel(): Promise<{
  manifest: Manifest;
  model: TfjsEfficiencyModel | null;
  backend: string;
  problem: string | null;
  references: Float32Array | null;
}> {
  const manifest = (await (await fetchOk(manifestUrl)).json()) as Manifest;
  if (!manifestMatches(manifest))
    return {
      manifest,
      model: null,
      backend: 'none',
      problem: 'the model was trained on another feature layout',
      references: null,
    };
  const [tf, { TfjsEfficiencyModel }] = await Promise.all([
    import('@tensorflow/tfjs'),
    import('./tfjs-model.ts'),
  ]);
  await selectBackend(tf);
  const [modelJson, weights, references] = await Promise.all([
    fetchOk(modelUrl).then((r) => r.json()),
    fetchOk(weightsUrl).then((r) => r.arrayBuffer()),
    fetchOk(referencesUrl)
      .then((r) => r.arrayBuffer())
      .then((b) => new Float32Array(b))
      .catch(() => null),
  ]);
  const model = await TfjsEfficiencyModel.load(tf, { modelJson, weights });
  return { manifest, model, backend: tf.getBackend(), problem: null, references };
}

let snapshotRows: Promise<SnapshotRows> | null = null;
let cachedRoofline: Promise<BrowserEngine> | null = null;

/** Snapshot rows (hyparquet), shared by both engines. */
function snapshotOnce(): Promise<SnapshotRows> {
  snapshotRows ??= loadSnapshotRows(fetchSnapshotFile).catch((e: unknown) => {
    snapshotRows = null;
    throw e;
  });
  return snapshotRows;
}

/**
 * The fast first engine: catalog and manifest only, no tfjs — roofline bounds with typical efficiencies.
 * Answers in the time it takes to decode the snapshot; the learned engine refines it when ready.
 */
export function loadRooflineEngine(): Promise<BrowserEngine> {
  cachedRoofline ??= (async () => {
    const t0 = performance.now();
    const [snapshot, manifest] = await Promise.all([
      snapshotOnce(),
      fetchOk(manifestUrl).then((r) => r.json() as Promise<Manifest>),
    ]);
    const { engine } = await buildEngine(snapshot, manifest, null);
    performance.mark('rooflight:roofline-engine-ready');
    return {
      engine,
      snapshot,
      manifest,
      model: null,
      backend: 'none',
      modelProblem: 'refining…',
      loadMs: performance.now() - t0,
      evidence: () => runtimeEvidenceOf(snapshot),
    };
  })().catch((e: unknown) => {
    cachedRoofline = null;
    throw e;
  });
  return cachedRoofline;
}

/** The full engine: learned efficiency model on tfjs and measured references. */
export function loadEngineBrowser(): Promise<BrowserEngine> {
  cached ??= (async () => {
    const t0 = performance.now();
    const [snapshot, m] = await Promise.all([snapshotOnce(), loadModel()]);
    const { engine } = await buildEngine(snapshot, m.manifest, m.model, m.references);
    performance.mark('rooflight:engine-ready');
    return {
      engine,
      snapshot,
      manifest: m.manifest,
      model: m.model,
      backend: m.backend,
      modelProblem: m.problem,
      loadMs: performance.now() - t0,
      evidence: () => runtimeEvidenceOf(snapshot),
    };
  })().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

/** Predict catalog-id specs (used by the UI and by the e2e test that compares with Node). */
export async function predictSpecs(specs: readonly QuerySpec[]): Promise<Prediction[]> {
  const { engine, snapshot } = await loadEngineBrowser();
  const hw = new Map(snapshot.hardware.map((h) => [h.id, h]));
  const models = new Map(snapshot.models.map((m) => [m.id, m]));
  return engine.predictMany(specs.map((s) => queryFromSpec(s, hw, models)));
}

declare global {
  interface Window {
    /** Test and console hook: predictions for catalog-id specs, computed in this page. */
    __rooflightPredict?: typeof predictSpecs;
  }
}
