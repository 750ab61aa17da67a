/**
 * Browser: the learned engine with your visible imported rows as evidence (engineWithImported: measured
 * references the transfer layer scales to other devices, and neighbours), built on the engine
 * loadEngineBrowser loads. Transfer answers that used your rows say so in their explanation.
 */
import referencesUrl from '../../models/efficiency/references.bin?url';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import type { Observation } from '../core/predict/observation.ts';
import { snapshotObservations } from './engine-build.ts';
import { loadEngineBrowser, type BrowserEngine } from './engine-browser.ts';
import { engineWithImported } from './engine-imported.ts';
import type { SnapshotRows } from './parquet-rows.ts';

export interface YoursEvidence {
  /** Your visible rows given to the engine. */
  rows: number;
  /** Of them, the measured references (the rest: memory rows, no roofline, flagged above it…). */
  references: number;
}

export type EngineWithYours = BrowserEngine & { yours: YoursEvidence };

const observationsOf = new WeakMap<SnapshotRows, Observation[]>();
let references: Promise<Float32Array | null> | null = null;

/** references.bin (the snapshot references' scores from training); the browser has it cached already. */
function precomputed(): Promise<Float32Array | null> {
  references ??= fetch(referencesUrl)
    .then((r) => (r.ok ? r.arrayBuffer() : null))
    .then((b) => (b ? new Float32Array(b) : null))
    .catch(() => null);
  return references;
}

/** The learned engine with `rows` (your visible rows) among its evidence. */
export async function loadEngineWithYours(rows: readonly MeasurementRow[]): Promise<EngineWithYours> {
  const base = await loadEngineBrowser();
  if (rows.length === 0) return { ...base, yours: { rows: 0, references: 0 } };
  let observations = observationsOf.get(base.snapshot);
  if (base.model && !observations) {
    observations = snapshotObservations(base.snapshot);
    observationsOf.set(base.snapshot, observations);
  }
  const built = await engineWithImported(
    { snapshot: base.snapshot, manifest: base.manifest, model: base.model, observations: observations ?? [] },
    rows,
    base.model ? await precomputed() : null,
  );
  return { ...base, engine: built.engine, yours: { rows: rows.length, references: built.imported.length } };
}
