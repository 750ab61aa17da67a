import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MEASUREMENT_COLUMNS } from '../../core/catalog/columns.ts';
import { toCsv } from '../../core/csv.ts';
import { measurementExportQuery } from '../../queries/measurements.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../../adapters/download.ts';

const CSV_COLUMNS = [...MEASUREMENT_COLUMNS.map((c) => c.name), 'hardware_name', 'model_name'];

/** Exports every measurement matching the current filters (not just the visible page) as CSV. */
export function useExportCsv() {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportCsv = async () => {
    const { filters, sort } = useAppStore.getState().selection.data;
    setBusy(true);
    setError(null);
    try {
      const rows = await client.fetchQuery(measurementExportQuery(filters, sort));
      downloadBlob(
        new Blob([toCsv(CSV_COLUMNS, rows)], { type: 'text/csv;charset=utf-8' }),
        'rooflight-measurements.csv',
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { exportCsv, busy, error };
}
