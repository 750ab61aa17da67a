import { describe, expect, it } from 'vitest';
import { BENCHMARK_IDS } from '../../core/lab/types.ts';
import {
  adaptiveRun,
  checkMatmulSamples,
  completeResults,
  copyGbps,
  errorText,
  formatBytes,
  fromHalfBits,
  matmulGflops,
  measured,
  median,
  nextSize,
  repStats,
  samplePositions,
  toHalfBits,
  unmeasured,
  unitOf,
} from './bench-math.ts';

describe('rates', () => {
  it('GFLOPS = 2·n³ / time', () => {
    expect(matmulGflops(1024, 1000)).toBeCloseTo(2.147483648, 9);
    expect(matmulGflops(256, 200)).toBeCloseTo((2 * 256 ** 3) / 0.2 / 1e9, 9);
    expect(matmulGflops(256, 0)).toBe(0);
  });
  it('GB/s = 2·bytes / time (read + write)', () => {
    expect(copyGbps(64 * 1024 ** 2, 10)).toBeCloseTo((2 * 64 * 1024 ** 2) / 0.01 / 1e9, 9);
    expect(copyGbps(1, -1)).toBe(0);
  });
  it('median and rep stats', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(repStats([5, 3, 4])).toEqual({ bestMs: 3, medianMs: 4, reps: 3 });
  });
});

describe('size adaptation', () => {
  const policy = { targetMs: 100, max: 2048, costFactor: 8 };
  it('doubles while a run is short and the doubled run fits the budget', () => {
    expect(nextSize(128, 10, 4000, policy)).toBe(256);
    expect(nextSize(256, 100, 4000, policy)).toBeNull();
    expect(nextSize(2048, 1, 4000, policy)).toBeNull();
    // 50 ms × 8 × 3 = 1.2 s does not fit in 1 s.
    expect(nextSize(512, 50, 1000, policy)).toBeNull();
  });

  it('adaptiveRun grows on a simulated n³ device and stays within budget', async () => {
    let clock = 0;
    const sizes: number[] = [];
    const cost = (n: number): number => (n / 128) ** 3 * 2; // 2 ms at 128
    const outcome = await adaptiveRun({
      start: 128,
      policy,
      budgetMs: 4000,
      now: () => clock,
      prepare: (n) => {
        sizes.push(n);
      },
      run: (n) => {
        clock += cost(n);
        return Promise.resolve(cost(n));
      },
    });
    // 128: 2 ms, 256: 16, 512: 128 (≥ 100: stop).
    expect(sizes).toEqual([128, 256, 512]);
    expect(outcome.size).toBe(512);
    expect(outcome.times.length).toBe(7);
    expect(clock).toBeLessThan(4000);
  });

  it('stops growing when the next size would blow the budget (software adapter)', async () => {
    let clock = 0;
    const cost = (n: number): number => (n / 128) ** 3 * 25; // SwiftShader-like: 25 ms at 128, 200 at 256
    const outcome = await adaptiveRun({
      start: 128,
      policy,
      budgetMs: 600,
      now: () => clock,
      prepare: () => {},
      run: (n) => {
        clock += cost(n);
        return Promise.resolve(cost(n));
      },
    });
    expect(outcome.size).toBe(128);
    expect(outcome.times.every((t) => t === 25)).toBe(true);
    expect(clock).toBeLessThanOrEqual(600);
  });

  it('takes at least one timed repetition even past the budget', async () => {
    let clock = 0;
    const outcome = await adaptiveRun({
      start: 64,
      policy,
      budgetMs: 10,
      now: () => clock,
      prepare: () => {},
      run: () => {
        clock += 50;
        return Promise.resolve(50);
      },
    });
    expect(outcome).toEqual({ size: 64, times: [50] });
  });
});

describe('results', () => {
  it('a measured result takes the rate of the best repetition', () => {
    const r = measured({
      id: 'webgpu-matmul-fp32',
      stats: repStats([200, 100, 150]),
      rate: (ms) => matmulGflops(256, ms),
      timing: 'timestamp-query',
      size: '256×256×256 fp32, 16×16 tiles',
      ranOn: 'google swiftshader (fallback adapter)',
      verified: true,
    });
    expect(r).toMatchObject({
      status: 'ok',
      unit: 'GFLOPS',
      bestMs: 100,
      medianMs: 150,
      reps: 3,
      note: null,
    });
    expect(r.value).toBeCloseTo(0.3355, 4);
  });

  it('units follow the benchmark id', () => {
    expect(unitOf('webgpu-copy')).toBe('GB/s');
    expect(unitOf('wasm-copy')).toBe('GB/s');
    expect(unitOf('wasm-matmul')).toBe('GFLOPS');
  });

  it('completeResults keeps finished ones in benchmark order and marks the rest', () => {
    const done = [
      unmeasured('js-matmul', 'failed', 'x'),
      unmeasured('webgpu-copy', 'skipped', 'no WebGPU adapter'),
    ];
    const results = completeResults(done, 'cancelled', 'cancelled by the user');
    expect(results.map((r) => r.id)).toEqual([...BENCHMARK_IDS]);
    expect(results.find((r) => r.id === 'webgpu-copy')?.status).toBe('skipped');
    expect(results.find((r) => r.id === 'js-matmul')?.status).toBe('failed');
    expect(results.filter((r) => r.status === 'cancelled')).toHaveLength(BENCHMARK_IDS.length - 2);
    expect(results.every((r) => r.status === 'ok' || r.value === null)).toBe(true);
  });
});

describe('verification', () => {
  it('checks sampled entries against a CPU dot product', () => {
    const n = 4;
    const a = Float32Array.from({ length: 16 }, (_, i) => i / 10);
    const b = Float32Array.from({ length: 16 }, (_, i) => 1 - i / 20);
    const c = new Float32Array(16);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) c[i * n + j]! += a[i * n + k]! * b[k * n + j]!;
    const at = samplePositions(n);
    expect(checkMatmulSamples(a, b, c, n, at, { abs: 1e-5, rel: 1e-5 })).toBe(true);
    c[3 * n + 3]! += 0.1;
    expect(checkMatmulSamples(a, b, c, n, at, { abs: 1e-5, rel: 1e-5 })).toBe(false);
    c[15] = Number.NaN;
    expect(checkMatmulSamples(a, b, c, n, at, { abs: 1, rel: 1 })).toBe(false);
  });
});

describe('half precision', () => {
  it('round-trips exactly representable values and rounds the rest', () => {
    for (const v of [0, 1, -1, 2048, 0.5, -0.25, 65504, 6.103515625e-5, 5.960464477539063e-8])
      expect(fromHalfBits(toHalfBits(v))).toBe(v);
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(fromHalfBits(toHalfBits(1e6))).toBe(Infinity);
    expect(fromHalfBits(toHalfBits(0.1))).toBeCloseTo(0.1, 3);
    expect(fromHalfBits(toHalfBits(2049))).toBe(2048); // ties to even
  });
});

describe('labels', () => {
  it('formats byte counts and errors', () => {
    expect(formatBytes(64 * 1024 ** 2)).toBe('64 MiB');
    expect(formatBytes(1024 ** 3)).toBe('1 GiB');
    expect(formatBytes(512 * 1024)).toBe('512 KiB');
    const err = new Error('WebNN is not supported on this platform.');
    err.name = 'NotSupportedError';
    expect(errorText(err)).toBe('NotSupportedError: WebNN is not supported on this platform.');
    expect(errorText('plain')).toBe('Error: plain');
  });
});
