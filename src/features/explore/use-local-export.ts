import { useState } from 'react';
import { MEASUREMENT_COLUMNS } from '../../core/catalog/columns.ts';
import type { MeasurementRow } from '../../core/catalog/schema.ts';
import { toCsv } from '../../core/csv.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../../adapters/download.ts';

export type LocalAction = 'csv' | 'parquet' | 'clear';

async function storedRows(): Promise<MeasurementRow[]> {
  const { loadLocal } = await import('../../adapters/local-store.ts');
  return (await loadLocal()).rows.sort((a, b) => a.source_row - b.source_row);
}

/** Export (CSV, Parquet) and clearing of this browser's own measurement rows, straight from IndexedDB. */
export function useLocalExport() {
  const [busy, setBusy] = useState<LocalAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (action: LocalAction, work: () => Promise<void>) => {
    setBusy(action);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const exportCsv = () =>
    act('csv', async () => {
      const rows = await storedRows();
      const csv = toCsv(
        MEASUREMENT_COLUMNS.map((c) => c.name),
        rows,
      );
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'rooflight-local-measurements.csv');
    });

  const exportParquet = () =>
    act('parquet', async () => {
      const [rows, { rowsToParquet }] = await Promise.all([
        storedRows(),
        import('../../adapters/parquet-export.ts'),
      ]);
      const bytes = rowsToParquet(MEASUREMENT_COLUMNS, rows);
      downloadBlob(
        new Blob([bytes], { type: 'application/vnd.apache.parquet' }),
        'rooflight-local-measurements.parquet',
      );
    });

  const clear = () =>
    act('clear', async () => {
      const { clearLocal } = await import('../../adapters/local-store.ts');
      await clearLocal();
      await useAppStore.getState().refreshLocal();
    });

  return { exportCsv, exportParquet, clear, busy, error };
}
