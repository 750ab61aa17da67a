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
import type { Observation } from '../core/predict/observation.ts';
import { queryFromSpec, type QuerySpec } from '../core/predict/spec.ts';
import type { Manifest, Prediction } from '../core/predict/types.ts';
import type { RuntimeEvidence } from '../core/predict/runtime-choice.ts';
import {
  HARDWARE_COLUMNS,
  MEASUREMENT_COLUMNS,
  MODEL_COLUMNS,
  SNAPSHOT_TABLES,
  SOURCE_COLUMNS,
  type Columns,
  type SnapshotTable,
} from '../core/catalog/columns.ts';
import type { HardwareRow, MeasurementRow, ModelRow, SourceRow } from '../core/catalog/schema.ts';
import {
  buildEngine,
  EVIDENCE_COLUMNS,
  manifestMatches,
  runtimeEvidenceFrom,
  type EvidenceRow,
} from './engine-build.ts';
import { parquetRows, type SnapshotRows } from './parquet-rows.ts';
import { fetchSnapshotFile } from './snapshot-fetch.ts';
import type { TfjsEfficiencyModel } from './tfjs-model.ts';
import { TFJS_WASM_PATHS } from './tfjs-wasm-paths.ts';

export interface BrowserEngine {
  engine: PredictionEngine;
  snapshot: SnapshotRows;
  /** Whether `snapshot.measurements` holds the measurements (false for the fast roofline engine: empty). */
  measured: boolean;
  /** The snapshot's observations the references were built from (empty without a learned model). */
  observations?: readonly Observation[];
  /** references.bin as loaded (the observations' scores from training), or null. */
  references?: Float32Array | null;
  manifest: Manifest;
  model: TfjsEfficiencyModel | null;
  backend: string;
  /** Why the learned model is not in use, when it is not. */
  modelProblem: string | null;
  loadMs: number;
  /** Which runtimes the snapshot measured where (for `auto`); built on first use, shared by both engines. */
  evidence(): RuntimeEvidence;
}

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

/** One promise per key, reset on failure so that a retry starts over. */
function once<T>(cache: Map<string, Promise<unknown>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = make().catch((e: unknown) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, p);
  }
  return p;
}

const loads = new Map<string, Promise<unknown>>();

/** A snapshot file's bytes, fetched once (the roofline engine and the full snapshot both read measurements). */
const bytesOf = (file: string) => once(loads, `bytes:${file}`, () => fetchSnapshotFile(file));

const decode = <T>(table: SnapshotTable, columns: Columns<T>) =>
  once(loads, `rows:${table}:${columns.length}`, async () =>
    parquetRows<T>(await bytesOf(SNAPSHOT_TABLES[table].file), columns),
  );

/** The small tables: devices, models, sources. */
const catalogOnce = () =>
  Promise.all([
    decode<HardwareRow>('hardware', HARDWARE_COLUMNS),
    decode<ModelRow>('models', MODEL_COLUMNS),
    decode<SourceRow>('sources', SOURCE_COLUMNS),
  ]);

/** All four tables, shared by the learned engine and every page that reads measurements. */
const snapshotOnce = (): Promise<SnapshotRows> =>
  once(loads, 'snapshot', async () => {
    const [[hardware, models, sources], measurements] = await Promise.all([
      catalogOnce(),
      decode<MeasurementRow>('measurements', MEASUREMENT_COLUMNS),
    ]);
    return { hardware, models, sources, measurements };
  });

const EVIDENCE_ONLY: Columns<EvidenceRow> = MEASUREMENT_COLUMNS.filter((c) =>
  (EVIDENCE_COLUMNS as readonly string[]).includes(c.name),
) as Columns<EvidenceRow>;

/**
 * Which runtimes the snapshot measured where, from the five measurement columns it reads: a quarter of the
 * measurements' decode, so the first ranking does not wait for the full snapshot.
 */
const evidenceOnce = (): Promise<RuntimeEvidence> =>
  once(loads, 'evidence', async () => {
    const [[hardware, models], rows] = await Promise.all([
      catalogOnce(),
      decode<EvidenceRow>('measurements', EVIDENCE_ONLY),
    ]);
    return runtimeEvidenceFrom(rows, hardware, models);
  });

/**
 * The fast first engine: the catalog, the runtime evidence and the manifest, no tfjs and no measurement
 * rows — roofline bounds with typical efficiencies. Its snapshot's `measurements` is empty (`measured`
 * false): rows the roofline cannot bound and the nearby measurements wait for the learned engine.
 */
export function loadRooflineEngine(): Promise<BrowserEngine> {
  return once(loads, 'roofline-engine', async () => {
    const t0 = performance.now();
    const [[hardware, models, sources], evidence, manifest] = await Promise.all([
      catalogOnce(),
      evidenceOnce(),
      fetchOk(manifestUrl).then((r) => r.json() as Promise<Manifest>),
    ]);
    const snapshot: SnapshotRows = { hardware, models, sources, measurements: [] };
    const { engine } = await buildEngine(snapshot, manifest, null);
    performance.mark('rooflight:roofline-engine-ready');
    return {
      engine,
      snapshot,
      measured: false,
      manifest,
      model: null,
      backend: 'none',
      modelProblem: 'refining…',
      loadMs: performance.now() - t0,
      evidence: () => evidence,
    };
  });
}

/** The full engine: learned efficiency model on tfjs and measured references. */
export function loadEngineBrowser(): Promise<BrowserEngine> {
  return once(loads, 'learned-engine', async () => {
    const t0 = performance.now();
    const [snapshot, m, evidence] = await Promise.all([snapshotOnce(), loadModel(), evidenceOnce()]);
    const { engine, observations } = await buildEngine(snapshot, m.manifest, m.model, m.references);
    performance.mark('rooflight:engine-ready');
    return {
      engine,
      snapshot,
      observations,
      references: m.references,
      measured: true,
      manifest: m.manifest,
      model: m.model,
      backend: m.backend,
      modelProblem: m.problem,
      loadMs: performance.now() - t0,
      evidence: () => evidence,
    };
  });
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
