import { describe, expect, it } from 'vitest';
import { source } from './browser-inference-anecdotes.ts';
import { parseOnce, rawPresent } from './testing-raw.ts';

const parsed = parseOnce(source);
const F = 'browser-inference-anecdotes/anecdotes.csv';

describe.skipIf(!rawPresent('browser-inference-anecdotes'))('browser anecdotes source', () => {
  it('keeps nothing without an identified device or a measured time', () => {
    const r = parsed();
    expect(r.read).toBe(7);
    expect(r.rows).toHaveLength(0);
    for (let row = 1; row <= 7; row++) expect(r.drops.some((d) => d.source_row === row)).toBe(true);
    expect(r.drops).toContainEqual({
      source_file: F,
      source_row: 3,
      reason: 'not a measured time (unit "ratio")',
    });
    expect(r.drops).toContainEqual({
      source_file: F,
      source_row: 2,
      reason: 'measurement disputed in the thread (issue labelled invalid)',
    });
    expect(r.drops.filter((d) => d.reason.startsWith('device not identified'))).toHaveLength(7);
  });
});
