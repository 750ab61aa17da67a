/** Case- and punctuation-insensitive access to a table's columns, as known formats name them. */
import { headerKey } from '../mapping.ts';
import { recordText } from '../table.ts';
import type { BadRow, ImportField, RawRow, SourceRecord } from '../types.ts';
import { cellText } from '../values.ts';

export interface ColumnFinder {
  /** The file's own column for any of these names (first match), or undefined. */
  find(...names: string[]): string | undefined;
  has(...names: string[]): boolean;
}

export function columnFinder(columns: readonly string[]): ColumnFinder {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(headerKey(c))) byKey.set(headerKey(c), c);
  const find = (...names: string[]) => {
    for (const n of names) {
      const c = byKey.get(headerKey(n));
      if (c !== undefined) return c;
    }
    return undefined;
  };
  return { find, has: (...names) => names.every((n) => find(n) !== undefined) };
}

/** A raw row under construction: `take` copies a column's cell into a field and remembers the column. */
export function rowBuilder(rec: SourceRecord) {
  const row: RawRow = { row: rec.row, values: {}, columns: {}, record: rec.cells };
  return {
    row,
    take(field: ImportField, column: string | undefined): void {
      if (column === undefined) return;
      row.values[field] = rec.cells[column];
      row.columns[field] = column;
    },
    set(field: ImportField, value: unknown, column?: string): void {
      row.values[field] = value;
      if (column !== undefined) row.columns[field] = column;
    },
  };
}

/** What a format's parser returns: rows to validate, records it could not use, the columns it read. */
export interface Parsed {
  rows: RawRow[];
  bad: BadRow[];
  read: string[];
  notes?: string[];
}

/** A bad row for a whole record (an unsupported test, a toy model…). */
export function recordBad(rec: SourceRecord, column: string, reason: string, value?: unknown): BadRow {
  const bad: BadRow = { row: rec.row, column, reason, record: recordText(rec.cells) };
  if (value !== undefined && value !== null) bad.value = cellText(value);
  return bad;
}
