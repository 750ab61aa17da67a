import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { modelVersion, resolveSelectionModel } from '../core/select/rank-selection.ts';
import type { Selection } from '../core/share/selection.ts';
import { engineQuery, rooflineEngineQuery } from '../queries/engine.ts';
import { rankingKey, rankingQuery, type RankingResult } from '../queries/ranking.ts';
import { useAppStore } from '../state/store.ts';

/**
 * Both engines and both rankings for a selection: the roofline ranking answers first, the learned one
 * refines it. `shown` is the best ranking for the current selection (else the previous one while computing).
 */
export function useRanking(selection: Selection) {
  const fastEngine = useQuery(rooflineEngineQuery());
  const learnedEngine = useQuery(engineQuery());
  const base = fastEngine.data ?? learnedEngine.data;
  const models = useMemo(() => new Map((base?.snapshot.models ?? []).map((m) => [m.id, m])), [base]);

  // An id the catalog lacks (from a link): rank the default model and say so (once the catalog is loaded).
  const { effective, unknownModel, model, modelError } = base
    ? resolveSelectionModel(selection, models)
    : { effective: selection, unknownModel: null, model: null, modelError: null };

  const fast = useQuery({
    ...rankingQuery('roofline', effective, fastEngine.data, model),
    placeholderData: keepPreviousData,
  });
  const refined = useQuery({
    ...rankingQuery('learned', effective, learnedEngine.data, model),
    placeholderData: keepPreviousData,
  });
  const current = (q: typeof fast) => (q.data && !q.isPlaceholderData ? q.data : undefined);
  const shown: RankingResult | undefined = current(refined) ?? current(fast) ?? refined.data ?? fast.data;
  const stale = shown !== undefined && shown !== current(refined) && shown !== current(fast);

  const setRunningVersions = useAppStore((s) => s.setRunningVersions);
  const manifest = base?.manifest;
  useEffect(() => {
    if (manifest) setRunningVersions({ snapshot: manifest.snapshot, model: modelVersion(manifest) });
  }, [manifest, setRunningVersions]);

  return {
    fastEngine,
    learnedEngine,
    models,
    model,
    modelError,
    unknownModel,
    fast,
    refined,
    shown,
    stale,
    rankKey: rankingKey(effective),
  };
}

const marked = new Set<string>();

/** Performance marks for the bench: the first ranking on screen, and the first refined (learned) one. */
export function useRankingMarks(shown: RankingResult | undefined): void {
  const kind = shown?.kind;
  useEffect(() => {
    if (!kind) return;
    if (!marked.has('first')) {
      marked.add('first');
      performance.mark('rooflight:first-ranking');
    }
    if (kind === 'learned' && !marked.has('refined')) {
      marked.add('refined');
      performance.mark('rooflight:refined-ranking');
    }
  }, [kind]);
}
