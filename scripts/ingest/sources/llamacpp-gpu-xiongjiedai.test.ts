import { describe, expect, it } from 'vitest';
import { llamaDeviceName, llamaModelName, source } from './llamacpp-gpu-xiongjiedai.ts';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';

const parsed = parseOnce(source);
const L3 = 'llamacpp-gpu-xiongjiedai/llama3_llamacpp_bench_long.csv';
const L2 = 'llamacpp-gpu-xiongjiedai/llama2_llamacpp_overview_long.csv';

describe('llama.cpp names', () => {
  it('names models and devices', () => {
    expect(llamaModelName('LLaMA 3', '8B')).toBe('Llama-3-8B');
    expect(llamaDeviceName('3080 Ti', '12')).toBe('RTX 3080 Ti');
    expect(llamaDeviceName('A100 SXM', '80')).toBe('A100 SXM 80GB');
    expect(llamaDeviceName('M2 Ultra 76-Core GPU', '192')).toBe('M2 Ultra 76-Core GPU');
  });
});

describe.skipIf(!rawPresent('llamacpp-gpu-xiongjiedai'))('llama.cpp (XiongjieDai) source', () => {
  it('reads both tables, drops OOM cells', () => {
    const r = parsed();
    expect(r.read).toBe(704 + 160);
    expect(r.rows).toHaveLength(702 + 112);
    expect(r.drops).toHaveLength(50);
    expect(r.drops.every((d) => d.reason === 'OOM (out of memory)')).toBe(true);
    expect(r.drops).toContainEqual({ source_file: L3, source_row: 644, reason: 'OOM (out of memory)' });
    checkSource(source, r, [L3, L2]);
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    expect(rowsAt(r, L3, 53, 'prefill_tokens_s')[0]).toMatchObject({
      hardware: 'RTX 4090',
      model: 'Llama-3-8B',
      precision: 'Q4_K_M',
      prompt_tokens: 512,
      value: 7138.99,
      runtime: 'llama.cpp CUDA 12.1.1',
      date: '2024-05',
    });
    expect(rowsAt(r, L2, 73, 'decode_tokens_s')[0]).toMatchObject({
      hardware: 'M2 Ultra 76-Core GPU',
      model: 'Llama-2-7B',
      precision: 'Q4_0',
      value: 91.89,
      runtime: 'llama.cpp Metal',
      date: '2023-12',
    });
  });
});
