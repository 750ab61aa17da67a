import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hardwareLookup, modelLookup, type Lookup } from './lookup.ts';
import { HARDWARE, MODELS } from './lookup-fixtures.test-util.ts';
import { splitAliases, type Named } from './resolve.ts';

const MARKS = ['®', '™', '©', '(R)', '(TM)', '(C)', '(r)', '(tm)'];

/** Each word of a name re-cased and maybe marked, the words joined by other separators. */
const decorated = (name: string) => {
  const words = name.split(/[\s_-]+/).filter((w) => w !== '');
  const n = words.length;
  return fc
    .record({
      upper: fc.array(fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }), {
        minLength: n,
        maxLength: n,
      }),
      marks: fc.array(fc.option(fc.constantFrom(...MARKS), { nil: '' }), { minLength: n, maxLength: n }),
      seps: fc.array(fc.constantFrom(' ', '-', '_', ' - ', '  '), { minLength: n, maxLength: n }),
    })
    .map(({ upper, marks, seps }) =>
      words
        .map((w, i) => {
          const cased = [...w]
            .map((c, j) => (upper[i]![j % 32] ? c.toUpperCase() : c.toLowerCase()))
            .join('');
          return `${cased}${marks[i]}${i < n - 1 ? seps[i] : ''}`;
        })
        .join(''),
    );
};

/** Every name of every entry that resolves to its own entry as written. */
function ownNames<T extends Named>(rows: readonly T[], lookup: Lookup<T>): [string, string][] {
  return rows.flatMap((e) =>
    [e.id, e.name, ...splitAliases(e.aliases)]
      .filter((n) => {
        const r = lookup.resolve(n);
        return r.ok && r.entry.id === e.id;
      })
      .map((n): [string, string] => [n, e.id]),
  );
}

describe.each([
  ['hardware', HARDWARE, hardwareLookup(HARDWARE)],
  ['models', MODELS, modelLookup(MODELS)],
] as const)('%s names, decorated', (_, rows, lookup) => {
  const names = ownNames<Named>(rows, lookup as Lookup<Named>);

  it('covers most of the fixture', () => {
    const all = rows.reduce((s, e) => s + 2 + splitAliases(e.aliases).length, 0);
    expect(names.length / all).toBeGreaterThan(0.9);
  });

  it('still resolve to the same id (marks, case, separators)', () => {
    const pair = fc
      .constantFrom(...names)
      .chain(([name, id]) => decorated(name).map((d) => [d, id] as const));
    fc.assert(
      fc.property(pair, ([raw, id]) => {
        const r = lookup.resolve(raw);
        expect(r.ok ? r.entry.id : r.message).toBe(id);
      }),
      { numRuns: 400 },
    );
  });
});
