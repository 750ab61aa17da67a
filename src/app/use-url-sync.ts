import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';

/** Keeps the store's page in step with the URL on back/forward. */
export function useUrlSync(): void {
  const syncFromUrl = useAppStore((s) => s.syncFromUrl);
  useEffect(() => {
    window.addEventListener('popstate', syncFromUrl);
    return () => window.removeEventListener('popstate', syncFromUrl);
  }, [syncFromUrl]);
}
