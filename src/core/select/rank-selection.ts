/**
 * The Recommend page's ranking of a selection, as one pure function shared by the page (through its TanStack
 * query) and the CLI's `recommend`: resolve the model, add a link's browser devices, plan (offline: search
 * each device's operating point), one batched predictMany, rank, explain the picks.
 */
import type { HardwareRow, MeasurementRow, ModelRow } from '../catalog/schema.ts';
import { browserDevices } from '../lab/profile.ts';
import type { RuntimeEvidence } from '../predict/runtime-choice.ts';
import type { Prediction, Query } from '../predict/types.ts';
import { DEFAULT_SELECTION, type Scenario, type Selection } from '../share/selection.ts';
import { explainRanking, type Explanation } from './explain.ts';
import { offlinePlan } from './offline-plan.ts';
import { planRanking, predictionMap, rankHardware, type Ranking } from './rank.ts';
import { rankRequestFor, selectionModel } from './selection-request.ts';

/** Rows explained: the top pick and two fallbacks. */
export const EXPLAINED = 3;

/** What a ranking asks of the prediction engine (PredictionEngine, or a fake in tests). */
export interface RankingEngine {
  predictMany(queries: readonly Query[], options?: { consistency?: boolean }): Promise<Prediction[]>;
}

/** Everything a ranking reads: the engine, the snapshot's rows and which runtimes it measured where. */
export interface RankingSources {
  engine: RankingEngine;
  snapshot: {
    readonly hardware: readonly HardwareRow[];
    readonly models: readonly ModelRow[];
    readonly measurements: readonly MeasurementRow[];
  };
  /** For `runtime=auto`; null ranks with each precision's default runtime. */
  evidence: RuntimeEvidence | null;
}

export interface SelectionRanking {
  ranking: Ranking;
  /** The top pick and fallbacks, each against the next row. */
  explanations: Explanation[];
  /** Snapshot rows of the model's family (any device): the evidence beside the predictions. */
  familyRows: MeasurementRow[];
  /** The scenario ranked (see rankSelection's `scenario`). */
  scenario: Scenario;
}

export interface ResolvedSelectionModel {
  /** The selection to rank: the given one, or with the default model when it names one the catalog lacks. */
  effective: Selection;
  /** The model id the catalog lacks (from a link), else null. */
  unknownModel: string | null;
  /** The model row to rank; null when it cannot be built (see modelError). */
  model: ModelRow | null;
  /** Why a custom model cannot be ranked, else null. */
  modelError: string | null;
}

/** The selection's model: the catalog row, else (unknown id) the default model, and a custom model's error. */
export function resolveSelectionModel(
  selection: Selection,
  models: ReadonlyMap<string, ModelRow>,
): ResolvedSelectionModel {
  const unknownModel = selection.model !== 'custom' && !models.has(selection.model) ? selection.model : null;
  const effective: Selection = unknownModel
    ? { ...selection, model: DEFAULT_SELECTION.model, custom: null }
    : selection;
  try {
    return { effective, unknownModel, model: selectionModel(effective, models), modelError: null };
  } catch (e) {
    return { effective, unknownModel, model: null, modelError: (e as Error).message };
  }
}

/** The devices ranked: the catalog, plus the "This browser" devices of a measured profile (this browser's, or a link's). */
export function rankingHardware(
  selection: Selection,
  catalog: readonly HardwareRow[],
): readonly HardwareRow[] {
  return selection.lab ? [...catalog, ...browserDevices(selection.lab)] : catalog;
}

/** Measurements of the model's family; for a custom model (family `custom`) its own id's only. */
export function familyMeasurements(snapshot: RankingSources['snapshot'], model: ModelRow): MeasurementRow[] {
  if (model.family === 'custom' || model.family === '') {
    return snapshot.measurements.filter((r) => r.model_id === model.id);
  }
  const ids = new Set(snapshot.models.filter((m) => m.family === model.family).map((m) => m.id));
  return snapshot.measurements.filter((r) => ids.has(r.model_id));
}

/**
 * Rank every device for `selection` with `model` (see resolveSelectionModel). `scenario` defaults to the
 * selection's; the page's first, roofline-only ranking passes `single-stream` (the offline search needs the
 * learned engine, which refines it).
 */
export async function rankSelection(
  src: RankingSources,
  selection: Selection,
  model: ModelRow,
  scenario: Scenario = selection.scenario,
): Promise<SelectionRanking> {
  const req = rankRequestFor(
    selection,
    model,
    rankingHardware(selection, src.snapshot.hardware),
    src.evidence,
  );
  let plan = planRanking(req);
  if (scenario === 'offline')
    plan = await offlinePlan(plan, req, model, (qs) => src.engine.predictMany(qs, { consistency: false }));
  const preds = await src.engine.predictMany(
    plan.queries.map((q) => ({
      workload: q.workload,
      hw: q.hardware,
      model,
      metric: q.metric,
      runtime: q.workload.runtime ?? null,
    })),
  );
  const ranking = rankHardware(req, predictionMap(plan.queries, preds), plan);
  const familyRows = familyMeasurements(src.snapshot, model);
  const models = new Map(src.snapshot.models.map((m) => [m.id, m]));
  // Only the picks are explained (each against the next row); the table needs no sentences.
  const explained = { ...ranking, ranked: ranking.ranked.slice(0, EXPLAINED + 1) };
  const explanations = explainRanking(explained, familyRows, models).slice(0, EXPLAINED);
  return { ranking, explanations, familyRows, scenario };
}

/** The predictor model's version as links record it (`mv`): the seed and training-set size. */
export const modelVersion = (m: { seed: number; trainedRows: number }): string =>
  `s${m.seed}-n${m.trainedRows}`;
