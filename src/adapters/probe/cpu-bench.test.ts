import { describe, expect, it } from 'vitest';
import { benchJsMatmul, benchTypedCopy, jsMatmul } from './cpu-bench.ts';

describe('plain-JS benchmarks', () => {
  it('jsMatmul multiplies', () => {
    const a = Float32Array.from([1, 2, 3, 4]);
    const b = Float32Array.from([5, 6, 7, 8]);
    const c = new Float32Array(4);
    jsMatmul(a, b, c, 2);
    expect([...c]).toEqual([19, 22, 43, 50]);
  });

  it('benchJsMatmul measures a real, verified rate within its budget', async () => {
    const stages: string[] = [];
    const t0 = performance.now();
    const r = await benchJsMatmul(500, (s) => stages.push(s));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r).toMatchObject({
      id: 'js-matmul',
      status: 'ok',
      unit: 'GFLOPS',
      verified: true,
      timing: 'wall-clock',
    });
    expect(r.value).toBeGreaterThan(0);
    expect(r.bestMs).toBeLessThanOrEqual(r.medianMs ?? 0);
    expect(stages[0]).toBe('64×64×64 fp32');
  });

  it('benchTypedCopy measures GB/s', async () => {
    const r = await benchTypedCopy(300, () => {}, 8 * 1024 ** 2);
    expect(r).toMatchObject({ id: 'wasm-copy', status: 'ok', unit: 'GB/s', size: '8 MiB copy' });
    expect(r.value).toBeGreaterThan(0);
    expect(r.reps).toBeGreaterThan(1);
  });
});
