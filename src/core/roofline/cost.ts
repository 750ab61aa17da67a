/** FLOPs and bytes moved per phase of a workload (per whole batch, before any split across devices). */
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

export const headDim = (m: ModelArch): number | null =>
  m.hidden !== null && m.heads ? m.hidden / m.heads : null;

/** KV-cache bytes per token per sequence (all layers, K and V). */
export function kvBytesPerToken(m: ModelArch, p: PrecisionInfo): number {
  const hd = headDim(m);
  if (m.layers === null || hd === null) return 0;
  return 2 * m.layers * (m.kv_heads ?? m.heads ?? 0) * hd * p.kvBytes;
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

export class CostError extends Error {}

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
    const kvTok = kvBytesPerToken(m, p);
    const prefill: PhaseCost = {
      phase: 'prefill',
      flops: fpt * B * S + 2 * L * B * S * S * d,
      bytes: weightBytes + kvTok * B * S,
      weightBytes,
      tpAllReduceBytes: 2 * L * B * S * d * p.activationBytes,
      items: B * S,
    };
    const ctx = S + Gen / 2;
    const decodeWeights = decodeWeightParams(m, B) * wBytesPerParam * half;
    const decode: PhaseCost = {
      phase: 'decode',
      flops: fpt * B + 4 * L * B * ctx * d,
      bytes: decodeWeights + kvTok * B * ctx,
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
