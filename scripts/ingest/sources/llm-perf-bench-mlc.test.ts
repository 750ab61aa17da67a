import { describe, expect, it } from 'vitest';
import { source } from './llm-perf-bench-mlc.ts';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';

const parsed = parseOnce(source);
const F = 'llm-perf-bench-mlc/llm_perf_bench_decode.csv';

describe.skipIf(!rawPresent('llm-perf-bench-mlc'))('MLC llm-perf-bench source', () => {
  it('reads every row, drops N/A cells', () => {
    const r = parsed();
    expect(r.read).toBe(82);
    expect(r.rows).toHaveLength(75);
    expect(r.drops).toHaveLength(7);
    expect(r.drops.every((d) => d.reason.startsWith('no value (status n/a'))).toBe(true);
    checkSource(source, r, [F]);
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    expect(rowsAt(r, F, 23, 'decode_tokens_s')[0]).toMatchObject({
      hardware: 'A100',
      n_devices: 8,
      model: 'Llama2-70B',
      precision: 'fp16',
      value: 9.37,
      gen_tokens: 256,
      batch_size: 1,
    });
    expect(rowsAt(r, F, 23, 'decode_tokens_s')[0]?.runtime).toMatch(/^llama\.cpp CUDA/);
    expect(rowsAt(r, F, 81, 'decode_tokens_s')[0]).toMatchObject({
      hardware: 'Radeon RX 7900 XTX',
      n_devices: 2,
      precision: 'int4',
      value: 29.9,
    });
  });
});
