import { describe, expect, it } from 'vitest';
import { decide, scoreFolds, type HeldOutRow } from './score.ts';

const r = (fold: number, truth: number, before: number | null, after: number | null): HeldOutRow => ({
  fold,
  truth,
  before,
  after,
});

describe('scoreFolds', () => {
  it('scores each fold and all folds pooled, on the rows both models answered', () => {
    const rows = [
      r(0, 100, 150, 110), // 50% → 10%
      r(0, 100, 80, 95), // 20% → 5%
      r(1, 100, 130, 140), // 30% → 40%
      r(1, 100, null, 100), // not scored: the shipped model did not answer
      r(2, 100, null, null),
    ];
    const { folds, pooled } = scoreFolds(rows, 3);
    expect(folds.map((f) => f.rows)).toEqual([2, 2, 1]);
    expect(folds[0]!.score).toMatchObject({ n: 2, before: { mdape: 35 }, after: { mdape: 7.5 } });
    expect(folds[0]!.score!.after.within25).toBe(100);
    expect(folds[1]!.score).toMatchObject({ n: 1, before: { mdape: 30 }, after: { mdape: 40 } });
    expect(folds[2]!.score).toBeNull();
    expect(pooled).toMatchObject({ n: 3, before: { mdape: 30 }, after: { mdape: 10 } });
    expect(pooled!.before.within25).toBeCloseTo(33.3, 1);
  });
});

describe('decide', () => {
  const pooled = (before: number, after: number) => {
    const p = scoreFolds([r(0, 100, 100 + before, 100 + after)], 1).pooled;
    return p;
  };

  it('keeps the calibrated model only when its pooled median error is lower, and says by how much', () => {
    const keep = decide(pooled(40, 30));
    expect(keep).toMatchObject({ keep: true, before: 40, after: 30, points: -10, relative: -25 });
    expect(keep.summary).toBe(
      "Kept: the calibrated model's cross-validated median error is lower, 40.0% → 30.0% (−10.0 points, −25.0%) on 1 held-out rows.",
    );
    const worse = decide(pooled(30, 33));
    expect(worse).toMatchObject({ keep: false, reason: 'not-better', points: 3, relative: 10 });
    expect(worse.summary).toMatch(
      /^Not kept: the calibrated model is not better .* 30\.0% → 33\.0% \(\+3\.0 points/,
    );
    expect(decide(pooled(30, 30))).toMatchObject({ keep: false, reason: 'not-better', points: 0 });
  });

  it('offers nothing when no held-out row was scored', () => {
    expect(decide(null)).toMatchObject({ keep: false, reason: 'too-few', before: null });
  });
});
