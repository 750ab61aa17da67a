import { queryOptions } from '@tanstack/react-query';
import type { SourceRow } from '../core/catalog/schema.ts';
import { distinctValues, listSources, type FilterField, type FilterOption } from '../core/sql/lookups.ts';
import { run } from './run.ts';

/** Options for one filter dropdown. */
export function filterOptionsQuery(field: FilterField) {
  return queryOptions({
    queryKey: ['filter-options', field],
    queryFn: () => run<FilterOption>(distinctValues(field)),
    staleTime: Infinity,
  });
}

/** Every source in the snapshot. */
export function sourcesQuery() {
  return queryOptions({
    queryKey: ['sources'],
    queryFn: () => run<SourceRow>(listSources()),
    staleTime: Infinity,
  });
}
