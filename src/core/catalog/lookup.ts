/**
 * Names as people write them (ids, aliases, vendor names, words in any order) → one catalog entry,
 * case-insensitively. Exact keys first (buildNameIndex), then a tolerant token-set pass; both refuse
 * a name that fits several entries and list the candidates. Unknown names get "did you mean" suggestions.
 */
import { buildNameIndex, HARDWARE_PREFIXES, splitAliases, type Named } from './resolve.ts';
import { nameKey } from './normalize.ts';

export type LookupResult<T extends Named> =
  | { ok: true; entry: T; input: string; via: 'exact' | 'tolerant' }
  | { ok: false; reason: 'ambiguous' | 'unknown'; input: string; candidates: string[]; message: string };

export interface Lookup<T extends Named> {
  resolve(raw: string): LookupResult<T>;
}

/** Words after a number that belong to it: "80 GB", "76-Core". */
const UNIT_WORDS = new Set(['gb', 'g', 'b', 'm', 'core', 'cores', 'c']);
const MAX_LISTED = 8;

/** Lowercase word tokens; `+` → `plus`, dots kept inside tokens (`3.1`), a number joined to its unit. */
export function nameTokens(raw: string): string[] {
  const parts = raw
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .split(/[^a-z0-9.]+/)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t !== '');
  const out: string[] = [];
  for (const t of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\d+$/.test(prev) && UNIT_WORDS.has(t)) out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

function bigrams(key: string): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i < key.length - 1; i++) s.add(key.slice(i, i + 2));
  return s;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

interface Prepared<T> {
  entry: T;
  tokenSets: Set<string>[];
  keys: Set<string>[];
}

/**
 * A resolver over catalog entries. `what` names the kind in messages ("hardware", "model");
 * `prefixes` are vendor words a name may add or omit ("nvidia", "geforce"…).
 */
export function createLookup<T extends Named>(
  entries: readonly T[],
  what: string,
  prefixes: readonly string[] = [],
): Lookup<T> {
  const index = buildNameIndex(entries, prefixes);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const optional = new Set(prefixes);
  const prepared: Prepared<T>[] = entries.map((entry) => {
    const names = [entry.id, entry.name, ...splitAliases(entry.aliases)];
    return {
      entry,
      tokenSets: names.map((n) => new Set(nameTokens(n))),
      keys: names.map((n) => bigrams(nameKey(n))),
    };
  });

  const list = (ids: readonly string[]) =>
    ids.length > MAX_LISTED
      ? `${ids.slice(0, MAX_LISTED).join(', ')} (+${ids.length - MAX_LISTED} more)`
      : ids.join(', ');
  const ambiguous = (input: string, ids: string[]): LookupResult<T> => ({
    ok: false,
    reason: 'ambiguous',
    input,
    candidates: ids,
    message: `ambiguous ${what} "${input}": matches ${list(ids)}; use one of these ids`,
  });

  /** Every non-vendor query token appears in one of the entry's names. */
  const tolerant = (input: string): LookupResult<T> | null => {
    const core = nameTokens(input).filter((t) => !optional.has(t));
    if (core.length === 0) return null;
    const hits: { p: Prepared<T>; exact: boolean }[] = [];
    for (const p of prepared) {
      let matched = false;
      let exact = false;
      for (const set of p.tokenSets) {
        if (!core.every((t) => set.has(t))) continue;
        matched = true;
        const rest = [...set].filter((t) => !optional.has(t));
        if (rest.length === new Set(core).size) exact = true;
      }
      if (matched) hits.push({ p, exact });
    }
    const exactHits = hits.filter((h) => h.exact);
    const pick = exactHits.length === 1 ? exactHits : hits;
    if (pick.length === 1) return { ok: true, entry: pick[0]!.p.entry, input, via: 'tolerant' };
    if (pick.length > 1) return ambiguous(input, pick.map((h) => h.p.entry.id).sort());
    return null;
  };

  const suggest = (input: string, fromIndex: readonly string[]): string[] => {
    const q = bigrams(nameKey(input));
    const scored = prepared
      .map((p) => ({ id: p.entry.id, score: Math.max(...p.keys.map((k) => dice(q, k))) }))
      .filter((s) => s.score >= 0.5)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .map((s) => s.id);
    return [...new Set([...fromIndex, ...scored])].slice(0, 5);
  };

  return {
    resolve(raw: string): LookupResult<T> {
      const input = raw.trim();
      const r = index.resolve(input);
      if (r.kind === 'found') {
        const entry = byId.get(r.id);
        if (entry) return { ok: true, entry, input, via: 'exact' };
      }
      if (r.kind === 'ambiguous') return ambiguous(input, r.candidates);
      // "org/name" (Hugging Face ids): also try the name alone.
      const slash = input.lastIndexOf('/');
      const tail = slash >= 0 ? input.slice(slash + 1) : null;
      if (tail) {
        const t = index.resolve(tail);
        const entry = t.kind === 'found' ? byId.get(t.id) : undefined;
        if (entry) return { ok: true, entry, input, via: 'tolerant' };
      }
      const loose = tolerant(input) ?? (tail ? tolerant(tail) : null);
      if (loose) return loose;
      const suggestions = suggest(input, r.kind === 'unknown' ? r.suggestions : []);
      return {
        ok: false,
        reason: 'unknown',
        input,
        candidates: suggestions,
        message: `unknown ${what} "${input}"${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
      };
    },
  };
}

/** Hardware lookup with vendor words (NVIDIA, GeForce, AMD Instinct…) optional. */
export function hardwareLookup<T extends Named>(rows: readonly T[]): Lookup<T> {
  return createLookup(rows, 'hardware', HARDWARE_PREFIXES);
}

/** Model lookup (Hugging Face "org/name" ids are tried by name too). */
export function modelLookup<T extends Named>(rows: readonly T[]): Lookup<T> {
  return createLookup(rows, 'model');
}
