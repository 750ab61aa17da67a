import { queryOptions } from '@tanstack/react-query';
import type { BrowserEngine } from '../adapters/engine-browser.ts';
import type { MeasurementRow, ModelRow } from '../core/catalog/schema.ts';
import { browserDevices } from '../core/lab/profile.ts';
import { explainRanking, type Explanation } from '../core/select/explain.ts';
import { offlinePlan } from '../core/select/offline-plan.ts';
import { planRanking, predictionMap, rankHardware, type Ranking } from '../core/select/rank.ts';
import { rankRequestFor } from '../core/select/selection-request.ts';
import type { Scenario, Selection } from '../core/share/selection.ts';
import { encodeSelection } from '../core/share/url-codec.ts';

/** Rows explained: the top pick and two fallbacks. */
const EXPLAINED = 3;

/** Which engine answered: the fast roofline-only one, or the learned one that refines it. */
export type EngineKind = 'roofline' | 'learned';

export interface RankingResult {
  kind: EngineKind;
  ranking: Ranking;
  explanations: Explanation[];
  /** Snapshot rows of the model's family (any device): the evidence beside the predictions. */
  familyRows: MeasurementRow[];
  /**
   * The scenario ranked: the selection's, except that the roofline ranking stays single-stream (the offline
   * search needs the learned engine, which refines it).
   */
  scenario: Scenario;
  ms: number;
}

/** The part of the selection a ranking depends on (no page, no link versions), as a stable key. */
export const rankingKey = (s: Selection): string =>
  encodeSelection({ ...s, page: 'data', hardware: [], sv: null, mv: null });

/** Measurements of the model's family; for a custom model (family `custom`) none. */
function familyMeasurements(e: BrowserEngine, model: ModelRow): MeasurementRow[] {
  if (model.family === 'custom' || model.family === '') {
    return e.snapshot.measurements.filter((r) => r.model_id === model.id);
  }
  const ids = new Set(e.snapshot.models.filter((m) => m.family === model.family).map((m) => m.id));
  return e.snapshot.measurements.filter((r) => ids.has(r.model_id));
}

/** Plan (offline: search each device's operating point) → one batched predictMany → rank → explain, on one engine. */
export async function computeRanking(
  kind: EngineKind,
  e: BrowserEngine,
  selection: Selection,
  model: ModelRow,
): Promise<RankingResult> {
  const t0 = performance.now();
  // A measured browser profile (this browser's, or one from a link) adds its "This browser" devices.
  const hardware = selection.lab
    ? [...e.snapshot.hardware, ...browserDevices(selection.lab)]
    : e.snapshot.hardware;
  const req = rankRequestFor(selection, model, hardware, e.evidence());
  const scenario = kind === 'learned' ? selection.scenario : 'single-stream';
  let plan = planRanking(req);
  if (scenario === 'offline')
    plan = await offlinePlan(plan, req, model, (qs) => e.engine.predictMany(qs, { consistency: false }));
  const preds = await e.engine.predictMany(
    plan.queries.map((q) => ({
      workload: q.workload,
      hw: q.hardware,
      model,
      metric: q.metric,
      runtime: q.workload.runtime ?? null,
    })),
  );
  const ranking = rankHardware(req, predictionMap(plan.queries, preds), plan);
  const familyRows = familyMeasurements(e, model);
  const models = new Map(e.snapshot.models.map((m) => [m.id, m]));
  // Only the picks are explained (each against the next row); the table needs no sentences.
  const explained = { ...ranking, ranked: ranking.ranked.slice(0, EXPLAINED + 1) };
  const explanations = explainRanking(explained, familyRows, models).slice(0, EXPLAINED);
  return { kind, ranking, explanations, familyRows, scenario, ms: performance.now() - t0 };
}

/** The ranking of one engine for a selection, cached by the selection's ranking key. */
export function rankingQuery(
  kind: EngineKind,
  selection: Selection,
  engine: BrowserEngine | undefined,
  model: ModelRow | null,
) {
  return queryOptions({
    queryKey: ['ranking', kind, rankingKey(selection)],
    queryFn: () => computeRanking(kind, engine!, selection, model!),
    enabled: engine !== undefined && model !== null,
    staleTime: Infinity,
  });
}
