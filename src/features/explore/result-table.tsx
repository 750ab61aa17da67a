import { formatCell } from './format.ts';
import { count } from '../../core/format.ts';

const MAX_ROWS = 1000;

/** A generic result table for the SQL box (first 1,000 rows shown). */
export function ResultTable({ columns, rows }: { columns: string[]; rows: Record<string, unknown>[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="SQL result">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className={typeof r[c] === 'number' ? 'num' : undefined}>
                  {formatCell(r[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && (
        <p className="muted">
          Showing the first {count(MAX_ROWS)} of {count(rows.length)} rows.
        </p>
      )}
    </div>
  );
}
