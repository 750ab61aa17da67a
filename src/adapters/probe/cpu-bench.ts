/**
 * Plain-JS microbenchmarks for the lab worker: an i-k-j Float32Array matmul (the reference every other
 * matmul is compared with) and a TypedArray copy (the memory bandwidth wasm and JS code sees). No browser
 * APIs beyond `performance.now()`, so they also run under Node.
 */
import type { BenchmarkResult } from '../../core/lab/types.ts';
import {
  adaptiveRun,
  checkMatmulSamples,
  copyGbps,
  formatBytes,
  matmulGflops,
  measured,
  repStats,
  samplePositions,
  unmeasured,
  type StageFn,
} from './bench-math.ts';

/** C = A·B for n×n row-major matrices, i-k-j order (streams rows of B and C). */
export function jsMatmul(a: Float32Array, b: Float32Array, c: Float32Array, n: number): void {
  c.fill(0);
  for (let i = 0; i < n; i++) {
    const ci = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[ci + k] ?? 0;
      const bk = k * n;
      for (let j = 0; j < n; j++) c[ci + j] = (c[ci + j] ?? 0) + aik * (b[bk + j] ?? 0);
    }
  }
}

function randomMatrix(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n * n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  });
}

/** The plain-JS matmul benchmark. */
export async function benchJsMatmul(budgetMs: number, stage: StageFn): Promise<BenchmarkResult> {
  let a: Float32Array = new Float32Array(0);
  let b: Float32Array = new Float32Array(0);
  let c = new Float32Array(0);
  const outcome = await adaptiveRun({
    start: 64,
    policy: { targetMs: 100, max: 1024, costFactor: 8 },
    budgetMs,
    now: () => performance.now(),
    onSize: (n) => stage(`${n}×${n}×${n} fp32`, Math.log2(n / 32) / 5),
    prepare: (n) => {
      a = randomMatrix(n, 1);
      b = randomMatrix(n, 2);
      c = new Float32Array(n * n);
    },
    run: (n) => {
      const t0 = performance.now();
      jsMatmul(a, b, c, n);
      return Promise.resolve(performance.now() - t0);
    },
  });
  const n = outcome.size;
  return measured({
    id: 'js-matmul',
    stats: repStats(outcome.times),
    rate: (ms) => matmulGflops(n, ms),
    timing: 'wall-clock',
    size: `${n}×${n}×${n} fp32, i-k-j loop`,
    ranOn: 'plain JavaScript (Float32Array) in a worker',
    verified: checkMatmulSamples(a, b, c, n, samplePositions(n), { abs: 1e-3, rel: 1e-3 }),
  });
}

/** The TypedArray copy-bandwidth benchmark: `Float32Array.prototype.set` between two large arrays. */
export async function benchTypedCopy(
  budgetMs: number,
  stage: StageFn,
  maxBytes = 64 * 1024 ** 2,
): Promise<BenchmarkResult> {
  let src = new Float32Array(0);
  let dst = new Float32Array(0);
  let bytes = maxBytes;
  // Smaller arrays where the browser will not give 2 × 64 MiB.
  for (;;) {
    try {
      src = new Float32Array(bytes / 4);
      dst = new Float32Array(bytes / 4);
      break;
    } catch (err) {
      if (bytes <= 4 * 1024 ** 2) throw err;
      bytes /= 4;
    }
  }
  for (let i = 0; i < src.length; i += 1024) src[i] = i;
  stage(`${formatBytes(bytes)} copy`, 0.2);
  const outcome = await adaptiveRun({
    start: bytes,
    policy: { targetMs: 0, max: bytes, costFactor: 2 },
    budgetMs,
    now: () => performance.now(),
    prepare: () => {},
    run: () => {
      const t0 = performance.now();
      dst.set(src);
      return Promise.resolve(performance.now() - t0);
    },
    maxReps: 10,
  });
  if (dst[1024] !== src[1024]) return unmeasured('wasm-copy', 'failed', 'the copy did not arrive');
  return measured({
    id: 'wasm-copy',
    stats: repStats(outcome.times),
    rate: (ms) => copyGbps(bytes, ms),
    timing: 'wall-clock',
    size: `${formatBytes(bytes)} copy`,
    ranOn: 'Float32Array.prototype.set in a worker',
    verified: null,
    note: 'GB/s counts each byte read and written (2 × size / time); the bandwidth wasm and JS kernels see',
  });
}
