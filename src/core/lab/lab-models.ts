/**
 * The two small models the lab really runs in the page (random weights; only timing matters): a CNN and one
 * transformer encoder block. Their parameter counts and FLOPs come from the same configs the tfjs adapter
 * builds, so the prediction for "this browser" and the measured run describe the same work.
 */
import { NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';

export interface LabCnnConfig {
  kind: 'cnn';
  /** Square input side, pixels; 3 channels. */
  image: number;
  /** Output channels of each 3×3 same-padded conv (ReLU, then 2×2 max-pool). */
  channels: readonly number[];
  classes: number;
}

export interface LabEncoderConfig {
  kind: 'encoder';
  /** Tokens per sample. */
  seq: number;
  hidden: number;
  heads: number;
  ffn: number;
}

export interface LabModel {
  id: string;
  name: string;
  config: LabCnnConfig | LabEncoderConfig;
  /** Batch sizes a run times. */
  batches: readonly number[];
}

export const LAB_MODELS: readonly LabModel[] = [
  {
    id: 'lab-cnn-small',
    name: 'Lab CNN (3 conv blocks, 96 px)',
    config: { kind: 'cnn', image: 96, channels: [32, 64, 128], classes: 10 },
    batches: [1, 4, 16],
  },
  {
    id: 'lab-encoder-block',
    name: 'Lab transformer encoder block (128 tokens, d=256)',
    config: { kind: 'encoder', seq: 128, hidden: 256, heads: 4, ffn: 1024 },
    batches: [1, 4, 16],
  },
];

export interface LabCost {
  params: number;
  /** Forward FLOPs per sample (multiply-add = 2). */
  flopsPerSample: number;
  /** Largest single tensor the forward pass holds at batch 1, elements. */
  largestTensor: number;
}

function cnnCost(c: LabCnnConfig): LabCost {
  let side = c.image;
  let cin = 3;
  let params = 0;
  let flops = 0;
  let largest = side * side * cin;
  for (const cout of c.channels) {
    params += 9 * cin * cout + cout;
    flops += 2 * side * side * 9 * cin * cout;
    largest = Math.max(largest, side * side * cout);
    side = Math.floor(side / 2);
    cin = cout;
  }
  params += cin * c.classes + c.classes;
  flops += 2 * cin * c.classes;
  return { params, flopsPerSample: flops, largestTensor: largest };
}

function encoderCost(c: LabEncoderConfig): LabCost {
  const d = c.hidden;
  // Q, K, V, O projections and the two FFN layers (with biases), plus two layer norms.
  const params = 4 * (d * d + d) + (d * c.ffn + c.ffn) + (c.ffn * d + d) + 4 * d;
  const perToken = 2 * (4 * d * d + 2 * d * c.ffn);
  // Scores (QKᵀ) and the weighted sum (AV): 2 × seq × d each per token.
  const attention = 2 * 2 * c.seq * d;
  const largest = Math.max(c.heads * c.seq * c.seq, c.seq * c.ffn);
  return { params, flopsPerSample: c.seq * (perToken + attention), largestTensor: largest };
}

export function labCost(m: LabModel): LabCost {
  return m.config.kind === 'cnn' ? cnnCost(m.config) : encoderCost(m.config);
}

/** The lab model as a catalog row, so the prediction engine treats it like any other model. */
export function labModelRow(m: LabModel): ModelRow {
  const cost = labCost(m);
  const base = {
    id: m.id,
    name: m.name,
    aliases: '',
    family: 'lab',
    params_m: cost.params / 1e6,
    active_params_m: null,
    n_experts: null,
    experts_per_token: null,
    ...NO_KV_ARCH,
    source: 'rooflight-lab',
    notes: 'Built in the page with tfjs layers (random weights) to time this browser.',
  };
  if (m.config.kind === 'cnn') {
    return {
      ...base,
      modality: 'vision',
      architecture: 'cnn',
      layers: m.config.channels.length + 1,
      hidden: null,
      heads: null,
      kv_heads: null,
      ffn: null,
      vocab: null,
      max_seq: null,
      image_size: m.config.image,
      gflops_per_sample: cost.flopsPerSample / 1e9,
      gflops_per_token: null,
    };
  }
  const c = m.config;
  return {
    ...base,
    modality: 'text',
    architecture: 'encoder-only',
    layers: 1,
    hidden: c.hidden,
    heads: c.heads,
    kv_heads: c.heads,
    ffn: c.ffn,
    vocab: null,
    max_seq: c.seq,
    image_size: null,
    gflops_per_sample: null,
    gflops_per_token: cost.flopsPerSample / c.seq / 1e9,
  };
}

export function labModel(id: string): LabModel | undefined {
  return LAB_MODELS.find((m) => m.id === id);
}
