/** File helpers for the ingest parsers. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** Rows of a CSV file with a header, as string records (row i of the result is source_row i + 1). */
export function readCsv(rawRoot: string, relPath: string): Record<string, string>[] {
  const text = readFileSync(join(rawRoot, relPath), 'utf8');
  return parse(text, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    trim: true,
  });
}

export function readJson<T = unknown>(rawRoot: string, relPath: string): T {
  return JSON.parse(readFileSync(join(rawRoot, relPath), 'utf8')) as T;
}

export function readText(rawRoot: string, relPath: string): string {
  return readFileSync(join(rawRoot, relPath), 'utf8');
}

export function exists(rawRoot: string, relPath: string): boolean {
  return existsSync(join(rawRoot, relPath));
}

/** Parse a number as tables write it ("1,234.5", " 12 ", "n/a" → null). */
export function num(raw: string | undefined | null): number | null {
  if (raw == null) return null;
  const s = raw.replace(/,/g, '').trim();
  if (s === '' || /^(n\/?a|nan|none|null|-|—|oom|x)$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}
