/**
 * The Accuracy page's filters in the link: `acc_source`, `acc_metric`, `acc_runtime`, `acc_kind`,
 * `acc_evidence` beside `page=accuracy`. They are the page's own parameters, kept apart from the shared
 * selection's codec (core/share/url-codec.ts), which does not know them.
 */
import { ACCURACY_FILTER_KEYS, type AccuracyFilterKey, type AccuracyFilters } from '../sql/accuracy.ts';

export const ACCURACY_PARAM_PREFIX = 'acc_';
const MAX_VALUE = 128;
/** What a filter value may hold: ids, runtime classes, evidence levels (`transfer:runtime:near`). */
const VALUE = /^[a-z0-9][a-z0-9._:+/-]*$/i;

export const paramOf = (key: AccuracyFilterKey): string => `${ACCURACY_PARAM_PREFIX}${key}`;

/** The filters in a query string; values that are not plausible ids are dropped. */
export function readAccuracyParams(search: string): AccuracyFilters {
  const params = new URLSearchParams(search);
  const out: AccuracyFilters = {};
  for (const key of ACCURACY_FILTER_KEYS) {
    const v = params.get(paramOf(key))?.trim();
    if (v && v.length <= MAX_VALUE && VALUE.test(v)) out[key] = v;
  }
  return out;
}

/** True when the query string carries any `acc_` parameter. */
export function hasAccuracyParams(search: string): boolean {
  return [...new URLSearchParams(search).keys()].some((k) => k.startsWith(ACCURACY_PARAM_PREFIX));
}

/**
 * `search` with its `acc_` parameters replaced by the filters (empty filters removed), every other
 * parameter kept in place. Returns the query without its `?`.
 */
export function writeAccuracyParams(search: string, filters: AccuracyFilters): string {
  const params = new URLSearchParams(search);
  for (const k of [...params.keys()]) if (k.startsWith(ACCURACY_PARAM_PREFIX)) params.delete(k);
  for (const key of ACCURACY_FILTER_KEYS) {
    const v = filters[key];
    if (v) params.set(paramOf(key), v);
  }
  // Readable links: `:` and `/` need no escaping in a query value.
  return params.toString().replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

/** The query string (no `?`) of a link to the Accuracy page with these filters. */
export function accuracyLinkSearch(filters: AccuracyFilters): string {
  return writeAccuracyParams('page=accuracy', filters);
}
