/**
 * KV-cache fields from published attention configs (raw/model-configs-attention): fills the catalog rows the
 * configs describe and adds the models the catalog lacks (checked against ids, names and aliases).
 */
import { basename } from 'node:path';
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { buildNameIndex } from '../../../src/core/catalog/resolve.ts';
import { exists, readText } from '../read.ts';
import { kvFromConfig } from './kv-fields.ts';
import { llmRow, type LlmSpec } from './llm.ts';
import type { DecoderDims } from './row.ts';

export const ATTENTION_FILE = 'model-configs-attention/configs.jsonl';

type Cfg = Record<string, unknown>;

/** One line of configs.jsonl. */
export interface AttentionConfig {
  model: string;
  source_repo: string;
  source_path: string;
  source_commit: string;
  kind: string;
  file: string;
  fields: Cfg;
}

interface NewModel {
  id: string;
  name: string;
  family: string;
  aliases: string[];
  published: NonNullable<LlmSpec['published']>;
  modality?: string;
  /** Dims the fields do not state as such. */
  extra?: Partial<DecoderDims>;
  notes?: string[];
}

const TEXT_ONLY =
  'dims and computed params of the language model only (text_config); vision encoder not counted';
const HYBRID = 'computed count treats every layer as attention (hybrid model): approximate';

/** Models in configs.jsonl without a catalog row; published totals from their model cards. */
export const NEW_MODELS: Record<string, NewModel> = {
  'moonshotai/Kimi-K2-Instruct': {
    id: 'kimi-k2',
    name: 'Kimi-K2',
    family: 'kimi',
    aliases: ['moonshotai/Kimi-K2-Instruct', 'Kimi-K2-Instruct', 'moonshotai/Kimi-K2-Base', 'Kimi-K2-Base'],
    published: { total: 1000000, active: 32000, where: 'Kimi K2 model card: 1T total, 32B activated' },
  },
  'meta-llama/Llama-4-Scout-17B-16E-Instruct': {
    id: 'llama-4-scout',
    name: 'Llama-4-Scout-17B-16E',
    family: 'llama-4',
    modality: 'multimodal',
    aliases: [
      'meta-llama/Llama-4-Scout-17B-16E-Instruct',
      'Llama-4-Scout-17B-16E-Instruct',
      'meta-llama/Llama-4-Scout-17B-16E',
      'Llama 4 Scout',
    ],
    published: { total: 109000, active: 17000, where: 'Llama 4 model card: 17B activated, 109B total' },
    extra: { sharedExperts: 1 },
    notes: [TEXT_ONLY],
  },
  'meta-llama/Llama-4-Maverick-17B-128E-Instruct': {
    id: 'llama-4-maverick',
    name: 'Llama-4-Maverick-17B-128E',
    family: 'llama-4',
    modality: 'multimodal',
    aliases: [
      'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
      'Llama-4-Maverick-17B-128E-Instruct',
      'meta-llama/Llama-4-Maverick-17B-128E',
      'Llama 4 Maverick',
    ],
    published: { total: 400000, active: 17000, where: 'Llama 4 model card: 17B activated, 400B total' },
    extra: { sharedExperts: 1 },
    notes: [TEXT_ONLY],
  },
  'Qwen/Qwen3-Next-80B-A3B-Thinking': {
    id: 'qwen3-next-80b-a3b',
    name: 'Qwen3-Next-80B-A3B',
    family: 'qwen3-next',
    aliases: [
      'Qwen/Qwen3-Next-80B-A3B-Thinking',
      'Qwen3-Next-80B-A3B-Thinking',
      'Qwen/Qwen3-Next-80B-A3B-Instruct',
      'Qwen3-Next-80B-A3B-Instruct',
    ],
    published: {
      total: 80000,
      active: 3000,
      where: 'Qwen3-Next-80B-A3B model card: 80B total, 3B activated',
    },
    notes: ['config of the -Thinking checkpoint; -Instruct has the same architecture (aliased)', HYBRID],
  },
  'ai21labs/Jamba-v0.1': {
    id: 'jamba-v0.1',
    name: 'Jamba-v0.1',
    family: 'jamba',
    aliases: ['ai21labs/Jamba-v0.1'],
    published: { total: 52000, active: 12000, where: 'AI21 Jamba-v0.1 model card: 52B total, 12B active' },
    notes: ['dims are the transformers JambaConfig defaults, documented as similar to Jamba-v0.1', HYBRID],
  },
};

/** The records of configs.jsonl, in file order. */
export function readAttentionConfigs(rawRoot: string): AttentionConfig[] {
  return readText(rawRoot, ATTENTION_FILE)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as AttentionConfig);
}

const numOf = (c: Cfg, ...keys: string[]): number | null => {
  for (const k of keys) if (typeof c[k] === 'number') return c[k] as number;
  return null;
};

/** The dict holding the decoder fields (Llama-4 nests them under text_config). */
const configOf = (rec: AttentionConfig): Cfg =>
  typeof rec.fields['text_config'] === 'object' && rec.fields['text_config'] !== null
    ? (rec.fields['text_config'] as Cfg)
    : rec.fields;

function headsOf(c: Cfg): { layers: number; hidden: number; heads: number; kvHeads: number } | null {
  const layers = numOf(c, 'num_hidden_layers');
  const hidden = numOf(c, 'hidden_size');
  const heads = numOf(c, 'num_attention_heads');
  if (layers === null || hidden === null || heads === null) return null;
  return { layers, hidden, heads, kvHeads: numOf(c, 'num_key_value_heads') ?? heads };
}

/** Full decoder dims of a config for a new row: MoE widths, shared experts and dense layers as each family states them. */
function decoderDims(c: Cfg, extra: Partial<DecoderDims>): DecoderDims | null {
  const h = headsOf(c);
  const vocab = numOf(c, 'vocab_size');
  const ffn = numOf(c, 'intermediate_size_mlp', 'intermediate_size');
  if (!h || vocab === null || ffn === null) return null;
  const d: DecoderDims = { ...h, ffn, vocab, gated: true, tied: false };
  const hd = numOf(c, 'head_dim');
  if (hd !== null) d.headDim = hd;
  const experts = numOf(c, 'num_local_experts', 'num_experts', 'n_routed_experts');
  if (experts !== null) {
    d.experts = experts;
    d.expertsPerToken = numOf(c, 'num_experts_per_tok') ?? 1;
    const moe =
      numOf(c, 'moe_intermediate_size') ??
      (c['intermediate_size_mlp'] ? numOf(c, 'intermediate_size') : null);
    if (moe !== null) d.moeFfn = moe;
    const sharedWidth = numOf(c, 'shared_expert_intermediate_size');
    const shared = numOf(c, 'n_shared_experts') ?? (sharedWidth !== null && moe ? sharedWidth / moe : null);
    if (shared !== null) d.sharedExperts = shared;
    const step = numOf(c, 'interleave_moe_layer_step');
    const period = numOf(c, 'expert_layer_period');
    const offset = numOf(c, 'expert_layer_offset') ?? 0;
    let dense = numOf(c, 'first_k_dense_replace');
    if (step) dense = h.layers - Math.floor(h.layers / step);
    else if (period)
      dense =
        h.layers - Array.from({ length: h.layers }, (_, i) => i).filter((i) => i % period === offset).length;
    if (dense) d.denseLayers = dense;
  }
  return { ...d, ...extra };
}

const provenance = (rec: AttentionConfig): string =>
  `KV fields from model-configs-attention (${rec.source_repo}@${rec.source_commit.slice(0, 10)} ${basename(rec.source_path)}, ${rec.kind})`;

function rowNotes(rec: AttentionConfig, c: Cfg, kvNotes: string[]): string[] {
  const notes = [provenance(rec), ...kvNotes];
  const chunk = numOf(c, 'attention_chunk_size');
  if (chunk)
    notes.push(
      `attention_chunk_size ${chunk} (chunked local attention) not modelled: which layers use it is not in the copied config, so every layer is counted global`,
    );
  return notes;
}

const DIM_CHECKS: [keyof ModelRow, string][] = [
  ['layers', 'num_hidden_layers'],
  ['hidden', 'hidden_size'],
  ['heads', 'num_attention_heads'],
  ['kv_heads', 'num_key_value_heads'],
  ['vocab', 'vocab_size'],
];

/**
 * Fill the KV fields of catalog rows that configs.jsonl describes (resolved by model name, then by its name
 * without the organisation) and build rows for NEW_MODELS the catalog lacks. Mutates `rows`' KV fields,
 * source and notes; returns the new rows.
 */
export function applyAttentionConfigs(
  rawRoot: string,
  rows: ModelRow[],
): { added: ModelRow[]; notes: string[] } {
  if (!exists(rawRoot, ATTENTION_FILE))
    return {
      added: [],
      notes: [`${ATTENTION_FILE} missing: KV-cache fields from attention configs not filled`],
    };
  const index = buildNameIndex(rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const added: ModelRow[] = [];
  const notes: string[] = [];
  const filled: string[] = [];
  for (const rec of readAttentionConfigs(rawRoot)) {
    const c = configOf(rec);
    const dims = headsOf(c);
    if (!dims) {
      notes.push(`model-configs-attention ${rec.model}: no layers/hidden/heads, skipped`);
      continue;
    }
    const { kv, notes: kvNotes } = kvFromConfig(c, dims);
    const source = `model-configs-attention:configs.jsonl model=${rec.model}`;
    const hit = [rec.model, rec.model.split('/').pop() ?? '']
      .map((n) => index.resolve(n))
      .find((r) => r.kind === 'found');
    const entry = NEW_MODELS[rec.model];
    const row = hit?.kind === 'found' ? byId.get(hit.id) : entry ? byId.get(entry.id) : undefined;
    if (row) {
      Object.assign(row, kv);
      row.source = `${row.source}; ${source}`;
      row.notes = [
        ...new Set([...(row.notes ? row.notes.split('; ') : []), ...rowNotes(rec, c, kvNotes)]),
      ].join('; ');
      for (const [col, key] of DIM_CHECKS) {
        const v = numOf(c, key);
        if (v !== null && row[col] !== null && row[col] !== v)
          notes.push(
            `model-configs-attention ${rec.model}: ${row.id} ${col} ${String(row[col])} vs config ${v} (catalog kept)`,
          );
      }
      filled.push(row.id);
      continue;
    }
    const full = entry ? decoderDims(c, entry.extra ?? {}) : null;
    if (!entry || !full) {
      notes.push(`model-configs-attention ${rec.model}: no catalog row and no catalog identity, skipped`);
      continue;
    }
    const spec: LlmSpec = {
      id: entry.id,
      name: entry.name,
      family: entry.family,
      aliases: entry.aliases,
      source,
      dims: full,
      maxSeq: numOf(c, 'max_position_embeddings'),
      published: entry.published,
      notes: [...(entry.notes ?? []), ...rowNotes(rec, c, kvNotes)],
      kv,
    };
    if (entry.modality) spec.modality = entry.modality;
    const made = llmRow(spec);
    added.push(made);
    byId.set(made.id, made);
    filled.push(made.id);
  }
  notes.push(
    `model-configs-attention: KV fields for ${filled.length} models (${added.length} added: ${added.map((r) => r.id).join(', ')})`,
  );
  return { added, notes };
}
