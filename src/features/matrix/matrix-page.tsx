import { useState } from 'react';
import { toCsv } from '../../core/csv.ts';
import {
  COMPAT_CSV_COLUMNS,
  compatCounts,
  compatCsvRows,
  compatDocument,
  COMPAT_STATUSES,
} from '../../core/select/compat-export.ts';
import type { CompatCell } from '../../core/select/compatibility.ts';
import { downloadBlob } from '../../adapters/download.ts';
import { MatrixTable, STATUS_TEXT } from './matrix-table.tsx';
import { useCompatMatrix, type MatrixOptions } from './use-compat-matrix.ts';

const PRECISIONS = ['', 'fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4', 'q4_k_m'];

/** The compatibility matrix page: model families × platforms, a status and its reason per cell, downloads. */
export function MatrixPage() {
  const [opts, setOpts] = useState<MatrixOptions>({ precision: '', groupBy: 'backend' });
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<CompatCell | null>(null);
  const { engine, matrix, snapshotVersion } = useCompatMatrix(opts);

  if (engine.isPending)
    return (
      <p className="muted" role="status">
        Loading the snapshot…
      </p>
    );
  if (engine.isError || !matrix)
    return (
      <div role="alert" className="panel panel-error">
        <p className="error-text">The snapshot could not load: {engine.error?.message ?? 'no data'}</p>
        <button type="button" onClick={() => void engine.refetch()}>
          Retry
        </button>
      </div>
    );
  const q = filter.trim().toLowerCase();
  const families = q ? matrix.families.filter((f) => f.toLowerCase().includes(q)) : matrix.families;
  const counts = compatCounts(matrix);
  const name = `rooflight-compatibility${opts.precision ? `-${opts.precision}` : ''}`;
  const set = (o: Partial<MatrixOptions>) => {
    setSelected(null);
    setOpts({ ...opts, ...o });
  };
  return (
    <>
      <div className="filters matrix-controls">
        <div className="field">
          <label htmlFor="matrix-precision">Precision</label>
          <select
            id="matrix-precision"
            value={opts.precision}
            onChange={(e) => set({ precision: e.target.value })}
          >
            {PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {p || 'any (16/32-bit, then 8/4-bit)'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="matrix-group">Columns</label>
          <select
            id="matrix-group"
            value={opts.groupBy}
            onChange={(e) => set({ groupBy: e.target.value as MatrixOptions['groupBy'] })}
          >
            <option value="backend">backend</option>
            <option value="architecture">backend / architecture</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="matrix-filter">Family contains</label>
          <input
            id="matrix-filter"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      </div>
      <div className="summary">
        <p data-testid="matrix-summary">
          {families.length} of {matrix.families.length} families × {matrix.platforms.length} platforms:{' '}
          {COMPAT_STATUSES.map((s) => `${counts[s]} ${STATUS_TEXT[s].toLowerCase()}`).join(', ')}
        </p>
        <span className="sql-actions">
          <button
            type="button"
            onClick={() =>
              downloadBlob(
                new Blob([toCsv(COMPAT_CSV_COLUMNS, compatCsvRows(matrix))], {
                  type: 'text/csv;charset=utf-8',
                }),
                `${name}.csv`,
              )
            }
          >
            Download CSV
          </button>
          <button
            type="button"
            onClick={() =>
              downloadBlob(
                new Blob([JSON.stringify(compatDocument(matrix, snapshotVersion), null, 1)], {
                  type: 'application/json',
                }),
                `${name}.json`,
              )
            }
          >
            Download JSON
          </button>
        </span>
      </div>
      <div
        id="compat-details"
        className="panel compat-details"
        aria-live="polite"
        data-testid="compat-details"
      >
        {selected ? (
          <>
            <strong>
              {selected.family} on {selected.platform}: {STATUS_TEXT[selected.status]}
            </strong>
            <p>{selected.reason}</p>
          </>
        ) : (
          <p className="muted">Focus or click a cell to read why it has its status.</p>
        )}
      </div>
      <MatrixTable matrix={matrix} families={families} selected={selected} onSelect={setSelected} />
    </>
  );
}
