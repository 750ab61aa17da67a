import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadBlob } from '../../adapters/download.ts';
import { MEASUREMENT_COLUMNS } from '../../core/catalog/columns.ts';
import { exportFileName, measurementsCsv, type YoursBatch } from '../../core/import/batches.ts';
import { yoursChanged, yoursQuery } from '../../queries/yours.ts';
import { useAppStore } from '../../state/store.ts';

const store = () => import('../../adapters/yours-store.ts');

/**
 * Your stored batches and what can be done with them: rename, hide or show, delete, export one or all as
 * CSV or Parquet (the snapshot's measurement schema), clear everything. Each change refreshes every view of
 * your data (this page, the engines' evidence, the Data page's table `yours`).
 */
export function useBatches() {
  const client = useQueryClient();
  const stored = useQuery(yoursQuery());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (what: string, work: () => Promise<void>, changes = true) => {
    setBusy(what);
    setError(null);
    try {
      await work();
      if (changes) {
        void yoursChanged(client);
        void useAppStore.getState().refreshYours();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const rowsOf = async (batch: YoursBatch | null) => (await (await store()).loadYours(batch?.id)).rows;

  return {
    stored,
    busy,
    error,
    rename: (b: YoursBatch, name: string) =>
      act(`rename:${b.id}`, async () => (await store()).updateBatch(b.id, { name: name.trim() })),
    setHidden: (b: YoursBatch, hidden: boolean) =>
      act(`hide:${b.id}`, async () => (await store()).updateBatch(b.id, { hidden })),
    remove: (b: YoursBatch) => act(`delete:${b.id}`, async () => (await store()).deleteBatch(b.id)),
    clear: () => act('clear', async () => (await store()).clearYours()),
    exportCsv: (b: YoursBatch | null) =>
      act(
        `csv:${b?.id ?? '*'}`,
        async () => {
          const csv = measurementsCsv(await rowsOf(b));
          downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), exportFileName(b, 'csv'));
        },
        false,
      ),
    exportParquet: (b: YoursBatch | null) =>
      act(
        `parquet:${b?.id ?? '*'}`,
        async () => {
          const [rows, { rowsToParquet }] = await Promise.all([
            rowsOf(b),
            import('../../adapters/parquet-export.ts'),
          ]);
          downloadBlob(
            new Blob([rowsToParquet(MEASUREMENT_COLUMNS, rows)], { type: 'application/vnd.apache.parquet' }),
            exportFileName(b, 'parquet'),
          );
        },
        false,
      ),
  };
}
