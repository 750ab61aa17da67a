/**
 * Names as people write them (ids, aliases, vendor names, words in any order) → one catalog entry,
 * case-insensitively and without trademark marks. Exact keys first (buildNameIndex), then a tolerant
 * token-set pass, then a kind-specific last pass (device variants for hardware, checkpoint spellings for
 * models). Every pass refuses a name that fits several entries and lists the candidates. Unknown names get
 * "did you mean" suggestions.
 */
import { deviceVariants, type NamedDevice } from './device-variants.ts';
import { modelSpellings } from './model-names.ts';
import { nameKey, nameTokens } from './normalize.ts';
import { buildNameIndex, HARDWARE_PREFIXES, splitAliases, type Named } from './resolve.ts';

export type LookupResult<T extends Named> =
  | {
      ok: true;
      entry: T;
      input: string;
      via: 'exact' | 'tolerant';
      /** How the entry differs from what the name states (e.g. the catalog row's memory). */
      note?: string;
    }
  | { ok: false; reason: 'ambiguous' | 'unknown'; input: string; candidates: string[]; message: string };

export interface Lookup<T extends Named> {
  resolve(raw: string): LookupResult<T>;
}

/** What a pass made of a name: one entry, or a refusal with the entries it fits. */
export type PassResult<T> =
  | { kind: 'found'; entry: T; via: 'exact' | 'tolerant'; note?: string }
  | { kind: 'refused'; reason: 'ambiguous' | 'unknown'; candidates: string[]; detail?: string };

/**
 * A last pass for names the exact and tolerant passes found nothing for. `match` runs those two passes on
 * another spelling.
 */
export type LastPass<T> = (
  input: string,
  match: (raw: string) => PassResult<T> | null,
) => PassResult<T> | null;

const MAX_LISTED = 8;

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

const namesOf = (e: Named): string[] => [e.id, e.name, ...splitAliases(e.aliases)];
const decimals = (name: string): string[] => name.match(/\d+\.\d+/g) ?? [];

/**
 * A resolver over catalog entries. `what` names the kind in messages ("hardware", "model");
 * `prefixes` are vendor words a name may add or omit ("nvidia", "geforce"…).
 */
export function createLookup<T extends Named>(
  entries: readonly T[],
  what: string,
  prefixes: readonly string[] = [],
  last?: LastPass<T>,
): Lookup<T> {
  const index = buildNameIndex(entries, prefixes);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const optional = new Set(prefixes);
  const prepared = entries.map((entry) => ({
    entry,
    tokenSets: namesOf(entry).map((n) => new Set(nameTokens(n))),
    keys: namesOf(entry).map((n) => bigrams(nameKey(n))),
  }));
  const decimalsOf = new Map(entries.map((e) => [e, new Set(namesOf(e).flatMap(decimals))]));
  /** Exact keys drop dots ("OPT-1.3B" and "OPT-13B" share a key): the entry must carry the name's decimals. */
  const keepsDecimals = (input: string, entry: T) =>
    decimals(input).every((d) => decimalsOf.get(entry)?.has(d));
  const found = (entry: T, via: 'exact' | 'tolerant'): PassResult<T> => ({ kind: 'found', entry, via });
  const ambiguous = (candidates: string[]): PassResult<T> => ({
    kind: 'refused',
    reason: 'ambiguous',
    candidates,
  });

  /** Every non-vendor query token appears in one of the entry's names. */
  const tolerant = (input: string): PassResult<T> | null => {
    const core = nameTokens(input).filter((t) => !optional.has(t));
    if (core.length === 0) return null;
    const hits: { entry: T; exact: boolean }[] = [];
    for (const p of prepared) {
      let matched = false;
      let exact = false;
      for (const set of p.tokenSets) {
        if (!core.every((t) => set.has(t))) continue;
        matched = true;
        const rest = [...set].filter((t) => !optional.has(t));
        if (rest.length === new Set(core).size) exact = true;
      }
      if (matched) hits.push({ entry: p.entry, exact });
    }
    const exactHits = hits.filter((h) => h.exact);
    const pick = exactHits.length === 1 ? exactHits : hits;
    if (pick.length === 1) return found(pick[0]!.entry, 'tolerant');
    if (pick.length > 1) return ambiguous(pick.map((h) => h.entry.id).sort());
    return null;
  };

  /** Exact keys, then (for "org/name" ids) the name alone, then the tolerant pass. */
  const match = (input: string): PassResult<T> | null => {
    const r = index.resolve(input);
    const entry = r.kind === 'found' ? byId.get(r.id) : undefined;
    if (entry && keepsDecimals(input, entry)) return found(entry, 'exact');
    if (r.kind === 'ambiguous') return ambiguous(r.candidates);
    const slash = input.lastIndexOf('/');
    const tail = slash >= 0 ? input.slice(slash + 1) : null;
    if (tail) {
      const t = index.resolve(tail);
      const hit = t.kind === 'found' ? byId.get(t.id) : undefined;
      if (hit && keepsDecimals(tail, hit)) return found(hit, 'tolerant');
    }
    return tolerant(input) ?? (tail ? tolerant(tail) : null);
  };

  const indexHints = (input: string): string[] => {
    const r = index.resolve(input);
    return r.kind === 'unknown' ? r.suggestions : [];
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

  const list = (ids: readonly string[]) =>
    ids.length > MAX_LISTED
      ? `${ids.slice(0, MAX_LISTED).join(', ')} (+${ids.length - MAX_LISTED} more)`
      : ids.join(', ');

  return {
    resolve(raw: string): LookupResult<T> {
      const input = raw.trim();
      const r = match(input) ?? last?.(input, match) ?? null;
      if (r?.kind === 'found') {
        const ok = { ok: true, entry: r.entry, input, via: r.via } as const;
        return r.note === undefined ? ok : { ...ok, note: r.note };
      }
      const why = r?.detail ? ` (${r.detail})` : '';
      if (r?.reason === 'ambiguous') {
        return {
          ok: false,
          reason: 'ambiguous',
          input,
          candidates: r.candidates,
          message: `ambiguous ${what} "${input}"${why}: matches ${list(r.candidates)}; use one of these ids`,
        };
      }
      const suggestions = r ? r.candidates.slice(0, MAX_LISTED) : suggest(input, indexHints(input));
      return {
        ok: false,
        reason: 'unknown',
        input,
        candidates: suggestions,
        message: `unknown ${what} "${input}"${why}${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
      };
    },
  };
}

/** Hardware lookup with vendor words (NVIDIA, GeForce, AMD Instinct…) optional and device variants. */
export function hardwareLookup<T extends NamedDevice>(rows: readonly T[]): Lookup<T> {
  const variants = deviceVariants(rows, HARDWARE_PREFIXES, namesOf);
  const last: LastPass<T> = (input, match) => {
    const v = variants(input, (base) => {
      const r = match(base);
      if (r?.kind === 'found') return [r.entry];
      return r?.reason === 'ambiguous' ? rows.filter((e) => r.candidates.includes(e.id)) : [];
    });
    if (v === null) return null;
    if (v.kind === 'refused') {
      const candidates = v.candidates.map((e) => e.id).sort();
      return { kind: 'refused', reason: v.reason, candidates, detail: v.detail };
    }
    return {
      kind: 'found',
      entry: v.entry,
      via: 'tolerant',
      ...(v.note === undefined ? {} : { note: v.note }),
    };
  };
  return createLookup(rows, 'hardware', HARDWARE_PREFIXES, last);
}

/** Model lookup: Hugging Face "org/name" ids by name, vendor-doc spellings and checkpoint suffixes. */
export function modelLookup<T extends Named>(rows: readonly T[]): Lookup<T> {
  const last: LastPass<T> = (input, match) => {
    for (const s of modelSpellings(input)) {
      const r = match(s);
      if (r) return r.kind === 'found' ? { ...r, via: 'tolerant' } : r;
    }
    return null;
  };
  return createLookup(rows, 'model', [], last);
}
