/** KV-cache fields of a decoder from its config dict (HF config.json, MLC preset, gemma_pytorch config). */
import type { ModelRow, NO_KV_ARCH } from '../../../src/core/catalog/schema.ts';

/** The catalog's KV-cache architecture columns. */
export type KvFields = Pick<ModelRow, keyof typeof NO_KV_ARCH>;

type Cfg = Record<string, unknown>;

const numOf = (c: Cfg, ...keys: string[]): number | null => {
  for (const k of keys) {
    const v = c[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
};

const count = (n: number, pred: (i: number) => boolean): number => {
  let k = 0;
  for (let i = 0; i < n; i++) if (pred(i)) k++;
  return k;
};

/** mla with a latent rank; else mqa (1 KV head), gqa (fewer KV than query heads) or mha. */
export function attentionKind(heads: number, kvHeads: number, kvLoraRank: number | null = null): string {
  if (kvLoraRank) return 'mla';
  if (kvHeads === 1) return 'mqa';
  return kvHeads < heads ? 'gqa' : 'mha';
}

/**
 * Layers using the window, from `layer_types` (HF), gemma_pytorch's `attn_types` pattern (repeated over the
 * layers), Gemma-3's `sliding_window_pattern` (every p-th layer global) or Gemma-2's alternation; null: all.
 */
function slidingLayers(c: Cfg, layers: number): number | null {
  const types = c['layer_types'];
  if (Array.isArray(types)) return types.filter((t) => t === 'sliding_attention').length;
  const attn = c['attn_types'];
  if (typeof attn === 'string') {
    const inner = /[[(]([^\])]*)[\])]/.exec(attn)?.[1];
    const pattern = (inner ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (pattern.length > 0) return count(layers, (i) => pattern[i % pattern.length] === 'LOCAL_SLIDING');
  }
  const every = numOf(c, 'sliding_window_pattern');
  if (every) return count(layers, (i) => (i + 1) % every !== 0);
  if (c['model_type'] === 'gemma2') return count(layers, (i) => i % 2 === 0);
  return null;
}

/** Attention layers and fixed recurrent state of hybrids: Jamba (attention every `attn_layer_period`), Qwen3-Next (every `full_attention_interval`). */
function hybrid(
  c: Cfg,
  layers: number,
  hidden: number,
): Pick<KvFields, 'attn_layers' | 'ssm_state_elems'> & { note?: string } {
  const period = numOf(c, 'attn_layer_period');
  if (period) {
    const offset = numOf(c, 'attn_layer_offset') ?? 0;
    const attn = count(layers, (i) => i % period === offset);
    const inner = (numOf(c, 'mamba_expand') ?? 2) * hidden;
    const perLayer = inner * (numOf(c, 'mamba_d_state') ?? 16) + inner * (numOf(c, 'mamba_d_conv') ?? 4);
    return {
      attn_layers: attn,
      ssm_state_elems: (layers - attn) * perLayer,
      note: `hybrid: ${attn} attention + ${layers - attn} Mamba layers; SSM state per Mamba layer = d_inner ${inner} × (d_state + d_conv) = ${perLayer} elements`,
    };
  }
  const interval = numOf(c, 'full_attention_interval');
  if (interval) {
    const attn = count(layers, (i) => (i + 1) % interval === 0);
    const kHeads = numOf(c, 'linear_num_key_heads') ?? 0;
    const vHeads = numOf(c, 'linear_num_value_heads') ?? 0;
    const kDim = numOf(c, 'linear_key_head_dim') ?? 0;
    const vDim = numOf(c, 'linear_value_head_dim') ?? 0;
    const convDim = 2 * kHeads * kDim + vHeads * vDim;
    const perLayer = vHeads * kDim * vDim + convDim * (numOf(c, 'linear_conv_kernel_dim') ?? 0);
    return {
      attn_layers: attn,
      ssm_state_elems: (layers - attn) * perLayer,
      note: `hybrid: ${attn} full-attention + ${layers - attn} linear-attention (Gated DeltaNet) layers; state per linear layer = ${vHeads} value heads × ${kDim} × ${vDim} + conv ${convDim} × kernel = ${perLayer} elements`,
    };
  }
  return { attn_layers: null, ssm_state_elems: null };
}

/** fp8 only where a KV-cache setting says so; a checkpoint's weight quantization (DeepSeek's fp8 blocks) is not a KV precision. */
function kvPrecision(c: Cfg): string | null {
  const q = (c['quantization_config'] ?? {}) as Cfg;
  const said = [c['kv_cache_dtype'], c['kv_cache_quant_algo'], q['kv_cache_quant_algo'], q['kv_cache_dtype']];
  if (said.some((v) => typeof v === 'string' && /fp8|e4m3|e5m2/i.test(v))) return 'fp8';
  const scheme = q['kv_cache_scheme'] as Cfg | null | undefined;
  if (scheme && scheme['num_bits'] === 8 && scheme['type'] === 'float') return 'fp8';
  return null;
}

/** A decoder's KV fields with notes on what was read; `layers`, `heads`, `kvHeads`, `hidden` as the row states them. */
export function kvFromConfig(
  c: Cfg,
  dims: { layers: number; hidden: number; heads: number; kvHeads: number },
): { kv: KvFields; notes: string[] } {
  const notes: string[] = [];
  const rank = numOf(c, 'kv_lora_rank');
  const hyb = hybrid(c, dims.layers, dims.hidden);
  if (hyb.note) notes.push(hyb.note);
  let window = c['use_sliding_window'] === false ? null : numOf(c, 'sliding_window_size', 'sliding_window');
  const maxPos = numOf(c, 'max_position_embeddings');
  if (window !== null && maxPos !== null && window >= maxPos) {
    notes.push(`sliding_window ${window} ≥ max_position_embeddings ${maxPos}: no effect, not recorded`);
    window = null;
  }
  const sliding = window ? slidingLayers(c, hyb.attn_layers ?? dims.layers) : null;
  if (window) notes.push(`sliding window ${window} on ${sliding ?? 'all'} attention layers`);
  const kv: KvFields = {
    attention: attentionKind(dims.heads, dims.kvHeads, rank),
    head_dim: rank ? null : numOf(c, 'head_dim', 'kv_channels'),
    kv_lora_rank: rank,
    qk_rope_dim: rank ? numOf(c, 'qk_rope_head_dim') : null,
    sliding_window: window || null,
    sliding_layers: sliding,
    attn_layers: hyb.attn_layers,
    ssm_state_elems: hyb.ssm_state_elems,
    kv_precision: kvPrecision(c),
  };
  if (rank)
    notes.push(
      `MLA: caches kv_lora_rank ${rank} + qk_rope_head_dim ${kv.qk_rope_dim ?? 0} per token per layer`,
    );
  return { kv, notes };
}
