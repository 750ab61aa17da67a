import { describe, expect, it } from 'vitest';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';
import { source, whisperModel } from './whispercpp-bench.ts';

const parsed = parseOnce(source);
const B = 'whispercpp-bench/whispercpp_bench.csv';
const I = 'whispercpp-bench/issue89_excerpts_cpu_encode.csv';

describe('whisper.cpp model names', () => {
  it('splits quant suffixes', () => {
    expect(whisperModel('large-v3-turbo-q5_0')).toEqual({
      model: 'whisper-large-v3-turbo',
      precision: 'Q5_0',
    });
    expect(whisperModel('base')).toEqual({ model: 'whisper-base', precision: 'F16' });
    expect(whisperModel('medium-dis').model).toBe('distil-whisper-medium.en');
  });
});

describe.skipIf(!rawPresent('whispercpp-bench'))('whisper.cpp source', () => {
  it('reads both tables', () => {
    const r = parsed();
    expect(r.read).toBe(102 + 18);
    expect(r.drops).toHaveLength(0);
    expect(r.rows).toHaveLength(102 * 4 + 18);
    // Batch-5 TPOT is 5 × the Bch5 cell (the step time); the check finds the cell it came from.
    checkSource(source, r, [B, I], (x) =>
      x.metric === 'tpot_ms' && x.batch_size === 5 ? Math.round((x.value / 5) * 1e6) / 1e6 : x.value,
    );
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    const enc = rowsAt(r, B, 99, 'ttft_ms').find((x) => x.scenario === 'encode');
    expect(enc).toMatchObject({
      hardware: 'V100',
      model: 'whisper-large-v2',
      precision: 'F16',
      value: 85.77,
    });
    expect(enc?.runtime).toContain('flash-attn on');
    const dec = rowsAt(r, B, 25, 'tpot_ms');
    expect(dec.map((x) => [x.batch_size, x.value])).toEqual([
      [1, 0.99],
      // Bch5 0.24 ms per token of a 5-token step: each sequence waits the whole 1.2 ms step for its next token.
      [5, 1.2],
    ]);
    expect(rowsAt(r, I, 10, 'ttft_ms')[0]).toMatchObject({
      hardware: 'Core i7-8750H',
      model: 'whisper-large',
      value: 25562.17,
      date: '2022-12-01',
    });
  });
});
