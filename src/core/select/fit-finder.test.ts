import { describe, expect, it } from 'vitest';
import { GIB } from '../roofline/capacity.ts';
import { LLAMA2_7B, LLAMA2_70B, RESNET50 } from '../roofline/fixtures.test-util.ts';
import { fit, memoryFootprint } from '../roofline/memory.ts';
import { precisionInfo } from '../roofline/precision.ts';
import type { Workload } from '../roofline/workload.ts';
import {
  budgetDevice,
  FIT_PRECISIONS,
  fitInBudget,
  fitOnDevice,
  fitWorkload,
  largestFitting,
  MAX_FIT_BATCH,
} from './fit-finder.ts';
import { H100P, RTX } from './fixtures.test-util.ts';

/** The memory model's own verdict, computed here without the fit finder. */
const fits = (w: Workload, hw = RTX) =>
  fit(memoryFootprint(w, precisionInfo(w.precision)!, hw.kind), hw, w.nDevices).status === 'fits';

describe('largestFitting', () => {
  it('finds the last n where a monotone test holds, as a linear scan would', () => {
    for (const limit of [0, 1, 2, 7, 64, 99, 100]) {
      const got = largestFitting(1, 100, (n) => n <= limit);
      expect(got).toBe(limit === 0 ? null : limit);
    }
  });
});

describe('fitOnDevice', () => {
  const r = fitOnDevice({ model: LLAMA2_7B }, RTX);
  const at = (p: string) => r.precisions.find((x) => x.precision === p)!;

  it('Llama-2-7B on a 24 GB card: fp16 fits (13.5 GB of weights), fp32 does not (27 GB)', () => {
    expect(at('fp16').fits).toBe(true);
    expect(at('fp16').memory.weights).toBeCloseTo(6.738e9 * 2, -6);
    expect(at('fp32').fits).toBe(false);
    expect(at('fp32').longestContext).toBeNull();
    expect(at('fp32').largestBatch).toBeNull();
    // 24 GiB less the framework's 5% slack.
    expect(at('fp16').capacityBytes).toBeCloseTo(24 * GIB * 0.95, 0);
    expect(r.best?.precision).toBe('bf16');
  });

  it('finds the exact longest context: it fits, one token more does not, by hand ≈ 12k tokens', () => {
    const c = at('fp16').longestContext!;
    // 24.48 GB − 13.48 GB weights − 0.6 GB context ≈ 10.4 GB; per token 0.52 MB of KV (MHA, 32 × 32 × 128
    // × 2 × 2 bytes) + 0.34 MB of activations → ≈ 12,000 tokens.
    expect(c.tokens).toBeGreaterThan(11_000);
    expect(c.tokens).toBeLessThan(13_000);
    expect(c.powerOfTwo).toBe(8192);
    expect(c.modelMax).toBe(4096);
    const w = fitWorkload({ model: LLAMA2_7B }, 'fp16');
    const gen = w.genTokens!;
    expect(fits({ ...w, promptTokens: c.tokens - gen })).toBe(true);
    expect(fits({ ...w, promptTokens: c.tokens - gen + 1 })).toBe(false);
  });

  it('finds the exact largest batch at the default lengths', () => {
    const b = at('fp16').largestBatch!;
    const w = fitWorkload({ model: LLAMA2_7B }, 'fp16');
    expect(fits({ ...w, batch: b.batch })).toBe(true);
    expect(fits({ ...w, batch: b.batch + 1 })).toBe(false);
    expect(b.powerOfTwo).toBeLessThanOrEqual(b.batch);
    expect(b.powerOfTwo * 2).toBeGreaterThan(b.batch);
  });

  it('fewer bits fit more context and larger batches; unsupported precisions are set apart', () => {
    expect(at('int8').longestContext!.tokens).toBeGreaterThan(at('fp16').longestContext!.tokens);
    expect(at('int8').largestBatch!.batch).toBeGreaterThan(at('fp16').largestBatch!.batch);
    // The fixture card has no fp8 or fp4 peak.
    expect(r.unsupported.map((u) => u.precision)).toEqual(expect.arrayContaining(['fp8', 'fp4']));
    expect(r.precisions.map((p) => p.precision)).not.toContain('fp8');
  });

  it('shards over devices: Llama-2-70B fp16 needs two 80 GB devices', () => {
    const one = fitOnDevice({ model: LLAMA2_70B }, H100P, ['fp16']);
    const two = fitOnDevice({ model: LLAMA2_70B, nDevices: 2 }, H100P, ['fp16']);
    expect(one.precisions[0]!.fits).toBe(false);
    expect(two.precisions[0]!.fits).toBe(true);
    expect(two.precisions[0]!.summary).toMatch(/^per device/);
  });

  it('a vision model has no context, only a batch; a larger image fits a smaller batch', () => {
    const v = fitOnDevice({ model: RESNET50 }, RTX, ['fp16']);
    expect(v.lengths).toBe('image');
    expect(v.precisions[0]!.longestContext).toBeNull();
    const small = v.precisions[0]!.largestBatch!.batch;
    const big = fitOnDevice({ model: RESNET50, imageSize: 448 }, RTX, ['fp16']).precisions[0]!.largestBatch!;
    expect(big.batch).toBeLessThan(small);
    expect(small).toBeLessThanOrEqual(MAX_FIT_BATCH);
  });

  it('a runtime that keeps memory back (vLLM: 10%) fits less', () => {
    const vllm = fitOnDevice({ model: LLAMA2_7B, runtime: 'vllm' }, RTX, ['fp16']).precisions[0]!;
    expect(vllm.capacityBytes).toBeCloseTo(24 * GIB * 0.9, 0);
    expect(vllm.longestContext!.tokens).toBeLessThan(at('fp16').longestContext!.tokens);
  });

  it('refuses a device without a memory figure and an unknown precision', () => {
    expect(() => fitOnDevice({ model: LLAMA2_7B }, { ...RTX, memory_gb: null })).toThrow(
      /no memory capacity/,
    );
    expect(() => fitOnDevice({ model: LLAMA2_7B }, RTX, ['fp17'])).toThrow(/unknown precision "fp17"/);
  });
});

describe('fitInBudget', () => {
  it('reads the budget as GiB, as vendors label memory', () => {
    expect(budgetDevice(48).memory_gb).toBe(48);
    const r = fitInBudget({ model: LLAMA2_7B }, 48);
    expect(r.capacity.bytes).toBe(48 * GIB);
    expect(() => budgetDevice(0)).toThrow(/positive/);
  });

  it('Llama-2-70B in 48 GB: 4-bit fits, fp16 and 8-bit do not; best is the most bits that fit', () => {
    const r = fitInBudget({ model: LLAMA2_70B }, 48);
    const at = (p: string) => r.precisions.find((x) => x.precision === p)!;
    expect(r.precisions.map((p) => p.precision)).toEqual(FIT_PRECISIONS);
    expect(r.unsupported).toEqual([]);
    for (const p of ['fp32', 'fp16', 'bf16', 'int8', 'fp8', 'q8_0']) expect(at(p).fits).toBe(false);
    for (const p of ['int4', 'q4_k_m', 'q4_0']) expect(at(p).fits).toBe(true);
    const best = r.best!;
    expect(best.fits).toBe(true);
    const fitting = r.precisions.filter((p) => p.fits);
    expect(Math.max(...fitting.map((p) => p.bitsPerWeight))).toBe(best.bitsPerWeight);
    expect(best.bitsPerWeight).toBeGreaterThanOrEqual(4);
    expect(best.bitsPerWeight).toBeLessThan(8);
  });

  it('says so when nothing fits', () => {
    const r = fitInBudget({ model: LLAMA2_70B }, 8);
    expect(r.best).toBeNull();
    expect(r.precisions.every((p) => !p.fits)).toBe(true);
  });

  it("a budget's kind sets the driver context, with no vendor's limit", () => {
    const gpu = fitInBudget({ model: LLAMA2_7B }, 16, 'gpu', ['fp16']);
    const soc = fitInBudget({ model: LLAMA2_7B }, 16, 'soc-gpu', ['fp16']);
    expect(soc.capacity.usableBytes).toBe(gpu.capacity.usableBytes);
    expect(soc.precisions[0]!.memory.overhead).toBeLessThan(gpu.precisions[0]!.memory.overhead);
  });
});
