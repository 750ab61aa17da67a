/**
 * Learned rankings kept between visits (adapters/answer-cache.ts): saved when computed, shown at once on
 * a second visit to the same build until the learned engine has loaded and recomputed them.
 */
import { queryOptions } from '@tanstack/react-query';
import { answerKey, readAnswer, saveAnswer } from '../adapters/answer-cache.ts';
import type { Selection } from '../core/share/selection.ts';
import { rankingKey } from '../core/share/url-codec.ts';
import type { RankingResult } from './ranking.ts';

const keyOf = (selection: Selection) => answerKey('ranking', rankingKey(selection));

/** The saved learned ranking for a selection, or null; also started before the first render (app/preload.ts). */
export const readSavedRanking = (selection: Selection): Promise<RankingResult | null> =>
  readAnswer<RankingResult>(keyOf(selection));

/**
 * Saves a learned ranking for the next visit, without its family rows (the snapshot's own rows, a megabyte
 * the second visit can do without until the engine loads). Marks `rooflight:ranking-saved` for the bench.
 */
export async function saveRanking(selection: Selection, result: RankingResult): Promise<void> {
  if (await saveAnswer(keyOf(selection), { ...result, familyRows: [] }))
    performance.mark('rooflight:ranking-saved');
}

/** The saved ranking as a query; `saved: true` marks it for the status line. */
export function savedRankingQuery(selection: Selection) {
  return queryOptions({
    queryKey: ['ranking', 'saved', rankingKey(selection)],
    queryFn: async (): Promise<RankingResult | null> => {
      const saved = await readSavedRanking(selection);
      return saved ? { ...saved, saved: true } : null;
    },
    staleTime: Infinity,
  });
}
