import { useAppStore } from '../../state/store.ts';
import { FilterBar } from './filter-bar.tsx';
import { LocalSection } from './local-section.tsx';
import { MeasurementsTable } from './measurements-table.tsx';
import { Pager } from './pager.tsx';
import { useExportCsv } from './use-export-csv.ts';
import { useMeasurements } from './use-measurements.ts';

/** Browse, filter, sort, page and export the snapshot's measurements and this browser's own runs. */
export function DataPage() {
  const { page, count } = useMeasurements();
  const total = useAppStore((s) => s.dbCounts.measurements ?? 0);
  const { exportCsv, busy, error } = useExportCsv();
  const n = count.data;
  return (
    <>
      <FilterBar />
      <div className="summary">
        <p aria-live="polite">
          <strong>
            <span data-testid="row-count">{n ?? '…'}</span> measurements
          </strong>{' '}
          <span className="muted">
            of <span data-testid="total-count">{total}</span> in the snapshot
          </span>
        </p>
        <button type="button" onClick={() => void exportCsv()} disabled={busy || n === undefined}>
          {busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      {error && (
        <p role="alert" className="panel-error">
          {error}
        </p>
      )}
      {(page.isError || count.isError) && (
        <p role="alert" className="panel-error error-text">
          {(page.error ?? count.error)?.message}
        </p>
      )}
      <MeasurementsTable rows={page.data ?? []} busy={page.isFetching} />
      <Pager total={n ?? 0} />
      <LocalSection />
    </>
  );
}
