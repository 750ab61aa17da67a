import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logTicks } from './log-ticks.ts';

describe('logTicks', () => {
  it('gives more than the two end ticks for a cloud-price range', () => {
    expect(logTicks(0.18, 5.5)).toEqual({ domain: [0.1, 10], ticks: [0.1, 0.3, 1, 3, 10] });
  });

  it('picks the tightest per-decade set', () => {
    expect(logTicks(9, 150).ticks).toEqual([5, 10, 20, 50, 100, 200]);
    expect(logTicks(300, 400_000).ticks).toEqual([100, 1_000, 10_000, 100_000, 1_000_000]);
  });

  it('falls back to even steps for a narrow span, and widens a single value', () => {
    expect(logTicks(1.2, 1.5).ticks).toEqual([1.2, 1.3, 1.4, 1.5]);
    expect(logTicks(4, 4)).toEqual({ domain: [3.6, 4.4], ticks: [3.6, 3.8, 4, 4.2, 4.4] });
  });

  it('rejects a range that is not positive', () => {
    expect(() => logTicks(0, 10)).toThrow(/positive finite range, got \[0, 10\]/);
  });

  it('always covers the data with 4 to 7 increasing positive ticks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        (lo, ratio) => {
          const hi = lo * ratio;
          const { domain, ticks } = logTicks(lo, hi);
          expect(ticks.length).toBeGreaterThanOrEqual(4);
          expect(ticks.length).toBeLessThanOrEqual(7);
          expect(ticks.every((t, i) => t > 0 && (i === 0 || t > ticks[i - 1]!))).toBe(true);
          expect(domain[0]).toBeLessThanOrEqual(lo);
          expect(domain[1]).toBeGreaterThanOrEqual(hi);
        },
      ),
    );
  });
});
