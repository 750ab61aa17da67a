/**
 * Text → a table of records: CSV/TSV (csv-parse's browser build, which runs in the app's worker and in
 * Node), a Markdown table (llama-bench's default output) or JSON / JSON Lines. Records keep their 1-based
 * number in the file; what cannot be split into cells is reported, never thrown.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { importError } from './decode.ts';
import type { BadRow, Container, ImportError, SourceRecord, Table } from './types.ts';
import { cellText, clip, isRecord } from './values.ts';

/** A record with no prototype, so a column named `__proto__` is just a column. */
const emptyRecord = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

/** Which delimiter the first line uses most (outside quotes): comma, semicolon or tab. */
function delimiterOf(text: string): ',' | ';' | '\t' {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** Header cells made unique and non-empty: blanks become `column N`, repeats get `#2`. */
function headerNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.trim() === '' ? `column ${i + 1}` : c.trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

interface CsvInfoRecord {
  info: { records: number; lines: number };
  record: string[];
}

/** CSV or TSV with a header row. Rows with more cells than the header are reported (a stray delimiter). */
export function csvTable(text: string, fileName: string): Table | ImportError {
  const delimiter = /\.tsv$/i.test(fileName) ? '\t' : delimiterOf(text);
  const unreadable: BadRow[] = [];
  let parsed: CsvInfoRecord[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (err) => {
        const e = err as { message?: string; records?: number; lines?: number } | undefined;
        unreadable.push({
          row: Math.max(1, e?.records ?? 1),
          column: '(row)',
          reason: `CSV syntax: ${e?.message ?? 'unreadable record'}; it and the rest of its record could not be read`,
        });
        return undefined;
      },
    }) as unknown as CsvInfoRecord[];
  } catch (e) {
    return importError(fileName, 'unreadable', `not readable as CSV (${clip((e as Error).message, 160)})`);
  }
  const head = parsed[0];
  if (!head) return importError(fileName, 'no-rows', 'no header row');
  const columns = headerNames(head.record);
  const records: SourceRecord[] = [];
  for (const p of parsed.slice(1)) {
    const row = p.info.records - 1;
    if (p.record.every((c) => c.trim() === '')) continue;
    const cells = emptyRecord();
    columns.forEach((c, i) => (cells[c] = p.record[i] ?? ''));
    if (p.record.length > columns.length && p.record.slice(columns.length).some((c) => c.trim() !== '')) {
      unreadable.push({
        row,
        column: '(row)',
        reason: `${p.record.length} cells but the header has ${columns.length} (an unquoted delimiter in a value?)`,
        record: recordText(cells),
      });
      continue;
    }
    records.push({ row, cells });
  }
  return { container: delimiter === '\t' ? 'tsv' : 'csv', columns, records, unreadable };
}

const TABLE_LINE = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

const splitRow = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

/** Does the text hold a Markdown table (a `| … |` header line followed by a `|---|` separator)? */
export function hasMarkdownTable(text: string): boolean {
  const lines = text.split(/\r?\n/, 400);
  return lines.some((l, i) => TABLE_LINE.test(l) && SEPARATOR.test(lines[i + 1] ?? ''));
}

/** The first Markdown table; each record's number is its line in the file. Lines after it are the trailer. */
export function markdownTable(text: string, fileName: string): Table | ImportError {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l, i) => TABLE_LINE.test(l) && SEPARATOR.test(lines[i + 1] ?? ''));
  if (start < 0) return importError(fileName, 'unknown-format', 'no Markdown table found');
  const columns = headerNames(splitRow(lines[start]!));
  const records: SourceRecord[] = [];
  const unreadable: BadRow[] = [];
  let i = start + 2;
  for (; i < lines.length && TABLE_LINE.test(lines[i]!); i++) {
    const cells = splitRow(lines[i]!);
    const rec = emptyRecord();
    columns.forEach((c, k) => (rec[c] = cells[k] ?? ''));
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c !== ''))
      unreadable.push({
        row: i + 1,
        column: '(row)',
        reason: `${cells.length} cells but the header has ${columns.length}`,
        record: recordText(rec),
      });
    else records.push({ row: i + 1, cells: rec });
  }
  return { container: 'markdown', columns, records, unreadable, trailer: lines.slice(i).join('\n') };
}

const ARRAY_KEYS = ['rows', 'data', 'results', 'measurements', 'records'];

/** Keys in first-seen order over records. */
function keysOf(records: readonly SourceRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.cells)) seen.add(k);
  return [...seen];
}

function fromElements(items: readonly unknown[], container: Container, rowOf: (i: number) => number): Table {
  const records: SourceRecord[] = [];
  const unreadable: BadRow[] = [];
  items.forEach((item, i) => {
    if (isRecord(item)) records.push({ row: rowOf(i), cells: item });
    else
      unreadable.push({
        row: rowOf(i),
        column: '(row)',
        reason: `expected an object (one record), got ${Array.isArray(item) ? 'a list' : item === null ? 'null' : `a ${typeof item}`}`,
        value: cellText(item),
      });
  });
  return { container, columns: keysOf(records), records, unreadable };
}

/**
 * JSON: an array of records, one object (a benchmark's summary: one record), or an object holding the
 * records under `rows`/`data`/`results`/`measurements`. JSON Lines when the whole text is not one JSON
 * value but its lines are.
 */
export function jsonTable(text: string, fileName: string): Table | ImportError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const lines = text.split(/\r?\n/);
    const items: { line: number; value: unknown; error?: string }[] = [];
    for (const [i, l] of lines.entries()) {
      if (l.trim() === '') continue;
      try {
        items.push({ line: i + 1, value: JSON.parse(l) });
      } catch (le) {
        items.push({ line: i + 1, value: undefined, error: (le as Error).message });
      }
    }
    const good = items.filter((x) => x.error === undefined && isRecord(x.value));
    if (items.length < 2 || good.length === 0)
      return importError(fileName, 'unreadable', `not valid JSON (${clip((e as Error).message, 160)})`);
    const table = fromElements(
      good.map((x) => x.value),
      'jsonl',
      (k) => good[k]!.line,
    );
    for (const x of items)
      if (x.error !== undefined || !isRecord(x.value))
        table.unreadable.push({
          row: x.line,
          column: '(row)',
          reason:
            x.error !== undefined
              ? `not valid JSON (${clip(x.error, 120)})`
              : 'expected an object (one record)',
        });
    table.unreadable.sort((a, b) => a.row - b.row);
    return table;
  }
  if (Array.isArray(value)) return fromElements(value, 'json', (i) => i + 1);
  if (isRecord(value)) {
    const key = ARRAY_KEYS.find((k) => Array.isArray(value[k]) && (value[k] as unknown[]).some(isRecord));
    if (key) return fromElements(value[key] as unknown[], 'json', (i) => i + 1);
    return {
      container: 'json',
      columns: Object.keys(value),
      records: [{ row: 1, cells: value }],
      unreadable: [],
    };
  }
  return importError(
    fileName,
    'unknown-format',
    `JSON holding ${value === null ? 'null' : `a ${typeof value}`}, not records`,
  );
}

/** Records given as objects (decoded Parquet): numbered from 1 in order. */
export function recordsTable(items: readonly unknown[], container: Container): Table {
  return fromElements(items, container, (i) => i + 1);
}

/** A record's cells as text, for the bad-rows download. */
export function recordText(cells: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cells)) out[k] = cellText(v);
  return out;
}

/** Read text by content: JSON when it starts with `[` or `{`, a Markdown table, else CSV/TSV. */
export function textTable(text: string, fileName: string): Table | ImportError {
  const t = text.trimStart();
  if (t.startsWith('[') || t.startsWith('{')) return jsonTable(text, fileName);
  if (/\.(md|markdown)$/i.test(fileName) || (t.startsWith('|') && hasMarkdownTable(text)))
    return markdownTable(text, fileName);
  if (
    !/\.(csv|tsv)$/i.test(fileName) &&
    !/[,;\t]/.test(t.split(/\r?\n/, 1)[0] ?? '') &&
    hasMarkdownTable(text)
  )
    return markdownTable(text, fileName);
  return csvTable(text, fileName);
}
