/** A workload: what runs (model architecture) and how (mode, batch, lengths, precision, devices). */
import type { Mode, ModelRow } from '../catalog/schema.ts';

/** The architecture fields the roofline needs; a catalog ModelRow or a user-described model. */
export type ModelArch = Pick<
  ModelRow,
  | 'id'
  | 'family'
  | 'modality'
  | 'architecture'
  | 'params_m'
  | 'active_params_m'
  | 'layers'
  | 'hidden'
  | 'heads'
  | 'kv_heads'
  | 'ffn'
  | 'vocab'
  | 'max_seq'
  | 'image_size'
  | 'gflops_per_sample'
  | 'gflops_per_token'
  | 'n_experts'
  | 'experts_per_token'
> &
  Partial<Pick<ModelRow, KvArchField>>;

/** What the KV cache depends on beyond heads and layers; optional so described models may leave them out. */
export type KvArchField =
  | 'attention'
  | 'head_dim'
  | 'kv_lora_rank'
  | 'qk_rope_dim'
  | 'sliding_window'
  | 'sliding_layers'
  | 'attn_layers'
  | 'ssm_state_elems'
  | 'kv_precision';

export type Parallelism = 'data' | 'tensor';

/**
 * How n devices split the work: replicas of a group of `tp` tensor-parallel × `pp` pipeline-parallel devices
 * (replicas = n / (tp × pp)). "5 replicas × TP8" is { tp: 8, pp: 1 } on 40 devices.
 */
export interface Layout {
  tp: number;
  pp: number;
}

export interface Workload {
  model: ModelArch;
  mode: Mode;
  batch: number;
  precision: string;
  /** KV-cache precision when it differs from the activations' (e.g. fp8 KV cache); default: the model's kv_precision, else the activation precision. */
  kvPrecision?: string;
  /**
   * The software stack as a runtime class id (`pytorch`, `pytorch-compile`, `tensorrt-llm`, `vllm`,
   * `llama.cpp-cuda`, …); absent: the typical runtime for the precision (GGUF → llama.cpp).
   */
  runtime?: string;
  nDevices: number;
  /** How several devices split the work; default: tensor for LLM inference that needs it, else data. */
  parallelism?: Parallelism;
  /** An explicit replicas × TP × PP layout; overrides `parallelism`. */
  layout?: Layout;
  /** Encoder / training sequence length. */
  seqLen?: number;
  /** LLM generation: prompt and generated tokens. */
  promptTokens?: number;
  genTokens?: number;
  /** Vision input resolution (square side, pixels). */
  imageSize?: number;
  /**
   * CPU threads the runtime runs (llama.cpp / whisper.cpp `-t`): on a CPU, compute scales with
   * min(threads, cores) / cores of the peak; absent: every core.
   */
  threads?: number;
}

/** Is this a token-generating (decoder) language model? */
export function isGenerative(m: Pick<ModelArch, 'architecture' | 'modality'>): boolean {
  return /decoder|moe/i.test(m.architecture) || (m.modality === 'text' && m.architecture === 'decoder-only');
}

/** Is this a sequence model (transformer encoder, decoder, encoder-decoder) with a token dimension? */
export function isSequenceModel(m: ModelArch): boolean {
  return (
    isGenerative(m) ||
    /encoder/i.test(m.architecture) ||
    (m.gflops_per_sample === null && m.gflops_per_token !== null)
  );
}

export const DEFAULTS = { seqLen: 128, promptTokens: 512, genTokens: 128, imageSize: 224 } as const;
