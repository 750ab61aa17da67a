import { useQuery } from '@tanstack/react-query';
import type { FilterField } from '../../core/sql/lookups.ts';
import { filterOptionsQuery } from '../../queries/lookups.ts';

/** Options for a filter dropdown (empty while loading or on error). */
export function useFilterOptions(field: FilterField) {
  const q = useQuery(filterOptionsQuery(field));
  return q.data ?? [];
}
