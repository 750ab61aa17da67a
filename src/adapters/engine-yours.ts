/**
 * Browser: the learned engine with your visible imported rows as evidence (engineWithImported: measured
 * references the transfer layer scales to other devices, and neighbours), built on the engine
 * loadEngineBrowser loads. Transfer answers that used your rows say so in their explanation.
 */
import type { MeasurementRow } from '../core/catalog/schema.ts';
import { loadEngineBrowser, type BrowserEngine } from './engine-browser.ts';
import { engineWithImported } from './engine-imported.ts';

export interface YoursEvidence {
  /** Your visible rows given to the engine. */
  rows: number;
  /** Of them, the measured references (the rest: memory rows, no roofline, flagged above it…). */
  references: number;
}

export type EngineWithYours = BrowserEngine & { yours: YoursEvidence };

/** The learned engine with `rows` (your visible rows) among its evidence. */
export async function loadEngineWithYours(rows: readonly MeasurementRow[]): Promise<EngineWithYours> {
  const base = await loadEngineBrowser();
  if (rows.length === 0) return { ...base, yours: { rows: 0, references: 0 } };
  // The observations and their training scores the learned engine was built from: not computed twice.
  const built = await engineWithImported(
    {
      snapshot: base.snapshot,
      manifest: base.manifest,
      model: base.model,
      observations: base.observations ?? [],
    },
    rows,
    base.references ?? null,
  );
  return { ...base, engine: built.engine, yours: { rows: rows.length, references: built.imported.length } };
}
