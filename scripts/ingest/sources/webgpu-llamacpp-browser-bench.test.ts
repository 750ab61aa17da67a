import { describe, expect, it } from 'vitest';
import { parseOnce, rawPresent, rowsAt } from './testing-raw.ts';
import { source } from './webgpu-llamacpp-browser-bench.ts';

const parsed = parseOnce(source);
const M3 = 'webgpu-llamacpp-browser-bench/apple-m3-16gb-darwin_commit_5f0b1b5.json';
const HEAD = 'webgpu-llamacpp-browser-bench/apple-metal-3-8gb-darwin_HEAD.json';

describe.skipIf(!rawPresent('webgpu-llamacpp-browser-bench'))('webgpu-bench source', () => {
  it('reads every result, drops failed runs and the unidentified device', () => {
    const r = parsed();
    expect(r.read).toBe(1185);
    expect(r.rows).toHaveLength(2 * 811);
    expect(r.drops).toHaveLength(374);
    expect(r.drops).toContainEqual({ source_file: HEAD, source_row: 1, reason: 'device not identified' });
    expect(r.drops.filter((d) => d.reason.startsWith('run failed: ')).length).toBe(373);
    expect(new Set(r.rows.map((x) => x.hardware))).toEqual(new Set(['Apple M3']));
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    expect(rowsAt(r, M3, 128, 'decode_tokens_s')[0]).toMatchObject({
      model: 'Qwen3-0.6B',
      precision: 'Q4_K_M',
      value: 52.18,
      gen_tokens: 128,
      runtime: 'llama.cpp WebGPU / Chromium (jspi build)',
    });
    expect(rowsAt(r, M3, 128, 'prefill_tokens_s')[0]).toMatchObject({ value: 172.86, prompt_tokens: 49 });
    expect(rowsAt(r, M3, 763, 'decode_tokens_s')[0]).toMatchObject({
      value: 0.77,
      runtime: 'llama.cpp WASM CPU / Firefox (asyncify build)',
    });
  });
});
