import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Statement } from '../core/db.ts';
import {
  accuracyByGroup,
  accuracyOptions,
  evidenceStats,
  holdoutPoints,
  largestErrors,
  type AccuracyFilters,
  type AccuracyGroup,
  type AccuracyGroupRow,
  type AccuracyOption,
  type AccuracyRowFilterKey,
  type EvidenceStat,
  type HoldoutPoint,
} from '../core/sql/accuracy.ts';
import { run } from './run.ts';
import { YOURS_KEY, yoursHoldoutQuery } from './yours.ts';

/** Most points the scatter draws (an even, fixed sample beyond that: SVG stays responsive). */
export const SCATTER_LIMIT = 1500;
/** Rows in the "largest errors" list. */
export const LARGEST_LIMIT = 10;

async function holdout() {
  const { getHoldout } = await import('../adapters/holdout-browser.ts');
  return getHoldout();
}

/**
 * Runs a statement once its set's table is loaded: `holdout` (the file's absence is an error here) or, for
 * your rows, `holdout_yours` (your rows predicted now).
 */
async function runOnHoldout<T>(st: Statement, set: string | undefined, client: QueryClient): Promise<T[]> {
  if (set === 'yours') await client.fetchQuery(yoursHoldoutQuery());
  else {
    const load = await holdout();
    if (load.status === 'missing') throw new Error(load.reason);
  }
  return run<T>(st);
}

/** Queries over your rows live under YOURS_KEY, so a change to your batches refreshes them. */
const keyOf = (set: string | undefined, ...rest: unknown[]) =>
  set === 'yours' ? [YOURS_KEY, 'accuracy-view', ...rest] : ['accuracy', ...rest];

/** Loads holdout.parquet into DuckDB (once): its row count, or why the file is missing. */
export function holdoutLoadQuery() {
  return queryOptions({
    queryKey: ['accuracy', 'load'],
    queryFn: holdout,
    staleTime: Infinity,
    retry: false,
  });
}

/** The error table for a grouping under the filters (see accuracyByGroup). */
export function accuracyGroupsQuery(group: AccuracyGroup, filters: AccuracyFilters) {
  return queryOptions({
    queryKey: keyOf(filters.set, 'groups', group, filters),
    queryFn: ({ client }) =>
      runOnHoldout<AccuracyGroupRow>(accuracyByGroup(group, filters), filters.set, client),
    staleTime: Infinity,
  });
}

/** The scatter's points: every answered row, or a fixed sample of SCATTER_LIMIT. */
export function holdoutPointsQuery(filters: AccuracyFilters) {
  return queryOptions({
    queryKey: keyOf(filters.set, 'points', filters),
    queryFn: ({ client }) =>
      runOnHoldout<HoldoutPoint>(holdoutPoints(filters, SCATTER_LIMIT), filters.set, client),
    staleTime: Infinity,
  });
}

/** The answered rows with the largest errors. */
export function largestErrorsQuery(filters: AccuracyFilters) {
  return queryOptions({
    queryKey: keyOf(filters.set, 'largest', filters),
    queryFn: ({ client }) =>
      runOnHoldout<HoldoutPoint>(largestErrors(filters, LARGEST_LIMIT), filters.set, client),
    staleTime: Infinity,
  });
}

/** A filter's values with their rows in a set. */
export function accuracyOptionsQuery(field: AccuracyRowFilterKey, set?: string) {
  return queryOptions({
    queryKey: keyOf(set, 'options', field),
    queryFn: ({ client }) => runOnHoldout<AccuracyOption>(accuracyOptions(field, set), set, client),
    staleTime: Infinity,
  });
}

/** Accuracy per evidence level and prefix; empty when this build has no holdout.parquet. */
export function evidenceStatsQuery() {
  return queryOptions({
    queryKey: ['accuracy', 'evidence-stats'],
    queryFn: async () => {
      const load = await holdout();
      return load.status === 'missing' ? [] : run<EvidenceStat>(evidenceStats());
    },
    staleTime: Infinity,
  });
}
