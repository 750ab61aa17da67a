import { useId } from 'react';
import { useAppStore } from '../../state/store.ts';
import { useLocalExport } from './use-local-export.ts';

/** This browser's own runs: how many rows, a filter to see them, export, and clearing them. */
export function LocalSection() {
  const id = useId();
  const count = useAppStore((s) => s.dbLocalCount);
  const loadError = useAppStore((s) => s.dbLocalError);
  const onlyLocal = useAppStore((s) => s.selection.data.filters.sourceId === 'local');
  const setFilter = useAppStore((s) => s.setFilter);
  const { exportCsv, exportParquet, clear, busy, error } = useLocalExport();
  const confirmClear = () => {
    const ok = window.confirm(
      `Delete all ${count} local measurement rows from this browser? This cannot be undone.`,
    );
    if (ok) void clear();
  };
  return (
    <section className="panel local-rows" aria-labelledby={`${id}-h`} data-testid="local-section">
      <h2 id={`${id}-h`}>Local measurements (this browser)</h2>
      <p>
        <strong data-testid="local-count">{count}</strong> row{count === 1 ? '' : 's'} from runs in this
        browser, stored only here (IndexedDB) and never uploaded. They appear in the table above with the
        source <span className="badge">local</span>.
      </p>
      {loadError && (
        <p className="notice" role="alert" data-testid="local-error">
          Your own runs are not in the table. {loadError}
        </p>
      )}
      {count > 0 && (
        <div className="sql-actions">
          <button
            type="button"
            className="secondary"
            onClick={() => setFilter('sourceId', onlyLocal ? '' : 'local')}
            aria-pressed={onlyLocal}
          >
            {onlyLocal ? 'Show all rows' : 'Show only local rows'}
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={busy !== null}>
            {busy === 'csv' ? 'Exporting…' : 'Export local rows (CSV)'}
          </button>
          <button type="button" onClick={() => void exportParquet()} disabled={busy !== null}>
            {busy === 'parquet' ? 'Exporting…' : 'Export local rows (Parquet)'}
          </button>
          <button type="button" className="secondary" onClick={confirmClear} disabled={busy !== null}>
            {busy === 'clear' ? 'Clearing…' : 'Clear local rows'}
          </button>
        </div>
      )}
      {count === 0 && !loadError && (
        <p className="muted">Run the lab models on the Lab page to add rows measured here.</p>
      )}
      {error && (
        <p role="alert" className="panel-error error-text">
          {error}
        </p>
      )}
    </section>
  );
}
