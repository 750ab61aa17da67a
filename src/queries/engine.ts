import { queryOptions } from '@tanstack/react-query';

/** The browser prediction engine (snapshot rows + tfjs model), loaded once. */
export function engineQuery() {
  return queryOptions({
    queryKey: ['engine'],
    queryFn: async () => (await import('../adapters/engine-browser.ts')).loadEngineBrowser(),
    staleTime: Infinity,
  });
}

/** The fast first engine (roofline with typical efficiencies; no tfjs), for the first ranking. */
export function rooflineEngineQuery() {
  return queryOptions({
    queryKey: ['engine', 'roofline'],
    queryFn: async () => (await import('../adapters/engine-browser.ts')).loadRooflineEngine(),
    staleTime: Infinity,
  });
}
