/**
 * The lab's module worker: on request, which tfjs backends initialize here, or the microbenchmarks (each
 * bounded by a per-benchmark budget inside a total budget), posting progress and one result per benchmark.
 * Errors cross as {name, message}; nothing thrown here reaches the page as a crash.
 */
import { BENCHMARK_IDS, type BenchmarkId, type BenchmarkResult } from '../../core/lab/types.ts';
import { errorText, unmeasured, type StageFn } from './bench-math.ts';
import { benchJsMatmul, benchTypedCopy } from './cpu-bench.ts';
import { toWireError, type LabMessage, type LabRequest } from './protocol.ts';
import { benchWasmMatmul, initTfjsBackends } from './tfjs-lab.ts';
import { navigatorGpu } from './webgpu.ts';
import { benchGpuCopy, benchGpuMatmul, openGpu, type GpuBench } from './webgpu-bench.ts';
import { graphBuilderCtor, navigatorMl } from './webnn-api.ts';
import { benchWebNnMatmul } from './webnn-bench.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: LabMessage): void {
  scope.postMessage(message);
}

let gpu: Promise<GpuBench | string> | null = null;

function openedGpu(): Promise<GpuBench | string> {
  gpu ??= openGpu(navigatorGpu()).catch((err: unknown) => `opening WebGPU failed: ${errorText(err)}`);
  return gpu;
}

type Bench = (budgetMs: number, stage: StageFn) => Promise<BenchmarkResult>;

function onGpu(
  id: BenchmarkId,
  run: (g: GpuBench, budgetMs: number, stage: StageFn) => Promise<BenchmarkResult>,
): Bench {
  return async (budgetMs, stage) => {
    stage('opening the WebGPU device', 0);
    const g = await openedGpu();
    if (typeof g === 'string') return unmeasured(id, 'skipped', g);
    return run(g, budgetMs, stage);
  };
}

const BENCHES: Record<BenchmarkId, Bench> = {
  'webgpu-matmul-fp32': onGpu('webgpu-matmul-fp32', (g, b, s) => benchGpuMatmul(g, 'f32', b, s)),
  'webgpu-matmul-fp16': onGpu('webgpu-matmul-fp16', (g, b, s) => benchGpuMatmul(g, 'f16', b, s)),
  'webgpu-copy': onGpu('webgpu-copy', benchGpuCopy),
  'wasm-matmul': benchWasmMatmul,
  'js-matmul': benchJsMatmul,
  'wasm-copy': (b, s) => benchTypedCopy(b, s),
  'webnn-matmul': (b, s) => benchWebNnMatmul(navigatorMl(), graphBuilderCtor(), b, s),
};

async function measure(budgetMs: number, perBenchmarkMs: number): Promise<void> {
  const deadline = performance.now() + budgetMs;
  const count = BENCHMARK_IDS.length;
  let cancelled = false;
  for (const [index, id] of BENCHMARK_IDS.entries()) {
    const left = deadline - performance.now();
    if (left <= 0) {
      cancelled = true;
      post({
        type: 'result',
        result: unmeasured(id, 'cancelled', 'the time budget ran out before this benchmark'),
      });
      continue;
    }
    const stage: StageFn = (text, fraction) =>
      post({
        type: 'progress',
        progress: { id, fraction: (index + Math.min(Math.max(fraction, 0), 0.99)) / count, stage: text },
      });
    stage('starting', 0);
    let result: BenchmarkResult;
    try {
      result = await BENCHES[id](Math.min(perBenchmarkMs, left), stage);
    } catch (err) {
      result = unmeasured(id, 'failed', errorText(err));
    }
    post({ type: 'result', result });
  }
  const opened = gpu ? await gpu : null;
  if (opened && typeof opened !== 'string') opened.device.destroy();
  const last = BENCHMARK_IDS[count - 1];
  if (last)
    post({
      type: 'progress',
      progress: { id: last, fraction: 1, stage: cancelled ? 'out of time' : 'done' },
    });
  post({ type: 'done', cancelled });
}

scope.addEventListener('message', (event: MessageEvent<LabRequest>) => {
  const request = event.data;
  const work =
    request.type === 'backends'
      ? initTfjsBackends().then((backends) => post({ type: 'backends', backends }))
      : measure(request.budgetMs, request.perBenchmarkMs);
  work.catch((err: unknown) => post({ type: 'error', error: toWireError(err) }));
});

scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  // A stray rejection (e.g. from a backend's own async init) must not look like a crash to the page.
  event.preventDefault();
});
