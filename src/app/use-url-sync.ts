import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';

/**
 * Keeps the store's selection in step with the URL: on load the URL is rewritten in canonical form
 * (bad fields dropped; the notice names them), and back/forward adopt the URL's selection.
 */
export function useUrlSync(): void {
  const syncFromUrl = useAppStore((s) => s.syncFromUrl);
  useEffect(() => {
    syncFromUrl(true);
    const onPop = () => syncFromUrl();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [syncFromUrl]);
}
