import { downloadBlob } from '../../adapters/download.ts';
import { badRowsCsv } from '../../core/import/bad-rows.ts';
import { defaultBatchName } from '../../core/import/import.ts';
import type { BadRow } from '../../core/import/types.ts';

const SHOWN = 100;

/** Rows not kept (or kept with a warning): row, column, value and reason; all of them as CSV. */
export function BadRows(props: { file: string; rows: readonly BadRow[]; kind: 'bad' | 'warnings' }) {
  const { file, rows, kind } = props;
  if (rows.length === 0) return null;
  const title = kind === 'bad' ? 'Rows not kept' : 'Kept with a warning';
  const download = () =>
    downloadBlob(
      new Blob([badRowsCsv(rows)], { type: 'text/csv;charset=utf-8' }),
      `${defaultBatchName(file)}-${kind === 'bad' ? 'bad-rows' : 'warnings'}.csv`,
    );
  return (
    <details
      className="bad-rows"
      open={kind === 'bad'}
      data-testid={kind === 'bad' ? 'bad-rows' : 'warnings'}
    >
      <summary>
        {title}: {rows.length.toLocaleString('en-US')}
      </summary>
      <div className="table-wrap">
        <table className="data-table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((b, i) => (
              <tr key={`${b.row}/${b.column}/${i}`}>
                <td className="num">{b.row === 0 ? 'file' : b.row}</td>
                <td>{b.column}</td>
                <td>{b.value ?? ''}</td>
                <td>{b.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sql-actions">
        {rows.length > SHOWN && (
          <span className="muted">
            The first {SHOWN} of {rows.length.toLocaleString('en-US')}.
          </span>
        )}
        <button type="button" className="secondary" onClick={download}>
          Download {kind === 'bad' ? 'bad rows' : 'warnings'} (CSV)
        </button>
      </div>
    </details>
  );
}
