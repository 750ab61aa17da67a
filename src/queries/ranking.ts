import { queryOptions } from '@tanstack/react-query';
import type { BrowserEngine } from '../adapters/engine-browser.ts';
import type { ModelRow } from '../core/catalog/schema.ts';
import { rankSelection, type SelectionRanking } from '../core/select/rank-selection.ts';
import type { Selection } from '../core/share/selection.ts';
import { rankingKey } from '../core/share/url-codec.ts';
import { saveRanking } from './saved-ranking.ts';

/** Which engine answered: the fast roofline-only one, or the learned one that refines it. */
export type EngineKind = 'roofline' | 'learned';

/**
 * One engine's ranking (see rankSelection, shared with the CLI's `recommend`). Its `scenario` is the
 * selection's, except that the roofline ranking stays single-stream (the offline search needs the learned
 * engine, which refines it).
 */
export interface RankingResult extends SelectionRanking {
  kind: EngineKind;
  ms: number;
  /** Saved by this browser on an earlier visit to the same build (shown until the engine recomputes it). */
  saved?: boolean;
}

export { rankingKey };

/** Plan (offline: search each device's operating point) → one batched predictMany → rank → explain, on one engine. */
export async function computeRanking(
  kind: EngineKind,
  e: BrowserEngine,
  selection: Selection,
  model: ModelRow,
): Promise<RankingResult> {
  const t0 = performance.now();
  const scenario = kind === 'learned' ? selection.scenario : 'single-stream';
  const r = await rankSelection(
    { engine: e.engine, snapshot: e.snapshot, evidence: e.evidence() },
    selection,
    model,
    scenario,
  );
  const result: RankingResult = { kind, ...r, ms: performance.now() - t0 };
  // The learned ranking is what a second visit shows first. Kept only on the snapshot's own evidence and
  // the shipped model: not without the model, not with your imported rows (a change to them clears all),
  // not with your calibrated model.
  const own = e as { yours?: { rows: number }; calibration?: unknown };
  const shipped = (own.yours?.rows ?? 0) === 0 && !own.calibration;
  if (kind === 'learned' && e.model && shipped) void saveRanking(selection, result);
  return result;
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
