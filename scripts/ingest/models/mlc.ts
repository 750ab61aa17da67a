/** Decoder LLMs from the MLC-LLM model presets (raw/model-configs-mlc-llm). */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { exists, readJson } from '../read.ts';
import { kvFromConfig } from './kv-fields.ts';
import { llmRow, type LlmSpec } from './llm.ts';
import type { DecoderDims } from './row.ts';

export const MLC_FILE = 'model-configs-mlc-llm/mlc_llm_model_presets.json';

type Cfg = Record<string, unknown>;

interface Entry {
  id: string;
  name: string;
  family: string;
  aliases?: string[];
  /** Plain GELU MLP (GPT-2 style) instead of gated SwiGLU/GeGLU. */
  dense?: boolean;
  tied?: boolean;
  maxSeq?: number;
  modality?: string;
  published?: LlmSpec['published'];
  notes?: string[];
  /** Read dims from this nested config (VLM text tower). */
  nested?: string;
}

const LLAMA2_CTX =
  'MLC preset sets max_position_embeddings 2048 (known source caveat); corrected to 4096 of the original HF config';

/** Preset key → catalog identity. Keys not listed are skipped (see notes). */
export const MLC_ENTRIES: Record<string, Entry> = {
  llama2_7b: {
    id: 'llama-2-7b',
    name: 'Llama-2-7B',
    family: 'llama-2',
    maxSeq: 4096,
    notes: [LLAMA2_CTX],
    aliases: [
      'meta-llama/Llama-2-7b-hf',
      'Llama-2-7b-chat-hf',
      'Llama-2-7B-Chat',
      'LLaMA 2 7B',
      'LLaMA-2-7B',
      'neuralmagic_Llama-2-7b-chat-hf-FP8',
      'Llama-2-7b-chat-hf-q4f16_1-MLC',
      'Llama-2-7b-chat-hf-q4f32_1-MLC',
      'NousResearch_Llama-2-7b-hf',
    ],
  },
  llama2_13b: {
    id: 'llama-2-13b',
    name: 'Llama-2-13B',
    family: 'llama-2',
    maxSeq: 4096,
    notes: [LLAMA2_CTX],
    aliases: [
      'meta-llama/Llama-2-13b-hf',
      'Llama-2-13b-chat-hf',
      'LLaMA 2 13B',
      'Llama-2-13b-chat-hf-q4f16_1-MLC',
    ],
  },
  llama2_70b: {
    id: 'llama-2-70b',
    name: 'Llama-2-70B',
    family: 'llama-2',
    maxSeq: 4096,
    notes: [LLAMA2_CTX, 'MLPerf llama2-70b benchmark model (Llama-2-70b-chat)'],
    aliases: [
      'meta-llama/Llama-2-70b-hf',
      'Llama-2-70b-chat-hf',
      'LLaMA 2 70B',
      'llama2-70b',
      'llama2-70b-99',
      'llama2-70b-99.9',
      'llama2-70b-interactive-99',
      'llama2-70b-interactive-99.9',
      'llama2-70b-fp8_quark',
      'upstage_Llama-2-70b-instruct-v2',
    ],
  },
  codellama_7b: {
    id: 'codellama-7b',
    name: 'CodeLlama-7B',
    family: 'codellama',
    aliases: ['codellama/CodeLlama-7b-hf'],
  },
  codellama_13b: {
    id: 'codellama-13b',
    name: 'CodeLlama-13B',
    family: 'codellama',
    aliases: ['codellama/CodeLlama-13b-hf'],
  },
  codellama_34b: {
    id: 'codellama-34b',
    name: 'CodeLlama-34B',
    family: 'codellama',
    aliases: ['codellama/CodeLlama-34b-hf'],
  },
  'tinyllama_1b_chat_v1.0': {
    id: 'tinyllama-1.1b',
    name: 'TinyLlama-1.1B',
    family: 'llama',
    aliases: ['TinyLlama/TinyLlama-1.1B-Chat-v1.0', 'TinyLlama-1.1B-Chat-v1.0', 'TinyLlama-1.1B-Chat-v0.4'],
    notes: ['TinyLlama-1.1B-Chat-v0.4 aliased here: same dims (vocab 32003 in its preset)'],
  },
  mistral_7b: {
    id: 'mistral-7b-v0.1',
    name: 'Mistral-7B-v0.1',
    family: 'mistral',
    aliases: [
      'mistralai/Mistral-7B-v0.1',
      'Mistral-7B-Instruct-v0.1',
      'Mistral-7B-Instruct-v0.2',
      'OpenHermes-2.5-Mistral-7B',
      'NeuralHermes-2.5-Mistral-7B',
      'Hermes-2-Pro-Mistral-7B',
      'WizardMath-7B-V1.1',
    ],
    notes: [
      'MLC preset adds sliding_window_size 4096; Mistral-7B-Instruct-v0.2 and Mistral-7B fine-tunes (OpenHermes, NeuralHermes, Hermes-2-Pro, WizardMath-7B-V1.1) aliased: same layer dims',
      "the 4096-token sliding window is v0.1's: Mistral-7B-Instruct-v0.2 attends over its full 32k context",
    ],
  },
  mistral_7b_v03: {
    id: 'mistral-7b-v0.3',
    name: 'Mistral-7B-v0.3',
    family: 'mistral',
    aliases: ['mistralai/Mistral-7B-v0.3', 'Mistral-7B-Instruct-v0.3'],
  },
  ministral3_3b_2512: {
    id: 'ministral-3-3b-2512',
    name: 'Ministral-3-3B-2512',
    family: 'mistral',
    nested: 'text_config',
    modality: 'multimodal',
    aliases: [
      'Ministral-3-3B-Instruct-2512',
      'Ministral-3-3B-Base-2512',
      'Ministral-3-3B-Reasoning-2512',
      'Ministral-3-3B-Instruct-2512-BF16',
      'unsloth/Ministral-3-3B-Instruct-2512-GGUF',
    ],
    notes: ['dims and params of the language model (text_config); vision encoder not counted'],
  },
  gpt2: {
    id: 'gpt2',
    name: 'GPT-2',
    family: 'gpt2',
    dense: true,
    tied: true,
    aliases: ['openai-community/gpt2', 'gpt2-small'],
  },
  gpt2_medium: {
    id: 'gpt2-medium',
    name: 'GPT-2 Medium',
    family: 'gpt2',
    dense: true,
    tied: true,
    aliases: ['openai-community/gpt2-medium'],
  },
  gpt_bigcode: {
    id: 'gpt-bigcode-santacoder',
    name: 'SantaCoder (gpt_bigcode)',
    family: 'starcoder',
    dense: true,
    tied: true,
    aliases: ['bigcode/gpt_bigcode-santacoder'],
    notes: ['multi-query attention (1 kv head)'],
  },
  'Mixtral-8x7B-v0.1': {
    id: 'mixtral-8x7b',
    name: 'Mixtral-8x7B',
    family: 'mixtral',
    aliases: [
      'mistralai/Mixtral-8x7B-v0.1',
      'Mixtral-8x7B-v0.1',
      'Mixtral-8x7B-Instruct-v0.1',
      'mixtral-8x7b-99',
      'mixtral-8x7b-99.9',
    ],
    published: {
      total: 46700,
      active: 12900,
      where: 'Mistral AI Mixtral announcement: 46.7B total, 12.9B active',
    },
  },
  redpajama_3b_v1: {
    id: 'redpajama-incite-3b',
    name: 'RedPajama-INCITE-3B-v1',
    family: 'gpt-neox',
    dense: true,
    aliases: ['RedPajama-INCITE-Chat-3B-v1', 'togethercomputer/RedPajama-INCITE-Chat-3B-v1'],
  },
  'phi-1_5': {
    id: 'phi-1.5',
    name: 'Phi-1.5',
    family: 'phi',
    dense: true,
    aliases: ['microsoft/phi-1_5', 'phi-1_5'],
    notes: ['n_inner null in preset: MLP width 4 × hidden (model default)'],
  },
  'phi-2': {
    id: 'phi-2',
    name: 'Phi-2',
    family: 'phi',
    dense: true,
    aliases: ['microsoft/phi-2'],
    notes: ['n_inner null in preset: MLP width 4 × hidden (model default)'],
  },
  'phi-3_5': {
    id: 'phi-3.5-mini',
    name: 'Phi-3.5-mini',
    family: 'phi-3',
    aliases: ['microsoft/Phi-3.5-mini-instruct', 'Phi-3.5-mini-instruct'],
  },
  'phi-3_5-vision': {
    id: 'phi-3.5-vision',
    name: 'Phi-3.5-vision',
    family: 'phi-3',
    modality: 'multimodal',
    aliases: ['microsoft/Phi-3.5-vision-instruct', 'Phi-3.5-vision-instruct'],
    notes: ['language model dims; CLIP image encoder not counted'],
  },
  'phi-4': {
    id: 'phi-4-mini',
    name: 'Phi-4-mini',
    family: 'phi-4',
    tied: true,
    aliases: ['microsoft/Phi-4-mini-instruct', 'Phi-4-mini-instruct'],
    notes: [
      "MLC key 'phi-4' holds Phi-4-mini dimensions (known source error): catalogued as Phi-4-mini, not Phi-4 (14B)",
    ],
  },
  qwen2: {
    id: 'qwen1.5-1.8b',
    name: 'Qwen1.5-1.8B',
    family: 'qwen1.5',
    aliases: ['Qwen/Qwen1.5-1.8B-Chat', 'Qwen1.5-1.8B-Chat'],
  },
  qwen2moe: {
    id: 'qwen1.5-moe-a2.7b',
    name: 'Qwen1.5-MoE-A2.7B',
    family: 'qwen1.5',
    aliases: ['Qwen/Qwen1.5-MoE-A2.7B'],
    notes: ['shared expert (width 5632 = 4 × 1408) counted as 4 always-active experts'],
  },
  deepseek: {
    id: 'deepseek-moe-16b',
    name: 'DeepSeekMoE-16B',
    family: 'deepseek',
    aliases: ['deepseek-ai/deepseek-moe-16b-chat'],
  },
  deepseek_v2_lite: {
    id: 'deepseek-v2-lite',
    name: 'DeepSeek-V2-Lite',
    family: 'deepseek',
    aliases: ['deepseek-ai/DeepSeek-V2-Lite-Chat'],
    published: {
      total: 15700,
      active: 2400,
      where: 'DeepSeek-V2 paper / model card: 15.7B total, 2.4B activated',
    },
    notes: ['MLA attention: dims-based count only approximate'],
  },
  stablelm: {
    id: 'stablelm-3b-4e1t',
    name: 'StableLM-3B-4E1T',
    family: 'stablelm',
    aliases: ['stabilityai/stablelm-3b-4e1t'],
  },
  baichuan: {
    id: 'baichuan2-7b',
    name: 'Baichuan2-7B',
    family: 'baichuan',
    aliases: ['baichuan-inc/Baichuan2-7B-Chat'],
  },
  internlm: {
    id: 'internlm-7b',
    name: 'InternLM-7B',
    family: 'internlm',
    aliases: ['internlm/internlm-chat-7b'],
  },
  gemma_2b: {
    id: 'gemma-2b',
    name: 'Gemma-2B',
    family: 'gemma',
    tied: true,
    aliases: ['google/gemma-2b', 'gemma-2b-it'],
    notes: ['Gemma ties input/output embeddings (config default)'],
  },
  gemma2_2b: {
    id: 'gemma-2-2b',
    name: 'Gemma-2-2B',
    family: 'gemma-2',
    tied: true,
    aliases: ['google/gemma-2-2b', 'gemma-2-2b-it', 'gemma-2-2b-jpn-it'],
    notes: ['gemma2_2b-jpn preset has identical dims (aliased)'],
  },
  gemma2_9b: {
    id: 'gemma-2-9b',
    name: 'Gemma-2-9B',
    family: 'gemma-2',
    tied: true,
    aliases: ['google/gemma-2-9b', 'gemma-2-9b-it'],
  },
  gemma2_27b: {
    id: 'gemma-2-27b',
    name: 'Gemma-2-27B',
    family: 'gemma-2',
    tied: true,
    aliases: ['google/gemma-2-27b', 'gemma-2-27b-it'],
  },
  gemma3_1b_it: {
    id: 'gemma-3-1b',
    name: 'Gemma-3-1B',
    family: 'gemma-3',
    tied: true,
    aliases: ['google/gemma-3-1b-it', 'gemma-3-1b-it', 'gemma3-1b-it', 'unsloth/gemma-3-1b-it-GGUF'],
  },
  orion: { id: 'orion-14b', name: 'Orion-14B', family: 'orion', aliases: ['OrionStarAI/Orion-14B-Chat'] },
  chatglm: { id: 'chatglm3-6b', name: 'ChatGLM3-6B', family: 'chatglm', aliases: ['THUDM/chatglm3-6b'] },
  llama3_1_8b: {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1-8B',
    family: 'llama-3',
    aliases: [
      'meta-llama/Llama-3.1-8B',
      'Llama-3.1-8B-Instruct',
      'Meta-Llama-3.1-8B',
      'llama3.1-8b',
      'llama3.1-8b-edge',
      'llama3_1-8b',
      'llama3_1-8b-edge',
      'Hermes-3-Llama-3.1-8B',
      'DeepSeek-R1-Distill-Llama-8B',
    ],
    notes: [
      'MLPerf llama3.1-8b and llama3.1-8b-edge benchmark this model; Hermes-3-Llama-3.1-8B and DeepSeek-R1-Distill-Llama-8B are fine-tunes with the same dims (aliased)',
    ],
  },
  llama3_1_70b: {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1-70B',
    family: 'llama-3',
    aliases: [
      'meta-llama/Llama-3.1-70B',
      'Llama-3.1-70B-Instruct',
      'Meta-Llama-3.1-70B',
      'llama3_1-70b-fp8_dyn',
      'llama3_1-70b-fp8_pre',
      'llama3_1-70b-fp8_trtllm',
    ],
  },
  llama3_2_1b: {
    id: 'llama-3.2-1b',
    name: 'Llama-3.2-1B',
    family: 'llama-3',
    aliases: ['meta-llama/Llama-3.2-1B', 'Llama-3.2-1B-Instruct', 'unsloth/Llama-3.2-1B-Instruct-GGUF'],
  },
  llama3_2_3b: {
    id: 'llama-3.2-3b',
    name: 'Llama-3.2-3B',
    family: 'llama-3',
    aliases: [
      'meta-llama/Llama-3.2-3B',
      'Llama-3.2-3B-Instruct',
      'unsloth/Llama-3.2-3B-Instruct-GGUF',
      'Hermes-3-Llama-3.2-3B',
    ],
  },
  'stablelm-2-zephyr-1_6b': {
    id: 'stablelm-2-1.6b',
    name: 'StableLM-2-1.6B',
    family: 'stablelm',
    aliases: ['stabilityai/stablelm-2-zephyr-1_6b', 'stablelm-2-zephyr-1_6b'],
  },
  qwen2_0_5b: {
    id: 'qwen2-0.5b',
    name: 'Qwen2-0.5B',
    family: 'qwen2',
    aliases: ['Qwen/Qwen2-0.5B', 'Qwen2-0.5B-Instruct'],
  },
  qwen2_1_5b: {
    id: 'qwen2-1.5b',
    name: 'Qwen2-1.5B',
    family: 'qwen2',
    aliases: ['Qwen/Qwen2-1.5B', 'Qwen2-1.5B-Instruct', 'Qwen2-Math-1.5B-Instruct'],
  },
  'qwen2.5_3b': {
    id: 'qwen2.5-3b',
    name: 'Qwen2.5-3B',
    family: 'qwen2.5',
    aliases: ['Qwen/Qwen2.5-3B', 'Qwen2.5-3B-Instruct', 'Qwen2.5-Coder-3B-Instruct'],
  },
  qwen2_7b: {
    id: 'qwen2-7b',
    name: 'Qwen2-7B',
    family: 'qwen2',
    aliases: ['Qwen/Qwen2-7B', 'Qwen2-7B-Instruct', 'Qwen2-Math-7B-Instruct'],
  },
  'qwen3_0.6b': {
    id: 'qwen3-0.6b',
    name: 'Qwen3-0.6B',
    family: 'qwen3',
    aliases: ['Qwen/Qwen3-0.6B', 'unsloth/Qwen3-0.6B-GGUF'],
  },
  'qwen3_1.7b': {
    id: 'qwen3-1.7b',
    name: 'Qwen3-1.7B',
    family: 'qwen3',
    aliases: ['Qwen/Qwen3-1.7B', 'unsloth/Qwen3-1.7B-GGUF'],
  },
  internlm2: {
    id: 'internlm2-7b',
    name: 'InternLM2-7B',
    family: 'internlm',
    aliases: ['internlm/internlm2-chat-7b'],
  },
  internlm2_5_7b: {
    id: 'internlm2.5-7b',
    name: 'InternLM2.5-7B',
    family: 'internlm',
    aliases: ['internlm/internlm2_5-7b-chat'],
  },
  starcoder2: {
    id: 'starcoder2-7b',
    name: 'StarCoder2-7B',
    family: 'starcoder',
    dense: true,
    aliases: ['bigcode/starcoder2-7b'],
  },
  smollm_1_7b: {
    id: 'smollm-1.7b',
    name: 'SmolLM-1.7B',
    family: 'smollm',
    aliases: ['HuggingFaceTB/SmolLM-1.7B-Instruct'],
  },
  smollm_360m: {
    id: 'smollm-360m',
    name: 'SmolLM-360M',
    family: 'smollm',
    aliases: ['HuggingFaceTB/SmolLM-360M-Instruct'],
  },
  smollm_135m: {
    id: 'smollm-135m',
    name: 'SmolLM-135M',
    family: 'smollm',
    aliases: ['HuggingFaceTB/SmolLM-135M-Instruct'],
  },
  smollm2_135m: {
    id: 'smollm2-135m',
    name: 'SmolLM2-135M',
    family: 'smollm',
    aliases: ['HuggingFaceTB/SmolLM2-135M-Instruct', 'SmolLM2-135M-Instruct'],
  },
  smollm2_360m: {
    id: 'smollm2-360m',
    name: 'SmolLM2-360M',
    family: 'smollm',
    aliases: ['HuggingFaceTB/SmolLM2-360M-Instruct', 'SmolLM2-360M-Instruct'],
  },
  'aya-23': {
    id: 'aya-23-8b',
    name: 'Aya-23-8B',
    family: 'cohere',
    tied: true,
    aliases: ['CohereForAI/aya-23-8B'],
    notes: ['Cohere ties input/output embeddings (config default)'],
  },
  minicpm_2b: {
    id: 'minicpm-2b',
    name: 'MiniCPM-2B',
    family: 'minicpm',
    aliases: ['openbmb/MiniCPM-2B-128k'],
  },
  minicpm_2b_sft_bf16: {
    id: 'minicpm-2b-sft',
    name: 'MiniCPM-2B-sft',
    family: 'minicpm',
    aliases: ['openbmb/MiniCPM-2B-sft-bf16'],
  },
  'minicpm-moe-8x2b': {
    id: 'minicpm-moe-8x2b',
    name: 'MiniCPM-MoE-8x2B',
    family: 'minicpm',
    aliases: ['openbmb/MiniCPM-MoE-8x2B'],
  },
  gpt_j: {
    id: 'gpt-j-6b',
    name: 'GPT-J-6B',
    family: 'gpt-j',
    dense: true,
    aliases: ['EleutherAI/gpt-j-6b', 'EleutherAI_gpt-j-6b', 'GPT-J 6B', 'gptj', 'gptj-99', 'gptj-99.9'],
    notes: [
      'n_inner null in preset: MLP width 4 × hidden = 16384 (llm-analysis states 16384)',
      'MLPerf gptj benchmark model (CNN-DailyMail fine-tune)',
    ],
  },
  olmo2_7b: {
    id: 'olmo-2-7b',
    name: 'OLMo-2-7B',
    family: 'olmo',
    aliases: ['allenai/OLMo-2-1124-7B', 'OLMo-2-1124-7B-Instruct'],
  },
  olmo2_13b: { id: 'olmo-2-13b', name: 'OLMo-2-13B', family: 'olmo', aliases: ['allenai/OLMo-2-1124-13B'] },
  olmo2_32b: { id: 'olmo-2-32b', name: 'OLMo-2-32B', family: 'olmo', aliases: ['allenai/OLMo-2-0325-32B'] },
};

const n = (c: Cfg, ...keys: string[]): number | null => {
  for (const k of keys) if (typeof c[k] === 'number') return c[k] as number;
  return null;
};

function dimsOf(c: Cfg, e: Entry): DecoderDims | null {
  const layers = n(c, 'num_hidden_layers', 'n_layer', 'num_layers');
  const hidden = n(c, 'hidden_size', 'n_embd');
  const heads = n(c, 'num_attention_heads', 'n_head');
  const vocab = n(c, 'vocab_size', 'padded_vocab_size');
  if (layers == null || hidden == null || heads == null || vocab == null) return null;
  const multiQuery = c['multi_query'] === true ? 1 : null;
  const experts = n(c, 'num_local_experts', 'num_experts', 'n_routed_experts');
  const d: DecoderDims = {
    layers,
    hidden,
    heads,
    kvHeads: n(c, 'num_key_value_heads', 'multi_query_group_num') ?? multiQuery ?? heads,
    ffn: n(c, 'intermediate_size', 'n_inner', 'ffn_hidden_size') ?? 4 * hidden,
    vocab,
    gated: !e.dense,
    tied: e.tied ?? c['tie_word_embeddings'] === true,
  };
  const hd = n(c, 'head_dim', 'kv_channels');
  if (hd != null) d.headDim = hd;
  if (experts != null) {
    d.experts = experts;
    d.expertsPerToken = n(c, 'num_experts_per_tok') ?? 2;
    const moe = n(c, 'moe_intermediate_size');
    if (moe != null) d.moeFfn = moe;
    const shared = n(c, 'n_shared_experts');
    const sharedWidth = n(c, 'shared_expert_intermediate_size');
    if (shared != null) d.sharedExperts = shared;
    else if (sharedWidth != null && moe != null) d.sharedExperts = sharedWidth / moe;
    const dense = n(c, 'first_k_dense_replace');
    if (dense != null) d.denseLayers = dense;
  }
  return d;
}

/** Rows for the MLC presets listed in MLC_ENTRIES. */
export function buildMlc(rawRoot: string): { rows: ModelRow[]; notes: string[] } {
  if (!exists(rawRoot, MLC_FILE)) return { rows: [], notes: [`${MLC_FILE} missing: MLC presets skipped`] };
  const presets = readJson<Record<string, Cfg>>(rawRoot, MLC_FILE);
  const rows: ModelRow[] = [];
  const skipped: string[] = [];
  for (const key of Object.keys(presets).sort()) {
    const e = MLC_ENTRIES[key];
    const top = presets[key] as Cfg;
    const cfg = e?.nested ? (top[e.nested] as Cfg | undefined) : top;
    const dims = e && cfg ? dimsOf(cfg, e) : null;
    if (!e || !cfg || !dims) {
      skipped.push(key);
      continue;
    }
    const kv = kvFromConfig(cfg, dims);
    const spec: LlmSpec = {
      id: e.id,
      name: e.name,
      family: e.family,
      aliases: e.aliases ?? [],
      source: `model-configs-mlc-llm:model_preset.py key=${key}`,
      dims,
      maxSeq: e.maxSeq ?? n(cfg, 'max_position_embeddings', 'n_positions', 'seq_length'),
      notes: [...(e.notes ?? []), ...kv.notes],
      kv: kv.kv,
    };
    if (e.modality) spec.modality = e.modality;
    if (e.published) spec.published = e.published;
    rows.push(llmRow(spec));
  }
  const notes = [
    `model-configs-mlc-llm: ${rows.length} presets used; skipped (not a plain decoder, duplicate dims or nested config): ${skipped.join(', ')}`,
  ];
  return { rows, notes };
}
