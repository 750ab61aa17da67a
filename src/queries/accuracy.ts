import { queryOptions } from '@tanstack/react-query';
import type { Statement } from '../core/db.ts';
import {
  accuracyByGroup,
  accuracyOptions,
  evidenceStats,
  holdoutPoints,
  largestErrors,
  type AccuracyFilterKey,
  type AccuracyFilters,
  type AccuracyGroup,
  type AccuracyGroupRow,
  type AccuracyOption,
  type EvidenceStat,
  type HoldoutPoint,
} from '../core/sql/accuracy.ts';
import { run } from './run.ts';

/** Most points the scatter draws (an even, fixed sample beyond that: SVG stays responsive). */
export const SCATTER_LIMIT = 1500;
/** Rows in the "largest errors" list. */
export const LARGEST_LIMIT = 10;

async function holdout() {
  const { getHoldout } = await import('../adapters/holdout-browser.ts');
  return getHoldout();
}

/** Runs a statement over the `holdout` table once it is loaded; the file's absence is an error here. */
async function runOnHoldout<T>(st: Statement): Promise<T[]> {
  const load = await holdout();
  if (load.status === 'missing') throw new Error(load.reason);
  return run<T>(st);
}

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
    queryKey: ['accuracy', 'groups', group, filters],
    queryFn: () => runOnHoldout<AccuracyGroupRow>(accuracyByGroup(group, filters)),
    staleTime: Infinity,
  });
}

/** The scatter's points: every answered row, or a fixed sample of SCATTER_LIMIT. */
export function holdoutPointsQuery(filters: AccuracyFilters) {
  return queryOptions({
    queryKey: ['accuracy', 'points', filters],
    queryFn: () => runOnHoldout<HoldoutPoint>(holdoutPoints(filters, SCATTER_LIMIT)),
    staleTime: Infinity,
  });
}

/** The answered rows with the largest errors. */
export function largestErrorsQuery(filters: AccuracyFilters) {
  return queryOptions({
    queryKey: ['accuracy', 'largest', filters],
    queryFn: () => runOnHoldout<HoldoutPoint>(largestErrors(filters, LARGEST_LIMIT)),
    staleTime: Infinity,
  });
}

/** A filter's values with their held-out rows. */
export function accuracyOptionsQuery(field: AccuracyFilterKey) {
  return queryOptions({
    queryKey: ['accuracy', 'options', field],
    queryFn: () => runOnHoldout<AccuracyOption>(accuracyOptions(field)),
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
