import { describe, expect, it } from 'vitest';
import { answerFromJson, answerToJson } from './answer-cache.ts';

describe('answer JSON', () => {
  it('round-trips nested answers, keeping NaN and ±Infinity', () => {
    const answer = {
      kind: 'learned',
      ranking: { ranked: [{ score: 1.5, cost: Infinity, powerW: NaN, gap: -Infinity, note: null }] },
      list: [1, 'two', { three: [3] }],
    };
    const back = answerFromJson(answerToJson(answer)) as typeof answer;
    expect(back).toEqual(answer);
    expect(back.ranking.ranked[0]!.cost).toBe(Infinity);
    expect(back.ranking.ranked[0]!.gap).toBe(-Infinity);
    expect(Number.isNaN(back.ranking.ranked[0]!.powerW)).toBe(true);
    expect(back.ranking.ranked[0]!.note).toBeNull();
  });

  it('drops undefined fields as JSON does (a missing field reads as undefined)', () => {
    const back = answerFromJson(answerToJson({ a: 1, b: undefined })) as Record<string, unknown>;
    expect(back).toEqual({ a: 1 });
    expect('b' in back).toBe(false);
  });
});
