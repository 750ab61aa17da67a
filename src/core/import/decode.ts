/**
 * Bytes → text, or "this is Parquet", or a clear refusal: empty, too large, binary, not UTF-8, truncated
 * Parquet. By content first (magic numbers, BOMs, NUL bytes); the file name only breaks ties later.
 */
import type { ImportError, ImportErrorCode } from './types.ts';

/** The largest file read (50 MiB): big enough for any benchmark log, small enough to parse in a tab. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const PAR1 = [0x50, 0x41, 0x52, 0x31];

export type Decoded =
  | { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { kind: 'parquet' }
  | { kind: 'error'; error: ImportError };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Other containers people export by mistake, by magic number, with what to do instead. */
const FOREIGN: { sig: number[]; what: string }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx workbook?): export the sheet as CSV' },
  { sig: [0x1f, 0x8b], what: 'gzip-compressed: decompress it first' },
  { sig: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed: decompress it first' },
  { sig: [0x25, 0x50, 0x44, 0x46], what: 'a PDF: export the table as CSV' },
  { sig: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database: export the table as CSV' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel/Office file: save it as CSV' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], what: 'an Arrow IPC file: write it as Parquet or CSV' },
];

export function importError(file: string, code: ImportErrorCode, message: string): ImportError {
  return { status: 'error', file, code, message: `${file}: ${message}` };
}

/** A file that is empty or over MAX_IMPORT_BYTES, by its size alone (checked before reading it), or null. */
export function sizeProblem(file: string, size: number): ImportError | null {
  if (size === 0) return importError(file, 'empty', 'the file is empty (0 bytes)');
  if (size > MAX_IMPORT_BYTES)
    return importError(
      file,
      'too-large',
      `the file is ${mb(size)}; the limit is ${mb(MAX_IMPORT_BYTES)}: split it into smaller files`,
    );
  return null;
}

function decodeWith(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The byte offset of the first invalid UTF-8 sequence (for the message), or -1. */
function firstBadUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** ASCII as UTF-16 without a BOM: a NUL at every other byte of the first 4 KiB. */
function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  return Math.max(even, odd) > n / 2 - n / 16 && Math.min(even, odd) < n / 16;
}

/** Control characters other than tab, CR, LF and form feed in the first 64 KiB: binary, not text. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 65536);
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > Math.max(8, head.length / 100);
}

/**
 * Decode an uploaded file. Text is UTF-8 (a UTF-8 BOM is dropped) or UTF-16 with its BOM; anything else that
 * is not valid UTF-8 is refused with the byte offset, so a Latin-1 or UTF-16-without-BOM export is named as
 * such instead of being read as garbage.
 */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  const fail = (code: ImportErrorCode, message: string): Decoded => ({
    kind: 'error',
    error: importError(file, code, message),
  });
  const size = sizeProblem(file, bytes.length);
  if (size) return { kind: 'error', error: size };
  if (startsWith(bytes, PAR1)) {
    if (bytes.length < 12 || !startsWith(bytes, PAR1, bytes.length - 4))
      return fail(
        'truncated-parquet',
        `a truncated Parquet file (${bytes.length} bytes, no PAR1 footer): the download or copy was cut short`,
      );
    return { kind: 'parquet' };
  }
  if (startsWith(bytes, PAR1, Math.max(0, bytes.length - 4)) && bytes.length >= 8)
    return fail('truncated-parquet', 'a Parquet file with its start missing (PAR1 footer but no header)');
  for (const f of FOREIGN)
    if (startsWith(bytes, f.sig))
      return fail('binary', `${f.what}; Rooflight reads CSV, JSON, Markdown or Parquet`);

  let text: string | null;
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = decodeWith(bytes, encoding);
    if (text === null)
      return fail(
        'encoding',
        `starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}: save it as UTF-8`,
      );
  } else {
    text = decodeWith(bytes, 'utf-8');
    if (text === null) {
      if (looksUtf16(bytes))
        return fail('encoding', 'looks like UTF-16 text without a byte-order mark: save it as UTF-8');
      const at = firstBadUtf8(bytes);
      if (looksBinary(new TextDecoder('utf-8').decode(bytes.subarray(0, 65536))))
        return fail('binary', 'a binary file, not text: Rooflight reads CSV, JSON, Markdown or Parquet');
      return fail(
        'encoding',
        `not valid UTF-8 (first bad byte at offset ${at}; a Latin-1 or Windows-1252 export?): save it as UTF-8`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (encoding === 'utf-8' && text.includes('\u0000') && looksUtf16(bytes))
    return fail('encoding', 'looks like UTF-16 text without a byte-order mark: save it as UTF-8');
  if (looksBinary(text))
    return fail('binary', 'a binary file, not text: Rooflight reads CSV, JSON, Markdown or Parquet');
  if (text.trim() === '') return fail('empty', 'the file holds only whitespace');
  return { kind: 'text', text, encoding };
}
