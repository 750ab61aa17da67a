import { useCallback, useEffect, useSyncExternalStore } from 'react';
import {
  ACCURACY_PARAM_PREFIX,
  hasAccuracyParams,
  readAccuracyParams,
  writeAccuracyParams,
} from '../../core/accuracy/link-params.ts';
import type { AccuracyFilterKey, AccuracyFilters } from '../../core/sql/accuracy.ts';
import { useAppStore } from '../../state/store.ts';

/**
 * The Accuracy page's filters live in the link as `acc_source`, `acc_metric`, `acc_runtime`, `acc_kind` and
 * `acc_evidence`, written with history.replaceState, so a reload or a shared link shows the same rows. The
 * shared selection's codec (core/share/url-codec.ts) does not know them: on load the app rewrites the link in
 * its canonical form without them, so the first read of a page load takes them from the link as it was
 * opened (the navigation entry).
 */
let openedLinkRead = false;
let current: AccuracyFilters | null = null;
const listeners = new Set<() => void>();

function initialSearch(): string {
  const here = window.location.search;
  if (openedLinkRead) return here;
  openedLinkRead = true;
  if (hasAccuracyParams(here)) return here;
  const entry = performance.getEntriesByType('navigation')[0];
  if (!entry) return here;
  const opened = new URL(entry.name, window.location.href);
  return opened.searchParams.get('page') === 'accuracy' ? opened.search : here;
}

/** Writes the filters into the current history entry, keeping every other parameter and the entry's state. */
function writeUrl(filters: AccuracyFilters): void {
  const { pathname, search, hash } = window.location;
  const next = writeAccuracyParams(search, filters);
  const url = `${pathname}${next ? `?${next}` : ''}${hash}`;
  if (url !== `${pathname}${search}${hash}`) window.history.replaceState(window.history.state, '', url);
}

function set(filters: AccuracyFilters): void {
  current = filters;
  writeUrl(filters);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Back/forward lands on an entry with its own filters.
  const onPop = () => {
    current = readAccuracyParams(window.location.search);
    listener();
  };
  window.addEventListener('popstate', onPop);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', onPop);
  };
}

function snapshot(): AccuracyFilters {
  current ??= readAccuracyParams(initialSearch());
  return current;
}

/**
 * Puts the page's filters back into the link (after the app's canonical rewrite) and dismisses the link
 * notice when its only complaints are these `acc_` parameters, which this page does use. Call it as soon as
 * the page shows, before its data loads.
 */
export function useAccuracyLink(): void {
  useEffect(() => {
    writeUrl(snapshot());
    // Leaving the page: the next visit reads its own link.
    return () => {
      current = null;
    };
  }, []);
  const issues = useAppStore((s) => s.urlIssues);
  const dismiss = useAppStore((s) => s.dismissUrlIssues);
  useEffect(() => {
    if (issues.length > 0 && issues.every((i) => i.field.startsWith(ACCURACY_PARAM_PREFIX))) dismiss();
  }, [issues, dismiss]);
}

/** The filters, and setters that keep the link in step. */
export function useAccuracyFilters() {
  const filters = useSyncExternalStore(subscribe, snapshot);
  const setFilter = useCallback((key: AccuracyFilterKey, value: string) => {
    const next: AccuracyFilters = { ...snapshot() };
    if (value) next[key] = value;
    else delete next[key];
    set(next);
  }, []);
  // Clearing the filters keeps the set of rows.
  const clear = useCallback(() => {
    const which = snapshot().set;
    set(which ? { set: which } : {});
  }, []);
  return { filters, setFilter, clear };
}
