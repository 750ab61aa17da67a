/**
 * Decoder LLMs not in the raw folders, from their published config.json (Hugging Face model repos) and model
 * cards. `source` names the repo; values are the architecture fields of that config.
 */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { llmRow, type LlmSpec } from './llm.ts';
import type { DecoderDims } from './row.ts';

const g = (
  layers: number,
  hidden: number,
  heads: number,
  kvHeads: number,
  ffn: number,
  vocab: number,
  tied: boolean,
  extra: Partial<DecoderDims> = {},
): DecoderDims => ({ layers, hidden, heads, kvHeads, ffn, vocab, gated: true, tied, ...extra });

const src = (repo: string) => `published-config:${repo}`;
const TEXT_ONLY = 'dims and computed params of the language model only (text_config); vision encoder not counted';

const llama31_405: DecoderDims = g(126, 16384, 128, 8, 53248, 128256, false);
const llama70: DecoderDims = g(80, 8192, 64, 8, 28672, 128256, false);
const dsv3: DecoderDims = g(61, 7168, 128, 128, 18432, 129280, false, {
  headDim: 128,
  experts: 256,
  expertsPerToken: 8,
  moeFfn: 2048,
  sharedExperts: 1,
  denseLayers: 3,
});
const DSV3_PUB = { total: 671000, active: 37000, where: 'DeepSeek-V3 model card: 671B total, 37B activated (MTP module excluded)' };
const DSV3_NOTE = 'MLA attention (q_lora_rank 1536, kv_lora_rank 512): dims-based count is approximate; kv_heads = num_key_value_heads of config';

/** Published-config LLM specs. */
export const PUBLISHED_LLMS: LlmSpec[] = [
  { id: 'llama-3-8b', name: 'Llama-3-8B', family: 'llama-3', source: src('meta-llama/Meta-Llama-3-8B'), dims: g(32, 4096, 32, 8, 14336, 128256, false), maxSeq: 8192, aliases: ['Meta-Llama-3-8B', 'Llama-3-8B-Instruct', 'Meta-Llama-3-8B-Instruct', 'LLaMA 3 8B', 'LLaMA-3-8B', 'Hermes-2-Pro-Llama-3-8B', 'Hermes-2-Theta-Llama-3-8B'], notes: ['Hermes-2-Pro/Theta-Llama-3-8B fine-tunes aliased (same dims)'] },
  { id: 'llama-3-70b', name: 'Llama-3-70B', family: 'llama-3', source: src('meta-llama/Meta-Llama-3-70B'), dims: llama70, maxSeq: 8192, aliases: ['Meta-Llama-3-70B', 'Llama-3-70B-Instruct', 'Meta-Llama-3-70B-Instruct', 'LLaMA 3 70B', 'LLaMA-3-70B'] },
  { id: 'llama-3.1-405b', name: 'Llama-3.1-405B', family: 'llama-3', source: src('meta-llama/Llama-3.1-405B'), dims: llama31_405, maxSeq: 131072, published: { total: 405000, where: 'Llama 3.1 model card: 405B' }, aliases: ['Meta-Llama-3.1-405B', 'Llama-3.1-405B-Instruct', 'llama3.1-405b', 'llama3_1-405b', 'llama3_1-405b_finetuned'], notes: ['MLPerf llama3.1-405b benchmark model'] },
  { id: 'llama-3.3-70b', name: 'Llama-3.3-70B', family: 'llama-3', source: src('meta-llama/Llama-3.3-70B-Instruct'), dims: llama70, maxSeq: 131072, aliases: ['Llama-3.3-70B-Instruct'] },
  { id: 'deepseek-v3', name: 'DeepSeek-V3', family: 'deepseek', source: src('deepseek-ai/DeepSeek-V3'), dims: dsv3, maxSeq: 163840, published: DSV3_PUB, aliases: ['deepseek-ai/DeepSeek-V3', 'DeepSeek-V3-0324'], notes: [DSV3_NOTE] },
  { id: 'deepseek-r1', name: 'DeepSeek-R1', family: 'deepseek', source: src('deepseek-ai/DeepSeek-R1'), dims: dsv3, maxSeq: 163840, published: DSV3_PUB, aliases: ['deepseek-ai/DeepSeek-R1', 'deepseek-r1-99', 'deepseek-r1-interactive'], notes: [DSV3_NOTE, 'same architecture as DeepSeek-V3; MLPerf deepseek-r1 benchmark model'] },
  { id: 'gpt-oss-20b', name: 'gpt-oss-20b', family: 'gpt-oss', source: src('openai/gpt-oss-20b'), dims: g(24, 2880, 64, 8, 2880, 201088, false, { headDim: 64, experts: 32, expertsPerToken: 4 }), maxSeq: 131072, published: { total: 20900, active: 3600, where: 'gpt-oss model card: 20.9B total, 3.6B active' }, aliases: ['openai/gpt-oss-20b'], notes: ['alternating 128-token sliding-window and full attention; MoE weights MXFP4'] },
  { id: 'gpt-oss-120b', name: 'gpt-oss-120b', family: 'gpt-oss', source: src('openai/gpt-oss-120b'), dims: g(36, 2880, 64, 8, 2880, 201088, false, { headDim: 64, experts: 128, expertsPerToken: 4 }), maxSeq: 131072, published: { total: 116800, active: 5100, where: 'gpt-oss model card: 116.8B total, 5.1B active' }, aliases: ['openai/gpt-oss-120b'], notes: ['alternating 128-token sliding-window and full attention; MoE weights MXFP4'] },
  { id: 'qwen3-4b', name: 'Qwen3-4B', family: 'qwen3', source: src('Qwen/Qwen3-4B'), dims: g(36, 2560, 32, 8, 9728, 151936, true, { headDim: 128 }), maxSeq: 40960, published: { total: 4000, where: 'Qwen3-4B model card: 4.0B' }, aliases: ['Qwen/Qwen3-4B'] },
  { id: 'qwen3-8b', name: 'Qwen3-8B', family: 'qwen3', source: src('Qwen/Qwen3-8B'), dims: g(36, 4096, 32, 8, 12288, 151936, false, { headDim: 128 }), maxSeq: 40960, published: { total: 8200, where: 'Qwen3-8B model card: 8.2B' }, aliases: ['Qwen/Qwen3-8B'] },
  { id: 'qwen3-14b', name: 'Qwen3-14B', family: 'qwen3', source: src('Qwen/Qwen3-14B'), dims: g(40, 5120, 40, 8, 17408, 151936, false, { headDim: 128 }), maxSeq: 40960, published: { total: 14800, where: 'Qwen3-14B model card: 14.8B' }, aliases: ['Qwen/Qwen3-14B'] },
  { id: 'qwen3-32b', name: 'Qwen3-32B', family: 'qwen3', source: src('Qwen/Qwen3-32B'), dims: g(64, 5120, 64, 8, 25600, 151936, false, { headDim: 128 }), maxSeq: 40960, published: { total: 32800, where: 'Qwen3-32B model card: 32.8B' }, aliases: ['Qwen/Qwen3-32B'] },
  { id: 'qwen3-30b-a3b', name: 'Qwen3-30B-A3B', family: 'qwen3', source: src('Qwen/Qwen3-30B-A3B'), dims: g(48, 2048, 32, 4, 768, 151936, false, { headDim: 128, experts: 128, expertsPerToken: 8, moeFfn: 768 }), maxSeq: 40960, published: { total: 30500, active: 3300, where: 'Qwen3-30B-A3B model card: 30.5B total, 3.3B activated' }, aliases: ['Qwen/Qwen3-30B-A3B'] },
  { id: 'qwen3-235b-a22b', name: 'Qwen3-235B-A22B', family: 'qwen3', source: src('Qwen/Qwen3-235B-A22B'), dims: g(94, 4096, 64, 4, 1536, 151936, false, { headDim: 128, experts: 128, expertsPerToken: 8, moeFfn: 1536 }), maxSeq: 40960, published: { total: 235000, active: 22000, where: 'Qwen3-235B-A22B model card: 235B total, 22B activated' }, aliases: ['Qwen/Qwen3-235B-A22B'] },
  { id: 'qwen3-vl-8b', name: 'Qwen3-VL-8B', family: 'qwen3-vl', modality: 'multimodal', source: src('Qwen/Qwen3-VL-8B-Instruct'), dims: g(36, 4096, 32, 8, 12288, 151936, false, { headDim: 128 }), maxSeq: 262144, aliases: ['Qwen/Qwen3-VL-8B-Instruct', 'Qwen3-VL-8B-Instruct'], notes: [TEXT_ONLY] },
  { id: 'qwen3-vl-30b-a3b', name: 'Qwen3-VL-30B-A3B', family: 'qwen3-vl', modality: 'multimodal', source: src('Qwen/Qwen3-VL-30B-A3B-Instruct'), dims: g(48, 2048, 32, 4, 768, 151936, false, { headDim: 128, experts: 128, expertsPerToken: 8, moeFfn: 768 }), maxSeq: 262144, aliases: ['Qwen/Qwen3-VL-30B-A3B-Instruct', 'Qwen3-VL-30B-A3B-Instruct'], notes: [TEXT_ONLY] },
  { id: 'qwen3-vl-235b-a22b', name: 'Qwen3-VL-235B-A22B', family: 'qwen3-vl', modality: 'multimodal', source: src('Qwen/Qwen3-VL-235B-A22B-Instruct'), dims: g(94, 4096, 64, 4, 1536, 151936, false, { headDim: 128, experts: 128, expertsPerToken: 8, moeFfn: 1536 }), maxSeq: 262144, aliases: ['Qwen/Qwen3-VL-235B-A22B-Instruct', 'Qwen3-VL-235B-A22B-Instruct'], notes: [TEXT_ONLY] },
  { id: 'qwen2.5-0.5b', name: 'Qwen2.5-0.5B', family: 'qwen2.5', source: src('Qwen/Qwen2.5-0.5B'), dims: g(24, 896, 14, 2, 4864, 151936, true), maxSeq: 32768, aliases: ['Qwen2.5-0.5B-Instruct', 'Qwen2.5-Coder-0.5B-Instruct'], notes: ['Qwen2.5-Coder-0.5B aliased (same dims)'] },
  { id: 'qwen2.5-1.5b', name: 'Qwen2.5-1.5B', family: 'qwen2.5', source: src('Qwen/Qwen2.5-1.5B'), dims: g(28, 1536, 12, 2, 8960, 151936, true), maxSeq: 32768, aliases: ['Qwen2.5-1.5B-Instruct', 'Qwen2.5-Coder-1.5B-Instruct', 'Qwen2.5-Math-1.5B-Instruct'], notes: ['Qwen2.5-Coder/Math-1.5B aliased (same layer dims)', 'max_seq 32768 unverified (Qwen2.5-1.5B-Instruct card: 32,768; Qwen2.5-Coder-1.5B card: 131,072)'] },
  { id: 'qwen2.5-7b', name: 'Qwen2.5-7B', family: 'qwen2.5', source: src('Qwen/Qwen2.5-7B'), dims: g(28, 3584, 28, 4, 18944, 152064, false), maxSeq: 131072, aliases: ['Qwen2.5-7B-Instruct', 'Qwen2.5-Coder-7B-Instruct'] },
  { id: 'deepseek-r1-distill-qwen-1.5b', name: 'DeepSeek-R1-Distill-Qwen-1.5B', family: 'qwen2.5', source: src('deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B'), dims: g(28, 1536, 12, 2, 8960, 151936, false), maxSeq: 131072, aliases: ['deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B', 'unsloth/DeepSeek-R1-Distill-Qwen-1.5B-GGUF'] },
  { id: 'deepseek-r1-distill-qwen-7b', name: 'DeepSeek-R1-Distill-Qwen-7B', family: 'qwen2.5', source: src('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'), dims: g(28, 3584, 28, 4, 18944, 152064, false), maxSeq: 131072, aliases: ['deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'] },
  { id: 'mixtral-8x22b', name: 'Mixtral-8x22B', family: 'mixtral', source: src('mistralai/Mixtral-8x22B-v0.1'), dims: g(56, 6144, 48, 8, 16384, 32768, false, { experts: 8, expertsPerToken: 2 }), maxSeq: 65536, published: { total: 141000, active: 39000, where: 'Mistral AI Mixtral 8x22B announcement: 141B total, 39B active' }, aliases: ['mistralai/Mixtral-8x22B-v0.1', 'Mixtral-8x22B-Instruct-v0.1'], notes: ['vocab 32768 unverified: the mistral-community/Mixtral-8x22B-v0.1 conversion (e.g. Cerebras model zoo config) uses 32000; other dims confirmed'] },
  { id: 'gemma-7b', name: 'Gemma-7B', family: 'gemma', source: src('google/gemma-7b'), dims: g(28, 3072, 16, 16, 24576, 256000, true, { headDim: 256 }), maxSeq: 8192, aliases: ['google/gemma-7b', 'gemma-7b-it'] },
  { id: 'gemma-3-270m', name: 'Gemma-3-270M', family: 'gemma-3', source: src('google/gemma-3-270m'), dims: g(18, 640, 4, 1, 2048, 262144, true, { headDim: 256 }), maxSeq: 32768, aliases: ['google/gemma-3-270m-it', 'gemma-3-270m-it', 'unsloth/gemma-3-270m-it-GGUF'] },
  { id: 'gemma-3-4b', name: 'Gemma-3-4B', family: 'gemma-3', modality: 'multimodal', source: src('google/gemma-3-4b-it'), dims: g(34, 2560, 8, 4, 10240, 262208, true, { headDim: 256 }), maxSeq: 131072, aliases: ['google/gemma-3-4b-it', 'gemma-3-4b-it'], notes: [TEXT_ONLY] },
  { id: 'gemma-3-12b', name: 'Gemma-3-12B', family: 'gemma-3', modality: 'multimodal', source: src('google/gemma-3-12b-it'), dims: g(48, 3840, 16, 8, 15360, 262208, true, { headDim: 256 }), maxSeq: 131072, aliases: ['google/gemma-3-12b-it', 'gemma-3-12b-it'], notes: [TEXT_ONLY] },
  { id: 'gemma-3-27b', name: 'Gemma-3-27B', family: 'gemma-3', modality: 'multimodal', source: src('google/gemma-3-27b-it'), dims: g(62, 5376, 32, 16, 21504, 262208, true, { headDim: 128 }), maxSeq: 131072, aliases: ['google/gemma-3-27b-it', 'gemma-3-27b-it'], notes: [TEXT_ONLY] },
  { id: 'phi-3-mini', name: 'Phi-3-mini-4k', family: 'phi-3', source: src('microsoft/Phi-3-mini-4k-instruct'), dims: g(32, 3072, 32, 32, 8192, 32064, false), maxSeq: 4096, published: { total: 3800, where: 'Phi-3 model card: 3.8B' }, aliases: ['microsoft/Phi-3-mini-4k-instruct', 'Phi-3-mini-4k-instruct'] },
  { id: 'phi-3-medium', name: 'Phi-3-medium-4k', family: 'phi-3', source: src('microsoft/Phi-3-medium-4k-instruct'), dims: g(40, 5120, 40, 10, 17920, 32064, false), maxSeq: 4096, published: { total: 14000, where: 'Phi-3 model card: 14B' }, aliases: ['microsoft/Phi-3-medium-4k-instruct', 'Phi-3-medium-4k-instruct'] },
  { id: 'phi-3.5-moe', name: 'Phi-3.5-MoE', family: 'phi-3', source: src('microsoft/Phi-3.5-MoE-instruct'), dims: g(32, 4096, 32, 8, 6400, 32064, false, { experts: 16, expertsPerToken: 2 }), maxSeq: 131072, published: { total: 41900, active: 6600, where: 'Phi-3.5-MoE model card: 42B total (41.9B), 6.6B active' }, aliases: ['microsoft/Phi-3.5-MoE-instruct', 'Phi-3.5-MoE-instruct'] },
  { id: 'phi-4', name: 'Phi-4', family: 'phi-4', source: src('microsoft/phi-4'), dims: g(40, 5120, 40, 10, 17920, 100352, false), maxSeq: 16384, published: { total: 14000, where: 'Phi-4 model card: 14B' }, aliases: ['microsoft/phi-4'] },
  { id: 'smollm2-1.7b', name: 'SmolLM2-1.7B', family: 'smollm', source: src('HuggingFaceTB/SmolLM2-1.7B'), dims: g(24, 2048, 32, 32, 8192, 49152, true), maxSeq: 8192, aliases: ['HuggingFaceTB/SmolLM2-1.7B-Instruct', 'SmolLM2-1.7B-Instruct'] },
  { id: 'smollm3-3b', name: 'SmolLM3-3B', family: 'smollm', source: src('HuggingFaceTB/SmolLM3-3B'), dims: g(36, 2048, 16, 4, 11008, 128256, true), maxSeq: 65536, aliases: ['HuggingFaceTB/SmolLM3-3B', 'SmolLM3-3B-128K', 'unsloth/SmolLM3-3B-128K-GGUF'], notes: ['SmolLM3-3B-128K GGUF build aliased (same weights, extended context)'] },
];

/** Rows for the published-config LLMs. */
export function buildPublished(): ModelRow[] {
  return PUBLISHED_LLMS.map(llmRow);
}
