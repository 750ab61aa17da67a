/** Row construction and architecture arithmetic shared by the model catalog builders. */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';

/** Fields a builder must give; everything else defaults to null. */
export type RowInit = Pick<ModelRow, 'id' | 'name' | 'family' | 'modality' | 'architecture' | 'source'> &
  Partial<Omit<ModelRow, 'id' | 'name' | 'family' | 'modality' | 'architecture' | 'source' | 'aliases'>> & {
    aliases?: readonly string[];
  };

/** Build a ModelRow with nulls for unstated figures; aliases are de-duplicated and `|`-joined. */
export function makeRow(init: RowInit): ModelRow {
  const aliases = [...new Set((init.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''))];
  return {
    id: init.id,
    name: init.name,
    aliases: aliases.join('|'),
    family: init.family,
    modality: init.modality,
    architecture: init.architecture,
    params_m: init.params_m ?? null,
    active_params_m: init.active_params_m ?? null,
    layers: init.layers ?? null,
    hidden: init.hidden ?? null,
    heads: init.heads ?? null,
    kv_heads: init.kv_heads ?? null,
    ffn: init.ffn ?? null,
    vocab: init.vocab ?? null,
    max_seq: init.max_seq ?? null,
    image_size: init.image_size ?? null,
    n_experts: init.n_experts ?? null,
    experts_per_token: init.experts_per_token ?? null,
    attention: init.attention ?? null,
    head_dim: init.head_dim ?? null,
    kv_lora_rank: init.kv_lora_rank ?? null,
    qk_rope_dim: init.qk_rope_dim ?? null,
    sliding_window: init.sliding_window ?? null,
    sliding_layers: init.sliding_layers ?? null,
    attn_layers: init.attn_layers ?? null,
    ssm_state_elems: init.ssm_state_elems ?? null,
    kv_precision: init.kv_precision ?? null,
    gflops_per_sample: init.gflops_per_sample ?? null,
    gflops_per_token: init.gflops_per_token ?? null,
    source: init.source,
    notes: init.notes ?? null,
  };
}

/** Round to a fixed number of decimals (keeps output stable across platforms). */
export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Architecture of a decoder-only transformer, as config.json states it. */
export interface DecoderDims {
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  /** Per-head dimension; defaults to hidden / heads. */
  headDim?: number;
  /** Dense MLP width (or per-expert width for MoE layers when moeFfn is absent). */
  ffn: number;
  vocab: number;
  /** SwiGLU/GeGLU (3 matrices) vs plain GELU MLP (2). */
  gated: boolean;
  tied: boolean;
  experts?: number;
  expertsPerToken?: number;
  /** Per-expert width when it differs from ffn (Qwen-MoE, DeepSeek). */
  moeFfn?: number;
  sharedExperts?: number;
  /** Leading layers with a dense MLP (DeepSeek first_k_dense_replace). */
  denseLayers?: number;
}

/**
 * Parameter count (millions) of a decoder from its dims: attention q,k,v,o + MLP (× experts) + router +
 * embeddings (+ untied LM head). Norms, biases and position embeddings are ignored.
 */
export function decoderParams(d: DecoderDims): { total: number; active: number } {
  const hd = d.headDim ?? d.hidden / d.heads;
  const attn = d.hidden * d.heads * hd * 2 + d.hidden * d.kvHeads * hd * 2;
  const mlpOf = (width: number) => (d.gated ? 3 : 2) * d.hidden * width;
  const emb = d.vocab * d.hidden * (d.tied ? 1 : 2);
  if (!d.experts) {
    const t = d.layers * (attn + mlpOf(d.ffn)) + emb;
    return { total: t / 1e6, active: t / 1e6 };
  }
  const dense = d.denseLayers ?? 0;
  const moeLayers = d.layers - dense;
  const expert = mlpOf(d.moeFfn ?? d.ffn);
  const shared = (d.sharedExperts ?? 0) * expert;
  const router = d.hidden * d.experts;
  const base = d.layers * attn + dense * mlpOf(d.ffn) + emb;
  const total = base + moeLayers * (d.experts * expert + shared + router);
  const active = base + moeLayers * ((d.expertsPerToken ?? 1) * expert + shared + router);
  return { total: total / 1e6, active: active / 1e6 };
}

/** Encoder (BERT-style) parameter count in millions: layers × (4h² + 2h·ffn) + (vocab + positions) × h. */
export function encoderParams(
  layers: number,
  hidden: number,
  ffn: number,
  vocab: number,
  positions: number,
): number {
  return (layers * (4 * hidden * hidden + 2 * hidden * ffn) + (vocab + positions) * hidden) / 1e6;
}

export const FLOPS_NOTE =
  'gflops_per_token = 2 × (active) params; excludes attention-score FLOPs that grow with context';
