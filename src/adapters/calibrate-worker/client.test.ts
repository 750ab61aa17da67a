import { describe, expect, it } from 'vitest';
import type { CalibrationReport } from '../../core/calibrate/report.ts';
import { runCalibrate, type CalibrateWorkerLike } from './client.ts';
import type { CalibrateMessage, CalibrateProgress, CalibrateRequest } from './protocol.ts';

/** A worker stand-in: records requests, lets the test emit messages and errors. */
class FakeWorker implements CalibrateWorkerLike {
  requests: CalibrateRequest[] = [];
  terminated = false;
  private listeners = new Map<string, Array<(event: Event) => void>>();
  constructor(private readonly onRequest?: (w: FakeWorker) => void) {}
  postMessage(message: CalibrateRequest): void {
    this.requests.push(message);
    queueMicrotask(() => this.onRequest?.(this));
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(message: CalibrateMessage): void {
    if (this.terminated) return;
    const event = Object.assign(new Event('message'), { data: message });
    for (const l of this.listeners.get('message') ?? []) l(event);
  }
  fail(message?: string): void {
    const event = Object.assign(new Event('error', { cancelable: true }), message ? { message } : {});
    for (const l of this.listeners.get('error') ?? []) l(event);
  }
}

const report = { k: 5, decision: { keep: true } } as unknown as CalibrationReport;
const model = { modelJson: '{}', weights: new ArrayBuffer(8) };

describe('runCalibrate', () => {
  it('posts the request, forwards progress and resolves with the report and model', async () => {
    const progress: CalibrateProgress[] = [];
    const worker = new FakeWorker((w) => {
      w.emit({ type: 'progress', progress: { stage: 'loading', fraction: 0 } });
      w.emit({
        type: 'progress',
        progress: { stage: 'tune', fold: 1, folds: 5, done: 10, total: 150, fraction: 0.01 },
      });
      w.emit({ type: 'done', report, model });
    });
    const outcome = await runCalibrate(
      () => worker,
      { settings: { steps: 300 } },
      {
        onProgress: (p) => progress.push(p),
      },
    );
    expect(outcome).toEqual({ status: 'done', report, model });
    expect(worker.requests).toEqual([{ type: 'calibrate', settings: { steps: 300 } }]);
    expect(progress.map((p) => p.stage)).toEqual(['loading', 'tune']);
    expect(worker.terminated).toBe(true);
  });

  it('cancels: terminates the worker, and whatever it posts later is ignored', async () => {
    let late: FakeWorker | null = null;
    const worker = new FakeWorker((w) => (late = w));
    const abort = new AbortController();
    const running = runCalibrate(() => worker, {}, { signal: abort.signal });
    await Promise.resolve();
    abort.abort();
    expect(await running).toEqual({
      status: 'cancelled',
      message: 'Calibration cancelled: nothing was changed.',
    });
    expect(worker.terminated).toBe(true);
    late!.emit({ type: 'done', report, model });
    const already = await runCalibrate(() => new FakeWorker(), {}, { signal: abort.signal });
    expect(already.status).toBe('cancelled');
  });

  it('turns a crash, an error message or a worker that cannot start into an error outcome', async () => {
    const crashed = await runCalibrate(() => new FakeWorker((w) => w.fail('boom')), {});
    expect(crashed).toEqual({
      status: 'error',
      message: 'Calibration failed: the calibration worker failed: boom',
    });
    const threw = await runCalibrate(
      () => new FakeWorker((w) => w.emit({ type: 'error', error: { name: 'Error', message: 'no model' } })),
      {},
    );
    expect(threw).toEqual({ status: 'error', message: 'Calibration failed: Error: no model' });
    const none = await runCalibrate(() => {
      throw new Error('no workers here');
    }, {});
    expect(none).toEqual({
      status: 'error',
      message: 'Calibration failed: the calibration worker did not start: no workers here',
    });
  });
});
