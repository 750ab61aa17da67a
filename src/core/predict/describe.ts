/**
 * Models outside the catalog: described inline (params, layers, hidden…) or by a Hugging Face config.json.
 * Parameters are computed from the architecture when not given.
 */
import { NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';

export interface ModelSpec {
  id?: string;
  name?: string;
  /** decoder-only | encoder-only | encoder-decoder | cnn | vit | moe-decoder | other */
  architecture?: string;
  params?: number;
  layers?: number;
  hidden?: number;
  heads?: number;
  kvHeads?: number;
  headDim?: number;
  ffn?: number;
  vocab?: number;
  maxSeq?: number;
  /** Vision: GFLOPs of one forward pass per sample, at `imageSize`. */
  gflopsPerSample?: number;
  imageSize?: number;
  experts?: number;
  expertsPerToken?: number;
  /** Input and output embeddings share one matrix. */
  tiedEmbeddings?: boolean;
  /** SwiGLU/GeGLU MLP (three matrices) rather than two. */
  gatedMlp?: boolean;
  /** Learned position embeddings of `maxSeq` rows (BERT, GPT-2). */
  learnedPositions?: boolean;
}

export class DescribeError extends Error {}

const ENCODER_TYPES =
  /^(bert|roberta|xlm-roberta|distilbert|albert|electra|deberta|deberta-v2|camembert|mpnet|nomic_bert|modernbert)$/;
const ENC_DEC_TYPES = /^(t5|mt5|umt5|bart|mbart|whisper|marian|pegasus|longt5|switch_transformers)$/;
const VISION_TYPES = /^(vit|deit|beit|dinov2|swin|siglip_vision_model|clip_vision_model)$/;
const GATED_ACTS = /^(silu|swish|swiglu|geglu|gelu_pytorch_tanh)$/;

/** Parameter count of a transformer from its shape: total and active per token (MoE). Null when underspecified. */
export function transformerParams(s: ModelSpec): { total: number; active: number } | null {
  const { layers: L, hidden: d, heads: h } = s;
  if (!L || !d || !h) return null;
  const hd = s.headDim ?? d / h;
  const kv = s.kvHeads ?? h;
  const ffn = s.ffn ?? 4 * d;
  const attn = d * h * hd + 2 * d * kv * hd + h * hd * d;
  const mlp = (s.gatedMlp ? 3 : 2) * d * ffn;
  const E = s.experts ?? 0;
  const k = s.expertsPerToken ?? (E > 0 ? 2 : 0);
  const norms = 2 * d;
  const layerTotal = E > 0 ? attn + E * mlp + d * E + norms : attn + mlp + norms;
  const layerActive = E > 0 ? attn + k * mlp + d * E + norms : layerTotal;
  const V = s.vocab ?? 0;
  const embed = V * d * (s.tiedEmbeddings ? 1 : 2) + (s.learnedPositions ? (s.maxSeq ?? 0) * d : 0) + d;
  const encDec = s.architecture === 'encoder-decoder' ? 2 : 1;
  return { total: encDec * L * layerTotal + embed, active: encDec * L * layerActive + embed };
}

/** A catalog-shaped row for a described model. Throws DescribeError naming what is missing. */
export function describeModel(s: ModelSpec): ModelRow {
  const architecture =
    s.architecture ?? (s.experts ? 'moe-decoder' : s.gflopsPerSample ? 'cnn' : 'decoder-only');
  const vision = architecture === 'cnn' || architecture === 'vit';
  const shape = transformerParams({
    ...s,
    architecture,
    gatedMlp: s.gatedMlp ?? /decoder/.test(architecture),
  });
  const total = s.params ?? shape?.total ?? null;
  if (total === null && !(vision && s.gflopsPerSample))
    throw new DescribeError(
      vision
        ? 'describe a vision model with --gflops (per sample) and --params'
        : 'describe a model with --params, or --layers, --hidden and --heads',
    );
  const active =
    shape && total !== null && shape.total !== shape.active ? (total * shape.active) / shape.total : null;
  const id = s.id ?? 'custom-model';
  return {
    id,
    name: s.name ?? id,
    aliases: '',
    family: 'custom',
    modality: vision ? 'vision' : 'text',
    architecture,
    params_m: total === null ? null : total / 1e6,
    active_params_m: active === null ? null : active / 1e6,
    layers: s.layers ?? null,
    hidden: s.hidden ?? null,
    heads: s.heads ?? null,
    kv_heads: s.kvHeads ?? null,
    ffn: s.ffn ?? null,
    vocab: s.vocab ?? null,
    max_seq: s.maxSeq ?? null,
    image_size: s.imageSize ?? null,
    n_experts: s.experts ?? null,
    experts_per_token: s.expertsPerToken ?? null,
    ...NO_KV_ARCH,
    head_dim: s.headDim ?? null,
    gflops_per_sample: s.gflopsPerSample ?? null,
    gflops_per_token: null,
    source: 'user',
    notes: null,
  };
}

const num = (c: Record<string, unknown>, ...keys: string[]): number | undefined => {
  for (const k of keys) {
    const v = c[k];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  }
  return undefined;
};

/** Read a Hugging Face config.json (Llama, Mistral, Mixtral, Qwen, GPT-2, BERT, T5…) into a spec. */
export function specFromHfConfig(json: unknown, id?: string): ModelSpec {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new DescribeError('config.json is not a JSON object');
  const c = json as Record<string, unknown>;
  const type = typeof c.model_type === 'string' ? c.model_type.toLowerCase() : '';
  const cfg =
    typeof c.text_config === 'object' && c.text_config !== null
      ? (c.text_config as Record<string, unknown>)
      : c;
  const experts = num(cfg, 'num_local_experts', 'num_experts', 'n_routed_experts');
  const act = String(cfg.hidden_act ?? cfg.activation_function ?? cfg.feed_forward_proj ?? '');
  const architecture =
    c.is_encoder_decoder === true || ENC_DEC_TYPES.test(type)
      ? 'encoder-decoder'
      : ENCODER_TYPES.test(type)
        ? 'encoder-only'
        : VISION_TYPES.test(type)
          ? 'vit'
          : experts
            ? 'moe-decoder'
            : 'decoder-only';
  const gated =
    /decoder/.test(architecture) && architecture !== 'encoder-decoder'
      ? GATED_ACTS.test(act) || act === ''
      : /gated/.test(act);
  const tied =
    typeof c.tie_word_embeddings === 'boolean' ? c.tie_word_embeddings : !gated || type.startsWith('gemma');
  const spec: ModelSpec = {
    id: id ?? (type ? `custom-${type}` : 'custom-model'),
    architecture,
    gatedMlp: gated,
    tiedEmbeddings: tied,
    learnedPositions:
      architecture === 'encoder-only' || type === 'gpt2' || type === 'gpt_neo' || type === 'opt',
  };
  const set = <K extends keyof ModelSpec>(k: K, v: ModelSpec[K] | undefined) => {
    if (v !== undefined) spec[k] = v;
  };
  set('layers', num(cfg, 'num_hidden_layers', 'n_layer', 'num_layers', 'encoder_layers'));
  set('hidden', num(cfg, 'hidden_size', 'n_embd', 'd_model'));
  set('heads', num(cfg, 'num_attention_heads', 'n_head', 'num_heads', 'encoder_attention_heads'));
  set('kvHeads', num(cfg, 'num_key_value_heads'));
  set('headDim', num(cfg, 'head_dim'));
  set(
    'ffn',
    num(cfg, 'moe_intermediate_size', 'intermediate_size', 'n_inner', 'd_ff', 'ffn_dim', 'encoder_ffn_dim'),
  );
  set('vocab', num(cfg, 'vocab_size'));
  set('maxSeq', num(cfg, 'max_position_embeddings', 'n_positions', 'max_seq_len'));
  set('imageSize', num(cfg, 'image_size'));
  set('experts', experts);
  set('expertsPerToken', num(cfg, 'num_experts_per_tok', 'num_experts_per_token', 'top_k'));
  if (!spec.layers || !spec.hidden || !spec.heads)
    throw new DescribeError('config.json lacks num_hidden_layers, hidden_size or num_attention_heads');
  return spec;
}
