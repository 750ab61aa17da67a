import { queryOptions } from '@tanstack/react-query';
import type { BrowserEngine } from '../adapters/engine-browser.ts';
import type { ModelRow } from '../core/catalog/schema.ts';
import { rankSelection, type SelectionRanking } from '../core/select/rank-selection.ts';
import type { Selection } from '../core/share/selection.ts';
import { encodeSelection } from '../core/share/url-codec.ts';

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
}

/** The part of the selection a ranking depends on (no page, no link versions), as a stable key. */
export const rankingKey = (s: Selection): string =>
  encodeSelection({ ...s, page: 'data', hardware: [], sv: null, mv: null });

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
  return { kind, ...r, ms: performance.now() - t0 };
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
