/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; null/undefined → empty. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Rows as RFC 4180 CSV: a header line of `columns`, then one CRLF-terminated line per row
 * with the fields in column order.
 */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => csvField((row as Record<string, unknown>)[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
