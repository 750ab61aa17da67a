import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

/** The app's pages, in nav order. `?page=<id>` in the URL; `data` when absent. */
export const PAGES = ['predict', 'data', 'sources'] as const;
export type Page = (typeof PAGES)[number];

/** The page named by a URL's `?page=`, or `data`. */
export function pageFromSearch(search: string): Page {
  const p = new URLSearchParams(search).get('page');
  return (PAGES as readonly string[]).includes(p ?? '') ? (p as Page) : 'data';
}

/** The URL (path + query + hash) for a page, keeping other query parameters. */
export function urlForPage(page: Page, location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const params = new URLSearchParams(location.search);
  if (page === 'data') params.delete('page');
  else params.set('page', page);
  const q = params.toString();
  return `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
}

export interface NavSlice {
  page: Page;
  /** Goes to a page and pushes a history entry (no-op when already there). */
  navigate(page: Page): void;
  /** Adopts the page in the current URL (on load and on back/forward). */
  syncFromUrl(): void;
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set, get) => ({
  page: typeof window === 'undefined' ? 'data' : pageFromSearch(window.location.search),
  navigate(page) {
    if (get().page === page) return;
    window.history.pushState({ page }, '', urlForPage(page, window.location));
    set({ page });
  },
  syncFromUrl() {
    set({ page: pageFromSearch(window.location.search) });
  },
});
