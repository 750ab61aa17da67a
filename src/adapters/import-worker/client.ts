/**
 * The page's side of the import worker: a file's bytes in, the import's outcome out, with progress, a
 * Cancel (an AbortSignal that terminates the worker) and a time limit that ends a decode that never
 * finishes. Never rejects: a worker that cannot start, crashes or runs out of time gives an `error`
 * outcome saying so; a cancel gives `cancelled`.
 */
import { importError } from '../../core/import/decode.ts';
import type { ImportOutcome } from '../../core/import/types.ts';
import type { ImportMessage, ImportProgress, ImportRequest } from './protocol.ts';

/** What the client needs of a worker (a real `Worker`, or a fake in tests). */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
}

/** Starts the real import worker (a module worker; Vite bundles it with its imports). */
export function startImportWorker(): ImportWorkerLike {
  return new Worker(new URL('./import-worker.ts', import.meta.url), {
    type: 'module',
    name: 'rooflight-import',
  });
}

/** The longest an import may run before it is stopped. */
export const IMPORT_TIME_LIMIT_MS = 60_000;

export type ImportRunOutcome = ImportOutcome | { status: 'cancelled'; file: string; message: string };

export interface ImportRunOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  timeLimitMs?: number;
}

/** {@link importInWorker} with the worker factory injected (tests pass a fake). */
export function runImport(
  makeWorker: () => ImportWorkerLike,
  request: Omit<ImportRequest, 'type'>,
  opts: ImportRunOptions = {},
): Promise<ImportRunOutcome> {
  const { file } = request;
  const limit = opts.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  return new Promise<ImportRunOutcome>((resolve) => {
    let worker: ImportWorkerLike | null = null;
    let settled = false;
    const finish = (outcome: ImportRunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      try {
        worker?.terminate();
      } catch {
        // already gone
      }
      resolve(outcome);
    };
    const failed = (why: string) => finish(importError(file, 'unreadable', why));
    const onAbort = () => finish({ status: 'cancelled', file, message: `${file}: import cancelled` });
    const timer = setTimeout(
      () =>
        finish(
          importError(
            file,
            'timed-out',
            `stopped after ${limit / 1000} s without finishing (a damaged Parquet data page can make the decoder loop forever): export the file again, or split it`,
          ),
        ),
      limit,
    );
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    try {
      worker = makeWorker();
      worker.addEventListener('message', (event) => {
        const m = (event as MessageEvent<ImportMessage>).data;
        if (m.type === 'progress') opts.onProgress?.(m.progress);
        else if (m.type === 'done') finish(m.outcome);
        else failed(`the import failed: ${m.error.name}: ${m.error.message}`);
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        const message = (event as ErrorEvent).message;
        failed(`the import worker ${message ? `failed: ${message}` : 'failed to start or crashed'}`);
      });
      worker.addEventListener('messageerror', () =>
        failed('a message from the import worker could not be read'),
      );
      worker.postMessage({ type: 'import', ...request });
    } catch (err) {
      failed(`the import worker did not start: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

/** Imports one file in a fresh module worker (see runImport). */
export function importInWorker(
  request: Omit<ImportRequest, 'type'>,
  opts: ImportRunOptions = {},
): Promise<ImportRunOutcome> {
  return runImport(startImportWorker, request, opts);
}
