import { queryOptions } from '@tanstack/react-query';
import type { QuerySpec } from '../core/predict/spec.ts';

/** The browser prediction engine (snapshot rows + tfjs model), loaded once. */
export function engineQuery() {
  return queryOptions({
    queryKey: ['engine'],
    queryFn: async () => (await import('../adapters/engine-browser.ts')).loadEngineBrowser(),
    staleTime: Infinity,
  });
}

/** Predictions for specs, cached by their content. */
export function predictionsQuery(specs: readonly QuerySpec[]) {
  return queryOptions({
    queryKey: ['predictions', specs],
    queryFn: async () => (await import('../adapters/engine-browser.ts')).predictSpecs(specs),
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
