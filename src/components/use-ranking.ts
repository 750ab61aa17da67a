import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Selection } from '../core/share/selection.ts';
import { rankingKey, rankingQuery, type RankingResult } from '../queries/ranking.ts';
import { savedRankingQuery } from '../queries/saved-ranking.ts';
import { useEffect } from 'react';
import { shownAnswer, useEngines } from './use-engines.ts';

/**
 * Both engines and both rankings for a selection: the roofline ranking answers first, the learned one
 * refines it. `shown` is the best ranking for the current selection (else the previous one while computing).
 */
export function useRanking(selection: Selection) {
  const { fastEngine, learnedEngine, models, effective, unknownModel, model, modelError } =
    useEngines(selection);

  const fast = useQuery({
    ...rankingQuery('roofline', effective, fastEngine.data, model),
    placeholderData: keepPreviousData,
  });
  const refined = useQuery({
    ...rankingQuery('learned', effective, learnedEngine.data, model),
    placeholderData: keepPreviousData,
  });
  // A learned ranking saved on an earlier visit stands in until the learned engine has answered.
  const saved = useQuery({ ...savedRankingQuery(effective), enabled: !refined.data });
  const answer = shownAnswer<RankingResult>(fast, refined);
  const fresh = refined.data && !refined.isPlaceholderData;
  const { shown, stale } = !fresh && saved.data ? { shown: saved.data, stale: false } : answer;

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
