import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ImportRunOutcome } from '../../adapters/import-worker/client.ts';
import type { ImportProgress } from '../../adapters/import-worker/protocol.ts';
import type { HardwareRow, ModelRow } from '../../core/catalog/schema.ts';
import { batchIdFor, batchOf } from '../../core/import/batches.ts';
import { sizeProblem } from '../../core/import/decode.ts';
import type { ColumnMapping, ImportDefaults } from '../../core/import/types.ts';
import { yoursChanged, yoursQuery } from '../../queries/yours.ts';
import { useAppStore } from '../../state/store.ts';

/** What the user set for one file: a column mapping, defaults, name fixes, rows above the roofline. */
export interface ImportSettings {
  mapping?: ColumnMapping;
  defaults: ImportDefaults;
  names: { hardware: Record<string, string>; models: Record<string, string> };
  allowAboveRoofline: boolean;
}

export const NO_SETTINGS: ImportSettings = {
  defaults: {},
  names: { hardware: {}, models: {} },
  allowAboveRoofline: false,
};

interface Source {
  name: string;
  bytes: Uint8Array;
}

export interface Catalog {
  hardware: readonly HardwareRow[];
  models: readonly ModelRow[];
}

/**
 * One file through the import worker: read it (refused before reading when too large or empty), import it
 * with the current settings, again after each fix, then keep the good rows as a batch or discard them.
 * The bytes stay in memory until then, so a fix never asks for the file again.
 */
export function useImport(catalog: Catalog | undefined) {
  const client = useQueryClient();
  const [source, setSource] = useState<Source | null>(null);
  const [settings, setSettings] = useState<ImportSettings>(NO_SETTINGS);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ImportRunOutcome | null>(null);
  const [saved, setSaved] = useState<{ name: string; rows: number } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const run = async (src: Source, next: ImportSettings) => {
    if (!catalog) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setSettings(next);
    setRunning(true);
    setProgress(null);
    setOutcome(null);
    setSaveError(null);
    try {
      // Stored batches' ids are taken (the worker reads their rows itself, for duplicates).
      const batches = await client.fetchQuery(yoursQuery()).catch(() => []);
      const { importInWorker } = await import('../../adapters/import-worker/client.ts');
      const result = await importInWorker(
        {
          bytes: src.bytes,
          file: src.name,
          hardware: catalog.hardware,
          models: catalog.models,
          options: {
            batch: batchIdFor(
              src.name,
              batches.map((b) => b.id),
            ),
            defaults: next.defaults,
            names: next.names,
            allowAboveRoofline: next.allowAboveRoofline,
            ...(next.mapping ? { mapping: next.mapping } : {}),
          },
        },
        { signal: controller.signal, onProgress: setProgress },
      );
      if (abort.current === controller) setOutcome(result);
    } finally {
      if (abort.current === controller) {
        abort.current = null;
        setRunning(false);
      }
    }
  };

  /** A new file: checked by size, read, imported with no settings. */
  const start = async (file: File) => {
    setSaved(null);
    const problem = sizeProblem(file.name, file.size);
    if (problem) {
      setSource(null);
      setOutcome(problem);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      setOutcome({
        status: 'error',
        file: file.name,
        code: 'unreadable',
        message: `${file.name}: the browser could not read the file (${e instanceof Error ? e.message : String(e)})`,
      });
      return;
    }
    const src = { name: file.name, bytes };
    setSource(src);
    await run(src, NO_SETTINGS);
  };

  /** The same file again with changed settings (a mapping, defaults, names). */
  const rerun = (next: ImportSettings) => (source ? run(source, next) : Promise.resolve());

  const cancel = () => abort.current?.abort();

  const discard = () => {
    abort.current?.abort();
    setSource(null);
    setOutcome(null);
    setSaveError(null);
  };

  /** Keeps the good rows as a new batch (IndexedDB), then refreshes every view of your data. */
  const save = async () => {
    if (outcome?.status !== 'ok' || outcome.good.length === 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      const { saveBatch } = await import('../../adapters/yours-store.ts');
      const batch = batchOf(outcome, outcome.batch, new Date());
      await saveBatch(batch, outcome.good);
      setSaved({ name: batch.name, rows: batch.rows });
      setSource(null);
      setOutcome(null);
      void yoursChanged(client);
      void useAppStore.getState().refreshYours();
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return {
    source,
    settings,
    progress,
    running,
    outcome,
    saved,
    saving,
    saveError,
    start,
    rerun,
    cancel,
    discard,
    save,
  };
}
