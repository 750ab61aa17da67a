import { describe, expect, it } from 'vitest';
import { inefficiency, mixWeights, sourceWeights, weightedSample } from './replay.ts';

describe('replay and mixing', () => {
  it('draws distinct indices ∝ weight, the same for a seed, never one of weight 0', () => {
    const w = [1, 0, 1, 1, 8, 1, 0, 1];
    const a = weightedSample(w, 4, 3);
    expect(a).toEqual(weightedSample(w, 4, 3));
    expect(new Set(a).size).toBe(4);
    expect(a).not.toContain(1);
    expect(a).not.toContain(6);
    expect(weightedSample(w, 20, 3)).toEqual([0, 2, 3, 4, 5, 7]);
    const picked = Array.from({ length: 200 }, (_, seed) => weightedSample(w, 1, seed)[0]);
    const heavy = picked.filter((i) => i === 4).length;
    // 8 of 13 weight: about 62% of single draws.
    expect(heavy).toBeGreaterThan(100);
    expect(heavy).toBeLessThan(150);
  });

  it('weighs sources as training does, and gives your rows their share of the draws', () => {
    expect(Array.from(sourceWeights(['a', 'a', 'a', 'a', 'b']))).toEqual([0.5, 0.5, 0.5, 0.5, 1]);
    const w = mixWeights(2, 4, 0.5);
    expect(Array.from(w)).toEqual([0.25, 0.25, 0.125, 0.125, 0.125, 0.125]);
    expect(Array.from(mixWeights(2, 0, 0.5))).toEqual([0.5, 0.5]);
  });

  it('targets −ln(efficiency), clipped to the bound and to 1e-4', () => {
    expect(inefficiency(0.5)).toBeCloseTo(Math.log(2), 12);
    expect(inefficiency(1.3)).toBe(0);
    expect(inefficiency(1e-9)).toBeCloseTo(-Math.log(1e-4), 12);
  });
});
