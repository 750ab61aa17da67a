import type { SelectionPage } from '../core/share/selection.ts';

/**
 * The pages in the nav, in order. The page itself lives in the selection (`?page=<id>`, `recommend` when
 * absent); see src/state/selection-slice.ts.
 */
export const PAGES = [
  'recommend',
  'predict',
  'data',
  'yours',
  'matrix',
  'lab',
  'accuracy',
  'sources',
] as const satisfies readonly SelectionPage[];
export type Page = (typeof PAGES)[number];
