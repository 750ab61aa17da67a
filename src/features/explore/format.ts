const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Display text for a table cell: numbers with separators, null as an en dash, objects as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return NUMBER.format(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
