import type { MeasurementListRow } from '../../queries/measurements.ts';
import { useAppStore } from '../../state/store.ts';
import { YOURS_PREFIX } from '../../core/import/types.ts';
import { formatCell } from './format.ts';

const isYours = (r: MeasurementListRow) => r.source_id.startsWith(YOURS_PREFIX);

const COLUMNS: { key: keyof MeasurementListRow & string; label: string; numeric?: boolean }[] = [
  { key: 'hardware_name', label: 'Hardware' },
  { key: 'model_name', label: 'Model' },
  { key: 'metric', label: 'Metric' },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'unit', label: 'Unit' },
  { key: 'precision', label: 'Precision' },
  { key: 'batch_size', label: 'Batch', numeric: true },
  { key: 'seq_len', label: 'Seq len', numeric: true },
  { key: 'n_devices', label: 'Devices', numeric: true },
  { key: 'mode', label: 'Mode' },
  { key: 'runtime', label: 'Runtime' },
  { key: 'source_id', label: 'Source' },
];

/** The measurements page as a table with sortable column headers. */
export function MeasurementsTable({ rows, busy }: { rows: MeasurementListRow[]; busy: boolean }) {
  const sort = useAppStore((s) => s.selection.data.sort);
  const toggleSort = useAppStore((s) => s.toggleSort);
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data-table" aria-label="Measurements">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.column === c.key;
              const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
              return (
                <th key={c.key} aria-sort={ariaSort} className={c.numeric ? 'num' : undefined} scope="col">
                  <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              // One source row may hold several measurements (a table row per model, a column per device).
              key={`${r.source_id}/${r.source_file}/${r.source_row}/${r.metric}/${r.hardware_id}/${i}`}
              data-source={r.source_id === 'local' ? 'local' : isYours(r) ? 'yours' : undefined}
            >
              {COLUMNS.map((c) => (
                <td
                  key={c.key}
                  className={c.numeric ? 'num' : undefined}
                  title={
                    c.key === 'hardware_name'
                      ? r.hardware_id
                      : c.key === 'model_name'
                        ? r.model_id
                        : undefined
                  }
                >
                  {c.key === 'source_id' && r.source_id === 'local' ? (
                    <span className="badge" title="Measured in this browser; stored only here">
                      local
                    </span>
                  ) : c.key === 'source_id' && isYours(r) ? (
                    <span
                      className="badge badge-yours"
                      title={`Your data: ${r.source_id}, ${r.source_file} row ${r.source_row}`}
                    >
                      yours
                    </span>
                  ) : (
                    formatCell(
                      c.key === 'hardware_name'
                        ? (r.hardware_name ?? r.hardware_id)
                        : c.key === 'model_name'
                          ? (r.model_name ?? r.model_id)
                          : r[c.key],
                    )
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !busy && <p className="empty">No measurements match these filters.</p>}
    </div>
  );
}
