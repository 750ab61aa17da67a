import { describe, expect, it } from 'vitest';
import { decodeBytes, MAX_IMPORT_BYTES } from './decode.ts';
import { CATALOG, utf8 } from './fixtures.test-util.ts';
import { importBytes } from './import.ts';

const errorOf = (bytes: Uint8Array, file = 'f.csv') => {
  const d = decodeBytes(bytes, file);
  return d.kind === 'error' ? d.error : null;
};

describe('decodeBytes', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeBytes(utf8('a,b\n1,2'), 'f.csv')).toEqual({
      kind: 'text',
      text: 'a,b\n1,2',
      encoding: 'utf-8',
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('héllo')]);
    expect(decodeBytes(bom, 'f.csv')).toMatchObject({ text: 'héllo' });
  });

  it('reads UTF-16 with its byte-order mark, little and big endian', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'a,é'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeBytes(le, 'f.csv')).toMatchObject({ kind: 'text', text: 'a,é', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, ...[...'a,b'].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(decodeBytes(be, 'f.csv')).toMatchObject({ kind: 'text', text: 'a,b', encoding: 'utf-16be' });
  });

  it('refuses empty, whitespace-only and oversized files with a clear message', () => {
    expect(errorOf(new Uint8Array(0))).toMatchObject({
      code: 'empty',
      message: 'f.csv: the file is empty (0 bytes)',
    });
    expect(errorOf(utf8('  \n\t\n'))).toMatchObject({ code: 'empty' });
    const big = new Uint8Array(100 * 1024 * 1024);
    expect(errorOf(big)).toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/100\.0 MB; the limit is 50\.0 MB/),
    });
    expect(errorOf(new Uint8Array(MAX_IMPORT_BYTES + 1))?.code).toBe('too-large');
  });

  it('names binary files, archives and UTF-16 without a BOM', () => {
    expect(errorOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))?.message).toMatch(/xlsx/);
    expect(errorOf(new Uint8Array([0x1f, 0x8b, 8, 0]))?.message).toMatch(/gzip/);
    expect(errorOf(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7, 8, 9]))?.code).toBe('binary');
    const utf16NoBom = new Uint8Array([...'model,hardware'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(errorOf(utf16NoBom)).toMatchObject({ code: 'encoding', message: expect.stringMatching(/UTF-16/) });
  });

  it('names a Latin-1 file as not UTF-8, with the offset of the first bad byte', () => {
    const latin1 = new Uint8Array([...utf8('model,hardware\ncaf'), 0xe9, ...utf8(',x\n')]);
    expect(errorOf(latin1)).toMatchObject({
      code: 'encoding',
      message: expect.stringMatching(/offset 18.*UTF-8/),
    });
  });

  it('tells Parquet by its magic and a truncated one by its missing footer', () => {
    const par = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 5, 6, 0x50, 0x41, 0x52, 0x31]);
    expect(decodeBytes(par, 'x.bin')).toEqual({ kind: 'parquet' });
    expect(errorOf(par.subarray(0, 9))).toMatchObject({
      code: 'truncated-parquet',
      message: expect.stringMatching(/truncated/),
    });
  });
});

describe('importBytes on unreadable content', () => {
  it('turns every refusal into an error outcome, never a throw', () => {
    for (const bytes of [
      new Uint8Array(0),
      utf8('{"a": '),
      utf8('[1, 2'),
      utf8('model\n'),
      utf8('[]'),
      utf8('{}'),
      utf8('"just text"'),
      utf8('null'),
    ]) {
      const r = importBytes(bytes, 'x.json', CATALOG);
      expect(r.status).not.toBe('ok');
    }
    expect(importBytes(utf8('model,hardware\n'), 'x.csv', CATALOG)).toMatchObject({
      status: 'error',
      code: 'no-rows',
    });
    expect(importBytes(utf8('{"a": '), 'x.json', CATALOG)).toMatchObject({
      status: 'error',
      code: 'unreadable',
      message: expect.stringMatching(/not valid JSON/),
    });
  });
});
