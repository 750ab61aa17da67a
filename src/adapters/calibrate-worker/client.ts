/**
 * The page's side of the calibration worker: a request in, the report and the calibrated model out, with
 * progress and Cancel (an AbortSignal that terminates the worker, so nothing half-done is kept). Never
 * rejects: a worker that cannot start, crashes or reports an error gives an `error` outcome saying so.
 */
import type { CalibrationReport } from '../../core/calibrate/report.ts';
import type { CalibrateMessage, CalibrateProgress, CalibrateRequest, WireModel } from './protocol.ts';

/** What the client needs of a worker (a real `Worker`, or a fake in tests). */
export interface CalibrateWorkerLike {
  postMessage(message: CalibrateRequest): void;
  terminate(): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
}

/** Starts the real calibration worker (a module worker; Vite bundles it with its imports). */
export function startCalibrateWorker(): CalibrateWorkerLike {
  return new Worker(new URL('./calibrate-worker.ts', import.meta.url), {
    type: 'module',
    name: 'rooflight-calibrate',
  });
}

export type CalibrateOutcome =
  | { status: 'done'; report: CalibrationReport; model: WireModel | null }
  | { status: 'cancelled'; message: string }
  | { status: 'error'; message: string };

export interface CalibrateRunOptions {
  onProgress?: (p: CalibrateProgress) => void;
  signal?: AbortSignal;
}

/** {@link calibrateInWorker} with the worker factory injected (tests pass a fake). */
export function runCalibrate(
  makeWorker: () => CalibrateWorkerLike,
  request: Omit<CalibrateRequest, 'type'>,
  opts: CalibrateRunOptions = {},
): Promise<CalibrateOutcome> {
  return new Promise<CalibrateOutcome>((resolve) => {
    let worker: CalibrateWorkerLike | null = null;
    let settled = false;
    const finish = (outcome: CalibrateOutcome) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      try {
        worker?.terminate();
      } catch {
        // already gone
      }
      resolve(outcome);
    };
    const failed = (why: string) => finish({ status: 'error', message: `Calibration failed: ${why}` });
    const onAbort = () =>
      finish({ status: 'cancelled', message: 'Calibration cancelled: nothing was changed.' });
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    try {
      worker = makeWorker();
      worker.addEventListener('message', (event) => {
        const m = (event as MessageEvent<CalibrateMessage>).data;
        if (m.type === 'progress') opts.onProgress?.(m.progress);
        else if (m.type === 'done') finish({ status: 'done', report: m.report, model: m.model });
        else failed(`${m.error.name}: ${m.error.message}`);
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        const message = (event as ErrorEvent).message;
        failed(`the calibration worker ${message ? `failed: ${message}` : 'failed to start or crashed'}`);
      });
      worker.addEventListener('messageerror', () =>
        failed('a message from the calibration worker could not be read'),
      );
      worker.postMessage({ type: 'calibrate', ...request });
    } catch (err) {
      failed(`the calibration worker did not start: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

/** Calibrates on your visible rows in a fresh module worker (see runCalibrate). */
export function calibrateInWorker(
  request: Omit<CalibrateRequest, 'type'> = {},
  opts: CalibrateRunOptions = {},
): Promise<CalibrateOutcome> {
  return runCalibrate(startCalibrateWorker, request, opts);
}
