import { describe, expect, it } from 'vitest';
import { buildPrior, buildSupport, priorLogEff, runtimeSeen, supportKey } from './prior.ts';

const row = (runtime: string, kind: string, efficiency: number) => ({
  runtime,
  hw: { kind } as never,
  metric: 'decode_tokens_s' as const,
  efficiency,
});

describe('runtime prior', () => {
  it('takes the median per runtime class × device kind × metric, falling back to coarser keys', () => {
    const rows = [
      ...Array.from({ length: 3 }, (_, i) =>
        row('llama.cpp WASM CPU / Chromium', 'soc-gpu', 0.001 * (i + 1)),
      ),
      ...Array.from({ length: 3 }, (_, i) => row('vLLM 0.9', 'gpu', 0.4 + 0.1 * i)),
    ];
    const t = buildPrior(rows, 3);
    expect(priorLogEff(t, 'llama.cpp WASM CPU', 'soc-gpu', 'decode_tokens_s')).toBeCloseTo(
      Math.log(0.002),
      9,
    );
    // No wasm rows on a GPU: the runtime's median on any kind.
    expect(priorLogEff(t, 'llama.cpp wasm', 'gpu', 'decode_tokens_s')).toBeCloseTo(Math.log(0.002), 9);
    expect(priorLogEff(t, 'vllm', 'gpu', 'decode_tokens_s')).toBeCloseTo(Math.log(0.5), 9);
    expect(priorLogEff(t, 'vllm', 'gpu', 'ttft_ms')).toBeNull();
  });

  it('caps efficiency at the bound', () => {
    const t = buildPrior([row('vllm', 'gpu', 3), row('vllm', 'gpu', 3), row('vllm', 'gpu', 3)], 3);
    expect(priorLogEff(t, 'vllm', 'gpu', 'decode_tokens_s')).toBe(0);
  });
});

describe('support table', () => {
  it('counts training rows per runtime class × vendor × kind, and tells seen runtimes from unseen', () => {
    const t = buildSupport([
      { runtime: 'vLLM 0.9', hw: { vendor: 'NVIDIA', kind: 'gpu' } },
      { runtime: 'SGLang', hw: { vendor: 'nvidia', kind: 'gpu' } },
      { runtime: 'vLLM 0.9', hw: { vendor: 'AMD', kind: 'gpu' } },
    ]);
    expect(t[supportKey('vllm', 'NVIDIA', 'gpu')]).toBe(2);
    expect(t[supportKey('vllm', 'amd', 'gpu')]).toBe(1);
    expect(t[supportKey('TensorRT-LLM', 'nvidia', 'gpu')]).toBeUndefined();
    const prior = buildPrior([row('vLLM 0.9', 'gpu', 0.5)], 1);
    expect(runtimeSeen(prior, 'SGLang')).toBe(true);
    expect(runtimeSeen(prior, 'llama.cpp WebGPU')).toBe(false);
  });
});
