import type { MeasurementRow } from '../../core/catalog/schema.ts';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const cell = (v: string | number | null) => (v === null ? '–' : typeof v === 'number' ? NUMBER.format(v) : v);

const COLUMNS: { key: keyof MeasurementRow; label: string; numeric?: boolean }[] = [
  { key: 'source_row', label: 'Row', numeric: true },
  { key: 'hardware_id', label: 'Hardware' },
  { key: 'model_id', label: 'Model' },
  { key: 'metric', label: 'Metric' },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'unit', label: 'Unit' },
  { key: 'precision', label: 'Precision' },
  { key: 'batch_size', label: 'Batch', numeric: true },
  { key: 'runtime', label: 'Runtime' },
  { key: 'flags', label: 'Flags' },
];

/** The first rows of an import or a batch, as they will be stored. */
export function RowsTable({
  rows,
  label,
  limit = 20,
}: {
  rows: readonly MeasurementRow[];
  label: string;
  limit?: number;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r, i) => (
            <tr key={i} data-testid="yours-row">
              {COLUMNS.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {cell(r[c.key] as string | number | null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > limit && (
        <p className="muted">
          The first {limit} of {rows.length.toLocaleString('en-US')} rows.
        </p>
      )}
    </div>
  );
}
