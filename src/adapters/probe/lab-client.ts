/**
 * The page's side of the lab worker: which tfjs backends initialize, and the microbenchmarks with progress,
 * cancellation and a time budget. Never rejects: a worker that cannot start or dies gives results marked
 * 'failed' with the reason; an abort terminates the worker and marks the unfinished ones 'cancelled'.
 */
import type { BackendInit, BenchmarkResult, MeasureProgress, MeasureReport } from '../../core/lab/types.ts';
import { completeResults, errorText } from './bench-math.ts';
import { TFJS_BACKENDS, type LabMessage, type LabRequest } from './protocol.ts';

/** What the client needs of a worker (a real `Worker`, or a fake in tests). */
export interface LabWorkerLike {
  postMessage(message: LabRequest): void;
  terminate(): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
}

/** Starts the real lab worker. */
export function startLabWorker(): LabWorkerLike {
  return new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module', name: 'rooflight-lab' });
}

/** Options of {@link measureBrowser}. */
export interface MeasureOptions {
  /** Total time budget, ms (default 20 s). */
  budgetMs?: number;
  /** Most one benchmark may take, ms (default 4 s). */
  perBenchmarkMs?: number;
  onProgress?: (progress: MeasureProgress) => void;
  signal?: AbortSignal;
}

/** Default total budget of a measure, ms. */
export const DEFAULT_BUDGET_MS = 20_000;
/** Default budget of one benchmark, ms. */
export const DEFAULT_PER_BENCHMARK_MS = 4_000;
/** How long past its budget a silent worker is given before it is stopped. */
const GRACE_MS = 30_000;

function workerProblem(event: Event): string {
  const message = (event as ErrorEvent).message;
  return message ? `the lab worker failed: ${message}` : 'the lab worker failed to start or crashed';
}

/** {@link measureBrowser} with the worker factory injected (tests pass a fake). */
export function runMeasure(
  makeWorker: () => LabWorkerLike,
  opts: MeasureOptions = {},
): Promise<MeasureReport> {
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const perBenchmarkMs = opts.perBenchmarkMs ?? Math.min(DEFAULT_PER_BENCHMARK_MS, budgetMs);
  const at = new Date().toISOString();
  const started = performance.now();
  const finished: BenchmarkResult[] = [];
  return new Promise<MeasureReport>((resolve) => {
    let worker: LabWorkerLike | null = null;
    let settled = false;
    const timer: { watchdog?: ReturnType<typeof setTimeout> } = {};
    const finish = (rest: { status: 'failed' | 'cancelled'; note: string }, userCancelled = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer.watchdog);
      opts.signal?.removeEventListener('abort', onAbort);
      try {
        worker?.terminate();
      } catch {
        // already gone
      }
      const results = completeResults(finished, rest.status, rest.note);
      resolve({
        at,
        results,
        cancelled: userCancelled || results.some((r) => r.status === 'cancelled'),
        elapsedMs: performance.now() - started,
      });
    };
    const onAbort = (): void => finish({ status: 'cancelled', note: 'cancelled by the user' }, true);
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    try {
      worker = makeWorker();
    } catch (err) {
      return finish({ status: 'failed', note: `the lab worker did not start: ${errorText(err)}` });
    }
    worker.addEventListener('message', (event) => {
      const message = (event as MessageEvent<LabMessage>).data;
      if (message.type === 'progress') opts.onProgress?.(message.progress);
      else if (message.type === 'result') {
        if (!finished.some((r) => r.id === message.result.id)) finished.push(message.result);
      } else if (message.type === 'done')
        finish({ status: 'failed', note: 'the lab worker finished without this result' });
      else if (message.type === 'error')
        finish({ status: 'failed', note: `${message.error.name}: ${message.error.message}` });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish({ status: 'failed', note: workerProblem(event) });
    });
    worker.addEventListener('messageerror', () =>
      finish({ status: 'failed', note: 'a lab worker message could not be read' }),
    );
    timer.watchdog = setTimeout(
      () =>
        finish({ status: 'cancelled', note: 'the time budget ran out (the lab worker stopped answering)' }),
      budgetMs + GRACE_MS,
    );
    try {
      worker.postMessage({ type: 'measure', budgetMs, perBenchmarkMs });
    } catch (err) {
      finish({ status: 'failed', note: `the lab worker did not start: ${errorText(err)}` });
    }
  });
}

/**
 * Run the browser microbenchmarks in a fresh module worker. Resolves with every benchmark's result (never
 * rejects); aborting `signal` terminates the worker and returns what finished plus the rest as 'cancelled'.
 */
export function measureBrowser(opts: MeasureOptions = {}): Promise<MeasureReport> {
  return runMeasure(startLabWorker, opts);
}

/** {@link probeTfjsBackends} with the worker factory injected (tests pass a fake). */
export function runBackendsProbe(
  makeWorker: () => LabWorkerLike,
  timeoutMs = 30_000,
): Promise<BackendInit[]> {
  const allFailed = (error: string): BackendInit[] =>
    TFJS_BACKENDS.map((name) => ({ name, ok: false, error }));
  return new Promise<BackendInit[]>((resolve) => {
    let worker: LabWorkerLike | null = null;
    let settled = false;
    const finish = (backends: BackendInit[]): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        worker?.terminate();
      } catch {
        // already gone
      }
      resolve(backends);
    };
    const timer = setTimeout(
      () => finish(allFailed(`no answer from the lab worker in ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      worker = makeWorker();
      worker.addEventListener('message', (event) => {
        const message = (event as MessageEvent<LabMessage>).data;
        if (message.type === 'backends') finish(message.backends);
        else if (message.type === 'error')
          finish(allFailed(`${message.error.name}: ${message.error.message}`));
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        finish(allFailed(workerProblem(event)));
      });
      worker.postMessage({ type: 'backends' });
    } catch (err) {
      finish(allFailed(`the lab worker did not start: ${errorText(err)}`));
    }
  });
}

/** Which tfjs backends (cpu, wasm, webgl, webgpu) initialize in a fresh worker. Never rejects. */
export function probeTfjsBackends(): Promise<BackendInit[]> {
  return runBackendsProbe(startLabWorker);
}
