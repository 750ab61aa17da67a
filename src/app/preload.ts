/**
 * What the first page needs, started before React renders. The predictor pages wait on the snapshot's
 * decode and the engine built on it; starting them here overlaps that work with loading React, the page
 * chunk and the first render (the engine module caches its promise, so the page's own query picks this load
 * up, and a failure is left for that query to report and retry). Recommend first looks for the learned
 * ranking this browser saved on an earlier visit: when there is one, the decode (a second of main-thread
 * work) waits for the page's own queries, so the saved ranking is on screen first.
 */
import type { Selection, SelectionPage } from '../core/share/selection.ts';
import { readSavedRanking } from '../queries/saved-ranking.ts';

const ENGINE_PAGES: ReadonlySet<SelectionPage> = new Set(['recommend', 'compare', 'predict', 'matrix']);

function startEngine(): void {
  void import('../adapters/engine-browser.ts').then((m) => m.loadRooflineEngine()).catch(() => undefined);
}

export function preloadFor(selection: Selection): void {
  // The same module app.tsx loads lazily: fetching it now saves the shell's first render.
  if (selection.page === 'recommend') void import('../features/recommend/recommend-page.tsx');
  if (!ENGINE_PAGES.has(selection.page)) return;
  if (selection.page !== 'recommend') {
    startEngine();
    return;
  }
  void readSavedRanking(selection).then((saved) => {
    if (!saved) startEngine();
  });
}
