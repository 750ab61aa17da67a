import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy.ts';

describe('accuracy', () => {
  it('computes APE statistics and coverage on hand-checked rows', () => {
    const a = accuracy([
      { truth: 100, pred: 105, low: 90, high: 110 },
      { truth: 100, pred: 80, low: 85, high: 95 },
      { truth: 200, pred: 300, low: 150, high: 350 },
      { truth: 50, pred: 50 },
    ])!;
    expect(a.n).toBe(4);
    expect(a.mdape).toBe(12.5); // APEs 0, 5, 20, 50
    expect(a.mape).toBe(18.75);
    expect(a.within10).toBe(50);
    expect(a.within25).toBe(75);
    expect(a.coverage80).toBe(66.7);
    expect(a.medianFactor).toBeCloseTo((1.05 + 1.25) / 2, 3);
  });
  it('is null for no rows', () => {
    expect(accuracy([])).toBeNull();
  });
});
