/** Older decoder LLMs from cli99/llm-analysis model configs (OPT, BLOOM, GPT-Neo, GPT-2, LLaMA-1, MT-NLG). */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { exists, num, readCsv } from '../read.ts';
import { llmRow } from './llm.ts';

const FILE = 'hw-specs-llm-analysis/model_configs.csv';

interface Entry {
  id: string;
  name: string;
  family: string;
  aliases?: string[];
  gated?: boolean;
  tied?: boolean;
  /** Corrected MLP width with its origin (known source error). */
  ffnFix?: { value: number; where: string };
}

/** LLaMA-1 rows in llm-analysis carry the tool default ffn = 4 × hidden; the released configs use these widths. */
const LLAMA1_FFN = 'published-config:huggyllama/llama-';

export const LEGACY: Record<string, Entry> = {
  'facebook_opt-125m': {
    id: 'opt-125m',
    name: 'OPT-125M',
    family: 'opt',
    tied: true,
    aliases: ['facebook/opt-125m'],
  },
  'facebook_opt-350m': {
    id: 'opt-350m',
    name: 'OPT-350M',
    family: 'opt',
    tied: true,
    aliases: ['facebook/opt-350m'],
  },
  'facebook_opt-6.7b': {
    id: 'opt-6.7b',
    name: 'OPT-6.7B',
    family: 'opt',
    tied: true,
    aliases: ['facebook/opt-6.7b'],
  },
  'facebook_opt-13b': {
    id: 'opt-13b',
    name: 'OPT-13B',
    family: 'opt',
    tied: true,
    aliases: ['facebook/opt-13b'],
  },
  'facebook_opt-66b': {
    id: 'opt-66b',
    name: 'OPT-66B',
    family: 'opt',
    tied: true,
    aliases: ['facebook/opt-66b'],
  },
  'facebook_opt-175b': {
    id: 'opt-175b',
    name: 'OPT-175B',
    family: 'opt',
    tied: true,
    aliases: ['facebook/opt-175b'],
  },
  'bigscience_bloom-560m': {
    id: 'bloom-560m',
    name: 'BLOOM-560M',
    family: 'bloom',
    tied: true,
    aliases: ['bigscience/bloom-560m', 'bigscience/bloomz-560m'],
  },
  'bigscience_bloom-7b1': {
    id: 'bloom-7b1',
    name: 'BLOOM-7B1',
    family: 'bloom',
    tied: true,
    aliases: ['bigscience/bloom-7b1', 'bigscience/bloomz-7b1-mt'],
  },
  'bloom-175b': {
    id: 'bloom-176b',
    name: 'BLOOM-176B',
    family: 'bloom',
    tied: true,
    aliases: ['bigscience/bloom', 'bloom-175b'],
  },
  'EleutherAI_gpt-neo-125m': {
    id: 'gpt-neo-125m',
    name: 'GPT-Neo-125M',
    family: 'gpt-neo',
    tied: true,
    aliases: ['EleutherAI/gpt-neo-125m'],
  },
  'EleutherAI_gpt-neo-1.3B': {
    id: 'gpt-neo-1.3b',
    name: 'GPT-Neo-1.3B',
    family: 'gpt-neo',
    tied: true,
    aliases: ['EleutherAI/gpt-neo-1.3B'],
  },
  'EleutherAI_gpt-neo-2.7B': {
    id: 'gpt-neo-2.7b',
    name: 'GPT-Neo-2.7B',
    family: 'gpt-neo',
    tied: true,
    aliases: ['EleutherAI/gpt-neo-2.7B'],
  },
  'gpt2-large': {
    id: 'gpt2-large',
    name: 'GPT-2 Large',
    family: 'gpt2',
    tied: true,
    aliases: ['openai-community/gpt2-large'],
  },
  'gpt2-xl': {
    id: 'gpt2-xl',
    name: 'GPT-2 XL',
    family: 'gpt2',
    tied: true,
    aliases: ['openai-community/gpt2-xl'],
  },
  distilgpt2: {
    id: 'distilgpt2',
    name: 'DistilGPT2',
    family: 'gpt2',
    tied: true,
    aliases: ['distilbert/distilgpt2'],
  },
  'decapoda-research_llama-7b-hf': {
    id: 'llama-7b',
    name: 'LLaMA-7B',
    family: 'llama',
    gated: true,
    aliases: [
      'huggyllama/llama-7b',
      'LLaMA 1 7B',
      'LLaMA-7B',
      'lmsys_vicuna-7b-delta-v0',
      'lmsys/vicuna-7b-delta-v0',
    ],
    ffnFix: { value: 11008, where: `${LLAMA1_FFN}7b` },
  },
  'decapoda-research_llama-13b-hf': {
    id: 'llama-13b',
    name: 'LLaMA-13B',
    family: 'llama',
    gated: true,
    aliases: ['huggyllama/llama-13b', 'LLaMA 1 13B'],
    ffnFix: { value: 13824, where: `${LLAMA1_FFN}13b` },
  },
  'decapoda-research_llama-30b-hf': {
    id: 'llama-30b',
    name: 'LLaMA-30B',
    family: 'llama',
    gated: true,
    aliases: ['huggyllama/llama-30b', 'LLaMA 1 30B', 'LLaMA-33B'],
    ffnFix: { value: 17920, where: `${LLAMA1_FFN}30b` },
  },
  'decapoda-research_llama-65b-hf': {
    id: 'llama-65b',
    name: 'LLaMA-65B',
    family: 'llama',
    gated: true,
    aliases: ['huggyllama/llama-65b', 'LLaMA 1 65B'],
    ffnFix: { value: 22016, where: `${LLAMA1_FFN}65b` },
  },
  'mt-nlg-530b': {
    id: 'mt-nlg-530b',
    name: 'Megatron-Turing NLG 530B',
    family: 'megatron',
    tied: true,
    aliases: ['megatron-lm-530b'],
  },
};

/** Rows for LEGACY entries; MLP widths of LLaMA-1 rows corrected (noted). */
export function buildLegacy(rawRoot: string): { rows: ModelRow[]; notes: string[] } {
  if (!exists(rawRoot, FILE)) return { rows: [], notes: [] };
  const rows: ModelRow[] = [];
  const notes: string[] = [];
  for (const r of readCsv(rawRoot, FILE)) {
    const key = r['name'] ?? '';
    const e = LEGACY[key];
    if (!e) continue;
    const [layers, hidden, heads, vocab, ffn] = [
      'num_layers',
      'hidden_dim',
      'n_head',
      'vocab_size',
      'ffn_embed_dim',
    ].map((k) => num(r[k]));
    if (layers == null || hidden == null || heads == null || vocab == null || ffn == null) continue;
    const fix = e.ffnFix;
    if (fix)
      notes.push(
        `hw-specs-llm-analysis ${key}: ffn_embed_dim ${ffn} (tool default 4×hidden) replaced by ${fix.value} (${fix.where})`,
      );
    rows.push(
      llmRow({
        id: e.id,
        name: e.name,
        family: e.family,
        aliases: [key, ...(e.aliases ?? [])],
        source: `hw-specs-llm-analysis:model_configs/${key}.json` + (fix ? `; ${fix.where} (ffn)` : ''),
        dims: {
          layers,
          hidden,
          heads,
          kvHeads: num(r['num_key_value_heads']) ?? heads,
          ffn: fix?.value ?? ffn,
          vocab,
          gated: e.gated ?? false,
          tied: e.tied ?? false,
        },
        maxSeq: num(r['max_seq_len']),
        notes: fix ? [`ffn corrected from ${ffn} (llm-analysis default) to ${fix.value}`] : [],
      }),
    );
  }
  return { rows, notes };
}
