import { useQuery } from '@tanstack/react-query';
import { sourcesQuery } from '../../queries/lookups.ts';

/** Every source of the snapshot. */
export function useSources() {
  return useQuery(sourcesQuery());
}
