/**
 * A real run of the lab models in this browser, in a module worker so the page stays responsive. Resolves
 * with a RunReport in every case: what could not be done is in `errors`, a cancel or an exhausted budget
 * sets `cancelled`, and whatever finished before is kept.
 */
import { LAB_MODELS, type LabModel } from '../../core/lab/lab-models.ts';
import type { RunBackend, RunReport } from '../../core/lab/types.ts';
import { messageOf } from '../errors.ts';
import type { RunMessage, RunRequest } from './messages.ts';
import { DEFAULT_BUDGET_MS } from './run-core.ts';

export { DEFAULT_BUDGET_MS } from './run-core.ts';

export interface RunLabOptions {
  backend: RunBackend;
  /** Why this backend; copied into the report. */
  backendReason: string;
  /** Defaults to every lab model. */
  models?: readonly LabModel[];
  onProgress?: (stage: string, fraction: number) => void;
  /** Aborting stops the worker at once; the report keeps the finished timings, `cancelled: true`. */
  signal?: AbortSignal;
  /** Time for the whole run, ms (default {@link DEFAULT_BUDGET_MS}); repetitions adapt to it. */
  budgetMs?: number;
}

/** Extra time past the budget (backend start, one slow call) before the worker is stopped as stuck. */
const GRACE_MS = 60_000;

/** Times every model × batch on `backend` in a worker. Never rejects. */
export function runLab(opts: RunLabOptions): Promise<RunReport> {
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const report: RunReport = {
    at: new Date().toISOString(),
    backend: opts.backend,
    backendReason: opts.backendReason,
    timings: [],
    cancelled: false,
    errors: [],
  };
  if (opts.signal?.aborted) return Promise.resolve({ ...report, cancelled: true });

  return new Promise<RunReport>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      report.errors.push(`The run worker could not start: ${messageOf(e)}`);
      resolve(report);
      return;
    }
    let settled = false;
    const onAbort = () => finish(true);
    const watchdog = setTimeout(() => {
      report.errors.push(
        `The run did not finish within ${Math.round((budgetMs + GRACE_MS) / 1000)} s; stopped.`,
      );
      finish(true);
    }, budgetMs + GRACE_MS);
    function finish(cancelled: boolean) {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      opts.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      resolve({ ...report, cancelled: report.cancelled || cancelled });
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    worker.onmessage = (e: MessageEvent<RunMessage>) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.stage, m.fraction);
      else if (m.type === 'timing') report.timings.push(m.timing);
      else if (m.type === 'error') report.errors.push(m.message);
      else if (m.type === 'done') finish(m.outOfTime);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      report.errors.push(`The run worker failed: ${e.message || 'its script could not be loaded'}`);
      finish(false);
    };
    worker.onmessageerror = () => {
      report.errors.push('The run worker sent a message that could not be read.');
      finish(false);
    };
    const request: RunRequest = {
      type: 'run',
      backend: opts.backend,
      models: [...(opts.models ?? LAB_MODELS)],
      budgetMs,
    };
    worker.postMessage(request);
  });
}
