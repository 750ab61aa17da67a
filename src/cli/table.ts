/** Plain-text tables for the terminal: columns padded to their widest cell, numbers aligned right. */

export interface Column<T> {
  header: string;
  cell: (row: T) => string;
  /** Right-align (numbers). */
  right?: boolean;
}

/** The rows as a table: a header line, a rule, then one line per row; trailing spaces trimmed. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const width = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]!.right ? v.padStart(width[i]!) : v.padEnd(width[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(width.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
    '\n',
  );
}
