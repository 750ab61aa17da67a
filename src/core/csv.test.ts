import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
  });

  it('round-trips through a real CSV parser', () => {
    const rows = [
      { a: 'x, y', b: 1, c: null },
      { a: 'he said "no"\r\nthen left', b: -2.5, c: 'ok' },
    ];
    const csv = toCsv(['a', 'b', 'c'], rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv, { columns: true })).toEqual([
      { a: 'x, y', b: '1', c: '' },
      { a: 'he said "no"\r\nthen left', b: '-2.5', c: 'ok' },
    ]);
  });
});
