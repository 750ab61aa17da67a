/**
 * The bad rows as a CSV to download: where and why (`bad_row, bad_column, bad_value, bad_reason`), then the
 * record's own cells under their own names, so the file can be fixed and imported again (the `bad_*`
 * columns are then ignored).
 */
import { toCsv } from '../csv.ts';
import type { BadRow } from './types.ts';

export const BAD_ROW_COLUMNS = ['bad_row', 'bad_column', 'bad_value', 'bad_reason'] as const;

/** One line per problem (a record with two problems has two lines), in the order given. */
export function badRowsCsv(bad: readonly BadRow[]): string {
  const extra: string[] = [];
  const seen = new Set<string>(BAD_ROW_COLUMNS);
  for (const b of bad)
    for (const k of Object.keys(b.record ?? {}))
      if (!seen.has(k)) {
        seen.add(k);
        extra.push(k);
      }
  const rows = bad.map((b) => ({
    ...b.record,
    bad_row: b.row,
    bad_column: b.column,
    bad_value: b.value ?? '',
    bad_reason: b.reason,
  }));
  return toCsv([...BAD_ROW_COLUMNS, ...extra], rows);
}
