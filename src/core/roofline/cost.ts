/** FLOPs and bytes moved per phase of a workload (per whole batch, before any split across devices). */
import { bitsPerWeight } from '../catalog/normalize.ts';
import type { PrecisionInfo } from './precision.ts';
import { DEFAULTS, isGenerative, type ModelArch, type Workload } from './workload.ts';

export type PhaseName = 'forward' | 'train-step' | 'prefill' | 'decode';

export interface PhaseCost {
  phase: PhaseName;
  flops: number;
  /** Bytes that must cross the memory bus at least once. */
  bytes: number;
  /** Bytes of weights among `bytes` (what tensor parallelism splits). */
  weightBytes: number;
  /** Activation bytes exchanged per tensor-parallel all-reduce over the whole phase (per device count n: × 2(n-1)/n). */
  tpAllReduceBytes: number;
  /** Items the phase completes: samples (forward/train) or tokens (prefill: prompt tokens; decode: one per sequence). */
  items: number;
}

const M = 1e6;
const G = 1e9;

export function totalParams(m: ModelArch): number | null {
  return m.params_m === null ? null : m.params_m * M;
}

export function activeParams(m: ModelArch): number | null {
  const p = m.active_params_m ?? m.params_m;
  return p === null ? null : p * M;
}

/** Per-head dimension: the catalog's head_dim where the config states one, else hidden / heads. */
export const headDim = (m: ModelArch): number | null =>
  m.head_dim ?? (m.hidden !== null && m.heads ? m.hidden / m.heads : null);

export class CostError extends Error {}

/** How a model's layers keep state across tokens; see kvCacheBytes. */
export interface KvLayout {
  /** Elements cached per token by one attention layer: 2 × kv_heads × head_dim, or MLA's kv_lora_rank + qk_rope_dim. */
  elemsPerToken: number;
  /** Attention layers caching every token of the context. */
  globalLayers: number;
  /** Attention layers caching at most `window` tokens. */
  windowLayers: number;
  window: number;
  /** Fixed recurrent state per sequence over all SSM / linear-attention layers, in elements. */
  stateElems: number;
}

/** The KV layout of a model from its catalog fields (attention layers of hybrids, windows, MLA latent, SSM state). */
export function kvLayout(m: ModelArch): KvLayout {
  const attnLayers = m.attn_layers ?? m.layers ?? 0;
  let elemsPerToken = 0;
  if (m.kv_lora_rank) elemsPerToken = m.kv_lora_rank + (m.qk_rope_dim ?? 0);
  else {
    const hd = headDim(m);
    if (hd !== null) elemsPerToken = 2 * (m.kv_heads ?? m.heads ?? 0) * hd;
  }
  const window = m.sliding_window ?? 0;
  const windowLayers = window > 0 ? Math.min(attnLayers, m.sliding_layers ?? attnLayers) : 0;
  return {
    elemsPerToken,
    globalLayers: attnLayers - windowLayers,
    windowLayers,
    window,
    stateElems: m.ssm_state_elems ?? 0,
  };
}

/**
 * Bytes per KV-cache element: the workload's KV precision (`kvPrecision`), else the checkpoint's published
 * KV precision (model.kv_precision), else the activation precision. Throws CostError for an unknown `kvPrecision`.
 */
export function kvElementBytes(m: ModelArch, p: PrecisionInfo, kvPrecision?: string): number {
  if (kvPrecision !== undefined) {
    const bits = bitsPerWeight(kvPrecision);
    if (bits === null) throw new CostError(`unknown KV-cache precision "${kvPrecision}"`);
    return bits / 8;
  }
  const published = m.kv_precision ? bitsPerWeight(m.kv_precision) : null;
  return published === null ? p.kvBytes : published / 8;
}

/**
 * KV-cache bytes of ONE sequence holding `ctx` tokens. Global attention layers cache every token
 * (2 × kv_heads × head_dim elements per layer, or MLA's kv_lora_rank + qk_rope_dim), windowed layers at most
 * the window; hybrids cache only in their attention layers, and their SSM / linear-attention layers add a fixed
 * state (at the activation precision) that does not grow with `ctx`.
 */
export function kvCacheBytes(m: ModelArch, ctx: number, p: PrecisionInfo, kvPrecision?: string): number {
  const l = kvLayout(m);
  const tokens = l.globalLayers * ctx + l.windowLayers * Math.min(ctx, l.window);
  return l.elemsPerToken * tokens * kvElementBytes(m, p, kvPrecision) + l.stateElems * p.activationBytes;
}

/** Weights a decode step of `batch` sequences reads: MoE models touch only the experts the batch routes to. */
function decodeWeightParams(m: ModelArch, batch: number): number {
  const total = totalParams(m) ?? 0;
  const active = activeParams(m) ?? total;
  const e = m.n_experts;
  const k = m.experts_per_token;
  if (!e || !k || active >= total) return active;
  const share = k / e;
  const expertParams = (total - active) / (1 - share);
  const shared = total - expertParams;
  const touched = 1 - Math.pow(1 - share, batch);
  return shared + expertParams * touched;
}

/** Dense FLOPs of one forward pass per token, from params (2 per weight) or the catalog's GFLOPs/token. */
function flopsPerToken(m: ModelArch): number | null {
  const a = activeParams(m);
  if (a !== null) return 2 * a;
  return m.gflops_per_token === null ? null : m.gflops_per_token * G;
}

/** Phases of the workload with their FLOPs and bytes. Throws CostError when the model lacks the needed figures. */
export function workloadCost(w: Workload & { model: ModelArch }, p: PrecisionInfo): PhaseCost[] {
  const m = w.model;
  const B = w.batch;
  const wBytesPerParam = p.weightBits / 8;
  const params = totalParams(m);
  const weightBytesAll = params === null ? 0 : params * wBytesPerParam;
  const L = m.layers ?? 0;
  const d = m.hidden ?? 0;

  if (isGenerative(m) && w.mode === 'inference') {
    // Encoder-decoder models (Whisper, T5): the encoder reads the prompt, the decoder generates; each is
    // about half the parameters, so each phase is bounded with half of them.
    const half = m.architecture === 'encoder-decoder' ? 0.5 : 1;
    const full = flopsPerToken(m);
    if (full === null) throw new CostError(`model ${m.id} has neither params nor GFLOPs per token`);
    const fpt = full * half;
    const weightBytes = weightBytesAll * half;
    const S = w.promptTokens ?? DEFAULTS.promptTokens;
    const Gen = w.genTokens ?? DEFAULTS.genTokens;
    const prefill: PhaseCost = {
      phase: 'prefill',
      flops: fpt * B * S + 2 * L * B * S * S * d,
      bytes: weightBytes + kvCacheBytes(m, S, p, w.kvPrecision) * B,
      weightBytes,
      tpAllReduceBytes: 2 * L * B * S * d * p.activationBytes,
      items: B * S,
    };
    // A decode step's mean context over the generation; windowed layers read at most their window.
    const ctx = S + Gen / 2;
    const decodeWeights = decodeWeightParams(m, B) * wBytesPerParam * half;
    const decode: PhaseCost = {
      phase: 'decode',
      flops: fpt * B + 4 * L * B * ctx * d,
      bytes: decodeWeights + kvCacheBytes(m, ctx, p, w.kvPrecision) * B,
      weightBytes: decodeWeights,
      tpAllReduceBytes: 2 * L * B * d * p.activationBytes,
      items: B,
    };
    return [prefill, decode];
  }

  const weightBytes = weightBytesAll;
  let flops: number;
  let actBytes: number;
  let tp = 0;
  if (m.gflops_per_sample !== null && !(isGenerative(m) || /encoder/.test(m.architecture))) {
    const img = w.imageSize ?? m.image_size ?? DEFAULTS.imageSize;
    const ref = m.image_size ?? DEFAULTS.imageSize;
    const scale = (img / ref) ** 2;
    flops = m.gflops_per_sample * G * scale * B;
    actBytes = 3 * img * img * p.activationBytes * B;
  } else {
    const fpt = flopsPerToken(m);
    const S = w.seqLen ?? DEFAULTS.seqLen;
    if (fpt === null) {
      if (m.gflops_per_sample === null) throw new CostError(`model ${m.id} has no params or GFLOPs figures`);
      flops = m.gflops_per_sample * G * B;
    } else flops = fpt * B * S + 4 * L * B * S * S * d;
    actBytes = 2 * L * B * S * d * p.activationBytes;
    tp = 2 * L * B * S * d * p.activationBytes;
  }
  if (w.mode === 'training') {
    const gradBytes = (params ?? 0) * Math.max(wBytesPerParam, 2);
    const optimizerBytes = (params ?? 0) * (wBytesPerParam < 4 ? 12 : 8) * 2;
    return [
      {
        phase: 'train-step',
        flops: 3 * flops,
        bytes: 2 * weightBytes + 2 * gradBytes + optimizerBytes + 2 * actBytes,
        weightBytes,
        tpAllReduceBytes: 2 * tp,
        items: B,
      },
    ];
  }
  return [
    { phase: 'forward', flops, bytes: weightBytes + actBytes, weightBytes, tpAllReduceBytes: tp, items: B },
  ];
}
