import { describe, expect, it } from 'vitest';
import { LLAMA2_70B, V100 } from '../roofline/fixtures.test-util.ts';
import { perDeviceBreakdown, smallestFootprint } from './memory.ts';

describe('smallestFootprint', () => {
  it('the smallest footprint among the precisions, even where it does not fit', () => {
    const w = { model: LLAMA2_70B, mode: 'inference' as const, batch: 1, promptTokens: 128, genTokens: 128 };
    const r = smallestFootprint(w, V100, ['fp32', 'fp16'])!;
    expect(r.precision).toBe('fp16');
    expect(r.memory.total / 1e9).toBeGreaterThan(V100.memory_gb!);
    expect(r.memory.weights).toBeGreaterThan(100e9);
  });

  it('null when no precision is known', () => {
    const w = { model: LLAMA2_70B, mode: 'inference' as const, batch: 1 };
    expect(smallestFootprint(w, V100, ['nope'])).toBeNull();
  });
});

describe('perDeviceBreakdown', () => {
  const m = {
    weights: 140e9,
    kvCache: 10e9,
    activations: 0,
    gradients: 0,
    optimizer: 0,
    overhead: 1e9,
    total: 151e9,
    reserve: 0,
    runtimeNote: '',
  };
  it('scales the model state so the parts add up to the per-device figure', () => {
    const d = perDeviceBreakdown(m, 38.5e9);
    expect(d.total).toBeCloseTo(38.5e9);
    expect(d.weights).toBeCloseTo(35e9);
    expect(d.overhead).toBe(1e9);
  });
  it('one device: unchanged', () => {
    expect(perDeviceBreakdown(m, 151e9)).toBe(m);
  });
});
