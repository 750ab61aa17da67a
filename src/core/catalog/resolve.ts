/** Name resolution: benchmark-table spellings → catalog ids, by normalized key over ids, names and aliases. */
import { nameKey } from './normalize.ts';

export interface Named {
  id: string;
  name: string;
  /** `|`-separated aliases. */
  aliases: string;
}

export type Resolution =
  | { kind: 'found'; id: string; via: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown'; suggestions: string[] };

export interface NameIndex {
  resolve(raw: string): Resolution;
  /** Keys claimed by more than one entry (a catalog defect the ingest reports). */
  conflicts: Map<string, string[]>;
}

export function splitAliases(aliases: string): string[] {
  return aliases
    .split('|')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/**
 * Build an index over ids, names and aliases. A key owned by several entries resolves as ambiguous.
 * `stripPrefixes` are vendor words that benchmark tables add or omit ("nvidia", "geforce"…): a name is
 * also tried without them.
 */
export function buildNameIndex(entries: readonly Named[], stripPrefixes: readonly string[] = []): NameIndex {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    if (key === '') return;
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
    set.add(id);
  };
  const strip = (key: string): string => {
    let k = key;
    for (let changed = true; changed;) {
      changed = false;
      for (const p of stripPrefixes) {
        if (k.startsWith(p) && k.length > p.length) {
          k = k.slice(p.length);
          changed = true;
        }
      }
    }
    return k;
  };
  for (const e of entries) {
    for (const n of [e.id, e.name, ...splitAliases(e.aliases)]) {
      const key = nameKey(n);
      add(key, e.id);
      const stripped = strip(key);
      if (stripped !== key) add(stripped, e.id);
    }
  }
  const conflicts = new Map<string, string[]>();
  for (const [key, ids] of byKey) if (ids.size > 1) conflicts.set(key, [...ids].sort());

  const lookup = (key: string): Resolution | null => {
    const ids = byKey.get(key);
    if (!ids) return null;
    if (ids.size === 1) return { kind: 'found', id: [...ids][0] as string, via: key };
    return { kind: 'ambiguous', candidates: [...ids].sort() };
  };

  return {
    conflicts,
    resolve(raw: string): Resolution {
      const key = nameKey(raw);
      const hit = lookup(key) ?? lookup(strip(key));
      if (hit) return hit;
      const suggestions = [...byKey.keys()]
        .filter((k) => k.includes(key) || (key.length >= 4 && key.includes(k) && k.length >= 4))
        .flatMap((k) => [...(byKey.get(k) ?? [])])
        .filter((id, i, all) => all.indexOf(id) === i)
        .slice(0, 8);
      return { kind: 'unknown', suggestions };
    },
  };
}

/** Vendor words tables add or omit before device names. */
export const HARDWARE_PREFIXES = [
  'nvidia',
  'geforce',
  'tesla',
  'amd',
  'radeon',
  'instinct',
  'intel',
  'apple',
  'google',
];
