import { useEffect } from 'react';
import { useAppStore } from '../../state/store.ts';
import { FilterBar } from './filter-bar.tsx';
import { LocalSection } from './local-section.tsx';
import { MeasurementsTable } from './measurements-table.tsx';
import { Pager } from './pager.tsx';
import { useExportCsv } from './use-export-csv.ts';
import { useMeasurements } from './use-measurements.ts';
import { YoursNote } from './yours-note.tsx';

/** Browse, filter, sort, page and export the snapshot's measurements, this browser's own runs and your imported rows. */
export function DataPage() {
  const { page, count, pageIndex, pageSize } = useMeasurements();
  const total = useAppStore((s) => s.dbCounts.measurements ?? 0);
  const setPageIndex = useAppStore((s) => s.setPageIndex);
  const { exportCsv, busy, error } = useExportCsv();
  const n = count.data;
  // A link's page beyond the last one (the data changed, or a hand-written `p`): show the last page.
  const last = n === undefined || count.isPlaceholderData ? null : Math.max(0, Math.ceil(n / pageSize) - 1);
  useEffect(() => {
    if (last !== null && pageIndex > last) setPageIndex(last);
  }, [last, pageIndex, setPageIndex]);
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
      <YoursNote />
      <LocalSection />
    </>
  );
}
