import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAppStore } from '../../state/store.ts';

/** Query keys whose results include local rows (measurement pages and counts, filter options, sources). */
const AFFECTED = new Set(['measurements', 'filter-options', 'sources']);

/**
 * Marks cached database queries stale when they were fetched before the local rows last changed (a run
 * stored, or the rows cleared), so the table, counts and filters show the database as it is now.
 */
export function useLocalRowsFresh(): void {
  const client = useQueryClient();
  const changedAt = useAppStore((s) => s.dbLocalChangedAt);
  useEffect(() => {
    if (changedAt === 0) return;
    void client.invalidateQueries({
      predicate: (q) =>
        AFFECTED.has(String(q.queryKey[0])) && q.state.dataUpdatedAt > 0 && q.state.dataUpdatedAt < changedAt,
    });
  }, [client, changedAt]);
}
