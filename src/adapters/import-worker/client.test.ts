import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../core/import/types.ts';
import { runImport, type ImportWorkerLike } from './client.ts';
import type { ImportMessage, ImportProgress, ImportRequest } from './protocol.ts';

/** A worker stand-in: records requests, lets the test emit messages and errors. */
class FakeWorker implements ImportWorkerLike {
  requests: ImportRequest[] = [];
  terminated = false;
  private listeners = new Map<string, Array<(event: Event) => void>>();
  constructor(private readonly onRequest?: (w: FakeWorker) => void) {}
  postMessage(message: ImportRequest): void {
    this.requests.push(message);
    queueMicrotask(() => this.onRequest?.(this));
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(message: ImportMessage): void {
    if (this.terminated) return;
    const event = Object.assign(new Event('message'), { data: message });
    for (const l of this.listeners.get('message') ?? []) l(event);
  }
  fail(message?: string): void {
    const event = Object.assign(new Event('error', { cancelable: true }), message ? { message } : {});
    for (const l of this.listeners.get('error') ?? []) l(event);
  }
}

const request = {
  bytes: new Uint8Array([1, 2, 3]),
  file: 'f.csv',
  hardware: [],
  models: [],
  options: { batch: 'f' },
};
const result = { status: 'ok', file: 'f.csv', good: [], bad: [] } as unknown as ImportResult;

describe('runImport', () => {
  it('posts the file, forwards progress and resolves with the outcome', async () => {
    const progress: ImportProgress[] = [];
    const worker = new FakeWorker((w) => {
      w.emit({ type: 'progress', progress: { stage: 'reading', done: 0, total: 0 } });
      w.emit({ type: 'progress', progress: { stage: 'checking', done: 2000, total: 4000 } });
      w.emit({ type: 'done', outcome: result });
    });
    const outcome = await runImport(() => worker, request, { onProgress: (p) => progress.push(p) });
    expect(outcome).toBe(result);
    expect(worker.requests).toEqual([{ type: 'import', ...request }]);
    expect(progress.map((p) => p.stage)).toEqual(['reading', 'checking']);
    expect(worker.terminated).toBe(true);
  });

  it('stops a worker that runs past the time limit, with a message saying why', async () => {
    const worker = new FakeWorker((w) =>
      w.emit({ type: 'progress', progress: { stage: 'decoding-parquet', done: 0, total: 0 } }),
    );
    const outcome = await runImport(() => worker, request, { timeLimitMs: 50 });
    expect(outcome).toMatchObject({
      status: 'error',
      code: 'timed-out',
      message: expect.stringMatching(/^f\.csv: stopped after 0\.05 s without finishing \(a damaged Parquet/),
    });
    expect(worker.terminated).toBe(true);
  });

  it('cancels: terminates the worker and says so', async () => {
    const worker = new FakeWorker();
    const abort = new AbortController();
    const running = runImport(() => worker, request, { signal: abort.signal });
    abort.abort();
    expect(await running).toEqual({ status: 'cancelled', file: 'f.csv', message: 'f.csv: import cancelled' });
    expect(worker.terminated).toBe(true);
    const already = await runImport(() => new FakeWorker(), request, { signal: abort.signal });
    expect(already.status).toBe('cancelled');
  });

  it('turns a crash, an error message or a worker that cannot start into an error outcome', async () => {
    const crashed = await runImport(() => new FakeWorker((w) => w.fail('boom')), request);
    expect(crashed).toMatchObject({ status: 'error', message: 'f.csv: the import worker failed: boom' });
    const threw = await runImport(
      () =>
        new FakeWorker((w) =>
          w.emit({ type: 'error', error: { name: 'TypeError', message: 'x is undefined' } }),
        ),
      request,
    );
    expect(threw).toMatchObject({ message: 'f.csv: the import failed: TypeError: x is undefined' });
    const none = await runImport(() => {
      throw new Error('no workers here');
    }, request);
    expect(none).toMatchObject({ message: 'f.csv: the import worker did not start: no workers here' });
  });
});
