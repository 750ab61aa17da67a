import { describe, expect, it } from 'vitest';
import { CostError, kvCacheBytes, workloadCost } from './cost.ts';
import { memoryFootprint } from './memory.ts';
import { precisionInfo, type PrecisionInfo } from './precision.ts';
import type { ModelArch, Workload } from './workload.ts';

const FP16 = precisionInfo('fp16') as PrecisionInfo;
const FP8 = precisionInfo('fp8') as PrecisionInfo;

const decoder = (over: Partial<ModelArch>): ModelArch => ({
  id: 'test',
  family: 'test',
  modality: 'text',
  architecture: 'decoder-only',
  params_m: 7000,
  active_params_m: null,
  layers: 32,
  hidden: 4096,
  heads: 32,
  kv_heads: 8,
  ffn: 14336,
  vocab: 32000,
  max_seq: 131072,
  image_size: null,
  gflops_per_sample: null,
  gflops_per_token: null,
  n_experts: null,
  experts_per_token: null,
  ...over,
});

const LLAMA3_8B = decoder({ id: 'llama-3-8b', vocab: 128256 });
const DEEPSEEK_V3 = decoder({
  id: 'deepseek-v3',
  architecture: 'moe-decoder',
  params_m: 671000,
  active_params_m: 37000,
  layers: 61,
  hidden: 7168,
  heads: 128,
  kv_heads: 128,
  attention: 'mla',
  kv_lora_rank: 512,
  qk_rope_dim: 64,
});
const MISTRAL_7B = decoder({ id: 'mistral-7b-v0.1', sliding_window: 4096, sliding_layers: null });
const GEMMA2_9B = decoder({
  id: 'gemma-2-9b',
  layers: 42,
  hidden: 3584,
  heads: 16,
  kv_heads: 8,
  head_dim: 256,
  sliding_window: 4096,
  sliding_layers: 21,
});
const JAMBA = decoder({
  id: 'jamba-v0.1',
  architecture: 'moe-decoder',
  attn_layers: 4,
  ssm_state_elems: 4_587_520,
});
const QWEN3_NEXT = decoder({
  id: 'qwen3-next-80b-a3b',
  architecture: 'moe-decoder',
  layers: 48,
  hidden: 2048,
  heads: 16,
  kv_heads: 2,
  head_dim: 256,
  attn_layers: 12,
  ssm_state_elems: 20_054_016,
});

const llm = (
  model: ModelArch,
  promptTokens: number,
  genTokens: number,
  over: Partial<Workload> = {},
): Workload => ({
  model,
  mode: 'inference',
  batch: 1,
  precision: 'fp16',
  nDevices: 1,
  promptTokens,
  genTokens,
  ...over,
});

describe('KV cache by architecture', () => {
  it('Llama-3-8B: 2 × 32 layers × 8 KV heads × 128 × 2 bytes × 8192 tokens = 1,073,741,824 bytes', () => {
    expect(kvCacheBytes(LLAMA3_8B, 8192, FP16)).toBe(1_073_741_824);
    const mem = memoryFootprint(llm(LLAMA3_8B, 8064, 128), FP16, 'gpu');
    expect(mem.kvCache).toBe(1_073_741_824);
  });

  it('KV footprint scales with the batch and counts prompt + generated tokens', () => {
    const mem = memoryFootprint(llm(LLAMA3_8B, 4000, 96, { batch: 4 }), FP16, 'gpu');
    expect(mem.kvCache).toBe(4 * 131_072 * 4096);
  });

  it('DeepSeek-V3 MLA: (512 + 64) × 61 layers × 2 bytes = 70,272 bytes per token; 31k more tokens add ≈ 2.18 GB', () => {
    expect(kvCacheBytes(DEEPSEEK_V3, 1, FP16)).toBe(70_272);
    const added = kvCacheBytes(DEEPSEEK_V3, 32_000, FP16) - kvCacheBytes(DEEPSEEK_V3, 1_000, FP16);
    expect(added).toBe(2_178_432_000);
    const asMha = 2 * 61 * 128 * 56 * 2;
    expect(kvCacheBytes(DEEPSEEK_V3, 1, FP16)).toBeLessThan(asMha / 20);
  });

  it('Mistral-7B-v0.1: the 4096-token window caps the KV cache (same at 4k and 32k context)', () => {
    const at4k = kvCacheBytes(MISTRAL_7B, 4096, FP16);
    expect(at4k).toBe(536_870_912);
    expect(kvCacheBytes(MISTRAL_7B, 32_768, FP16)).toBe(at4k);
    expect(kvCacheBytes(MISTRAL_7B, 2048, FP16)).toBe(at4k / 2);
  });

  it('Gemma-2-9B: 21 of 42 layers capped at the 4096 window (head_dim 256: 8,192 bytes per token per layer)', () => {
    const perLayerToken = 2 * 8 * 256 * 2;
    expect(kvCacheBytes(GEMMA2_9B, 4096, FP16)).toBe(42 * 4096 * perLayerToken);
    expect(kvCacheBytes(GEMMA2_9B, 8192, FP16)).toBe(2_113_929_216);
    expect(kvCacheBytes(GEMMA2_9B, 32_768, FP16)).toBe(21 * perLayerToken * (32_768 + 4096));
  });

  it('Jamba: only the 4 attention layers grow with context; the Mamba state (4,587,520 elements) is fixed', () => {
    const perToken = 2 * 8 * 128 * 2 * 4;
    expect(kvCacheBytes(JAMBA, 0, FP16)).toBe(9_175_040);
    expect(kvCacheBytes(JAMBA, 8192, FP16) - kvCacheBytes(JAMBA, 4096, FP16)).toBe(4096 * perToken);
    expect(kvCacheBytes(JAMBA, 8192, FP16)).toBe(9_175_040 + 8192 * perToken);
  });

  it('Qwen3-Next: 12 full-attention layers grow (24,576 bytes per token); the linear-attention state does not', () => {
    expect(kvCacheBytes(QWEN3_NEXT, 0, FP16)).toBe(40_108_032);
    expect(kvCacheBytes(QWEN3_NEXT, 65_536, FP16) - kvCacheBytes(QWEN3_NEXT, 32_768, FP16)).toBe(
      32_768 * 24_576,
    );
  });

  it('fp8 KV halves the fp16 KV: from the workload, or from the checkpoint; the SSM state keeps its precision', () => {
    expect(kvCacheBytes(LLAMA3_8B, 8192, FP16, 'fp8')).toBe(536_870_912);
    const fp8Checkpoint = { ...LLAMA3_8B, kv_precision: 'fp8' };
    expect(kvCacheBytes(fp8Checkpoint, 8192, FP16)).toBe(536_870_912);
    expect(kvCacheBytes(fp8Checkpoint, 8192, FP16, 'fp16')).toBe(1_073_741_824);
    expect(kvCacheBytes(LLAMA3_8B, 8192, FP8)).toBe(536_870_912);
    const jambaKv = kvCacheBytes(JAMBA, 8192, FP16) - 9_175_040;
    expect(kvCacheBytes(JAMBA, 8192, FP16, 'fp8')).toBe(9_175_040 + jambaKv / 2);
    const mem = memoryFootprint(llm(LLAMA3_8B, 8064, 128, { kvPrecision: 'fp8' }), FP16, 'gpu');
    expect(mem.kvCache).toBe(536_870_912);
  });

  it('an unknown KV precision is an error naming it', () => {
    expect(() => kvCacheBytes(LLAMA3_8B, 1, FP16, 'fp7')).toThrow(CostError);
    expect(() => kvCacheBytes(LLAMA3_8B, 1, FP16, 'fp7')).toThrow(/fp7/);
  });

  it("prefill and decode read the architecture-aware KV: decode at 32k context reads Mistral's 4096-token window", () => {
    const w = llm(MISTRAL_7B, 32_000, 128);
    const [prefill, decode] = workloadCost(w, FP16);
    expect(prefill!.bytes - prefill!.weightBytes).toBe(536_870_912);
    expect(decode!.bytes - decode!.weightBytes).toBe(536_870_912);
    const [, llamaDecode] = workloadCost(llm(LLAMA3_8B, 32_000, 128), FP16);
    expect(llamaDecode!.bytes - llamaDecode!.weightBytes).toBe(131_072 * 32_064);
  });
});
