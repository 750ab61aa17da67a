import { describe, expect, it } from 'vitest';
import { BENCHMARK_IDS, type MeasureProgress } from '../../core/lab/types.ts';
import { unmeasured } from './bench-math.ts';
import { runBackendsProbe, runMeasure, type LabWorkerLike } from './lab-client.ts';
import type { LabMessage, LabRequest } from './protocol.ts';

/** A worker stand-in: records requests, lets the test emit messages and errors. */
class FakeWorker implements LabWorkerLike {
  requests: LabRequest[] = [];
  terminated = false;
  private listeners = new Map<string, Array<(event: Event) => void>>();
  constructor(private readonly onRequest?: (w: FakeWorker, r: LabRequest) => void) {}
  postMessage(message: LabRequest): void {
    this.requests.push(message);
    queueMicrotask(() => this.onRequest?.(this, message));
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(message: LabMessage): void {
    if (this.terminated) return;
    const event = Object.assign(new Event('message'), { data: message });
    for (const l of this.listeners.get('message') ?? []) l(event);
  }
  fail(message?: string): void {
    const event = Object.assign(new Event('error', { cancelable: true }), message ? { message } : {});
    for (const l of this.listeners.get('error') ?? []) l(event);
  }
}

const ok = (id: (typeof BENCHMARK_IDS)[number]) => ({
  ...unmeasured(id, 'skipped', 'fake'),
  status: 'ok' as const,
  value: 1,
  bestMs: 1,
  medianMs: 1,
  reps: 1,
});

describe('runMeasure', () => {
  it('collects results and progress until done', async () => {
    const progress: MeasureProgress[] = [];
    const worker = new FakeWorker((w) => {
      for (const [i, id] of BENCHMARK_IDS.entries()) {
        w.emit({ type: 'progress', progress: { id, fraction: i / 7, stage: 'starting' } });
        w.emit({ type: 'result', result: ok(id) });
      }
      w.emit({ type: 'done', cancelled: false });
    });
    const report = await runMeasure(() => worker, { budgetMs: 5000, onProgress: (p) => progress.push(p) });
    expect(worker.requests).toEqual([{ type: 'measure', budgetMs: 5000, perBenchmarkMs: 4000 }]);
    expect(report.cancelled).toBe(false);
    expect(report.results.map((r) => r.status)).toEqual(BENCHMARK_IDS.map(() => 'ok'));
    expect(progress).toHaveLength(7);
    expect(worker.terminated).toBe(true);
    expect(report.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('abort terminates the worker: finished results kept, the rest cancelled', async () => {
    const controller = new AbortController();
    const worker = new FakeWorker((w) => {
      w.emit({ type: 'result', result: ok('webgpu-matmul-fp32') });
      w.emit({ type: 'result', result: unmeasured('webgpu-matmul-fp16', 'skipped', 'no shader-f16') });
      controller.abort();
      w.emit({ type: 'result', result: ok('webgpu-copy') }); // after terminate: ignored
    });
    const report = await runMeasure(() => worker, { signal: controller.signal });
    expect(worker.terminated).toBe(true);
    expect(report.cancelled).toBe(true);
    expect(report.results.map((r) => r.status)).toEqual([
      'ok',
      'skipped',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(report.results[2]?.note).toBe('cancelled by the user');
  });

  it('an already aborted signal never starts a worker', async () => {
    let started = false;
    const controller = new AbortController();
    controller.abort();
    const report = await runMeasure(
      () => {
        started = true;
        return new FakeWorker();
      },
      { signal: controller.signal },
    );
    expect(started).toBe(false);
    expect(report.results.every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('budget cancellation reported by the worker marks the report cancelled', async () => {
    const worker = new FakeWorker((w) => {
      w.emit({ type: 'result', result: ok('webgpu-matmul-fp32') });
      for (const id of BENCHMARK_IDS.slice(1))
        w.emit({
          type: 'result',
          result: unmeasured(id, 'cancelled', 'the time budget ran out before this benchmark'),
        });
      w.emit({ type: 'done', cancelled: true });
    });
    const report = await runMeasure(() => worker);
    expect(report.cancelled).toBe(true);
    expect(report.results[1]?.note).toContain('time budget');
  });

  it('a worker that cannot start gives all failed, never a rejection', async () => {
    const report = await runMeasure(() => {
      throw new DOMException('module script failed', 'SecurityError');
    });
    expect(report.cancelled).toBe(false);
    expect(report.results.every((r) => r.status === 'failed')).toBe(true);
    expect(report.results[0]?.note).toBe('the lab worker did not start: SecurityError: module script failed');
  });

  it('a worker error event fails the unfinished benchmarks', async () => {
    const worker = new FakeWorker((w) => {
      w.emit({ type: 'result', result: ok('webgpu-matmul-fp32') });
      w.fail();
    });
    const report = await runMeasure(() => worker);
    expect(report.results[0]?.status).toBe('ok');
    expect(report.results.slice(1).every((r) => r.status === 'failed')).toBe(true);
    expect(report.results[1]?.note).toBe('the lab worker failed to start or crashed');
  });

  it('an error message from the worker crosses as name: message', async () => {
    const worker = new FakeWorker((w) =>
      w.emit({ type: 'error', error: { name: 'RangeError', message: 'oom' } }),
    );
    const report = await runMeasure(() => worker);
    expect(report.results[0]?.note).toBe('RangeError: oom');
  });
});

describe('runBackendsProbe', () => {
  it('returns the worker answer', async () => {
    const backends = [{ name: 'cpu', ok: true, error: null }];
    const worker = new FakeWorker((w) => w.emit({ type: 'backends', backends }));
    expect(await runBackendsProbe(() => worker)).toEqual(backends);
    expect(worker.terminated).toBe(true);
  });

  it('a dead or silent worker gives every backend failed', async () => {
    const dead = await runBackendsProbe(() => {
      throw new Error('no Worker');
    });
    expect(dead.map((b) => [b.name, b.ok])).toEqual([
      ['cpu', false],
      ['wasm', false],
      ['webgl', false],
      ['webgpu', false],
    ]);
    expect(dead[0]?.error).toBe('the lab worker did not start: Error: no Worker');
    const silent = await runBackendsProbe(() => new FakeWorker(), 20);
    expect(silent[0]?.error).toContain('no answer');
    const crashed = await runBackendsProbe(() => new FakeWorker((w) => w.fail('boom')));
    expect(crashed[0]?.error).toBe('the lab worker failed: boom');
  });
});
