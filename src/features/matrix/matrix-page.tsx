import { useState } from 'react';
import { SearchField } from '../../components/search-field.tsx';
import { toCsv } from '../../core/csv.ts';
import {
  COMPAT_CSV_COLUMNS,
  compatCounts,
  compatCsvRows,
  compatDocument,
  COMPAT_STATUSES,
} from '../../core/select/compat-export.ts';
import type { CompatCell } from '../../core/select/compatibility.ts';
import { PRECISION_CHOICES, type MatrixColumns } from '../../core/share/selection.ts';
import { downloadBlob } from '../../adapters/download.ts';
import type { SelectionPatch } from '../../state/selection-slice.ts';
import { useAppStore } from '../../state/store.ts';
import { MatrixTable, STATUS_TEXT } from './matrix-table.tsx';
import { useCompatMatrix } from './use-compat-matrix.ts';

/** The selection's `best`, as the matrix reads it: the ladder 16/32-bit, then 8/4-bit. */
const LADDER_LABEL = 'best available (16/32-bit, then 8/4-bit)';

/**
 * The compatibility matrix page: model families × platforms, a status and its reason per cell, downloads.
 * Its precision is the selection's (shared with Recommend and Predict); its columns and family filter are the
 * selection's `matrix` view, so all of it is in the URL.
 */
export function MatrixPage() {
  const precision = useAppStore((s) => s.selection.precision);
  const view = useAppStore((s) => s.selection.matrix);
  const setSelection = useAppStore((s) => s.setSelection);
  const [selected, setSelected] = useState<CompatCell | null>(null);
  const opts = { precision: precision === 'best' ? '' : precision, groupBy: view.columns };
  const { engine, matrix, snapshotVersion } = useCompatMatrix(opts);
  const precisions = PRECISION_CHOICES.some(([p]) => p === precision)
    ? PRECISION_CHOICES
    : [...PRECISION_CHOICES, [precision, precision] as const];

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
  const q = view.family.toLowerCase();
  const families = q ? matrix.families.filter((f) => f.toLowerCase().includes(q)) : matrix.families;
  const counts = compatCounts(matrix);
  const name = `rooflight-compatibility${opts.precision ? `-${opts.precision}` : ''}`;
  const set = (patch: SelectionPatch) => {
    setSelected(null);
    setSelection(patch);
  };
  return (
    <>
      <div className="filters matrix-controls">
        <div className="field">
          <label htmlFor="matrix-precision">Precision</label>
          <select
            id="matrix-precision"
            value={precision}
            onChange={(e) => set({ precision: e.target.value })}
          >
            {precisions.map(([p, label]) => (
              <option key={p} value={p}>
                {p === 'best' ? LADDER_LABEL : label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="matrix-group">Columns</label>
          <select
            id="matrix-group"
            value={view.columns}
            onChange={(e) => set({ matrix: { columns: e.target.value as MatrixColumns } })}
          >
            <option value="backend">backend</option>
            <option value="architecture">backend / architecture</option>
          </select>
        </div>
        <SearchField
          label="Family contains"
          value={view.family}
          onCommit={(family) => setSelection({ matrix: { family } })}
        />
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
