/**
 * The snapshot schema: the four tables that `npm run ingest` writes to public/data/*.parquet
 * and that the app, the CLI and training read. Plain data, no behaviour.
 */

export type HardwareKind = 'gpu' | 'cpu' | 'tpu' | 'npu' | 'soc-gpu' | 'browser';
export type Mode = 'inference' | 'training';

/** Metrics kept in the long-format measurements table, with their normalized unit. */
export const METRIC_UNITS = {
  throughput: 'items/s',
  latency_ms: 'ms',
  ttft_ms: 'ms',
  tpot_ms: 'ms',
  decode_tokens_s: 'tokens/s',
  prefill_tokens_s: 'tokens/s',
  memory_mb: 'MB',
} as const;
export type Metric = keyof typeof METRIC_UNITS;
export type Unit = (typeof METRIC_UNITS)[Metric];
export const METRICS = Object.keys(METRIC_UNITS) as Metric[];

/** One device. Numbers are per device; null where no public source gives the figure. */
export interface HardwareRow {
  id: string;
  name: string;
  /** Names as they appear in benchmark tables, `|`-separated. */
  aliases: string;
  vendor: string;
  kind: HardwareKind;
  /** datacenter | workstation | consumer | laptop | edge | browser */
  segment: string | null;
  /** Micro-architecture or generation, e.g. hopper, blackwell, cdna3, zen4, m2. */
  architecture: string | null;
  release_date: string | null;
  /**
   * Memory capacity as the vendor labels it. GPU, SoC and accelerator memory labels are binary: a "24 GB"
   * card holds 24 GiB (see core/roofline/capacity.ts, the one place that turns this into bytes).
   */
  memory_gb: number | null;
  mem_bw_gbs: number | null;
  fp32_tflops: number | null;
  tf32_tflops: number | null;
  /** Dense fp16 tensor peak with fp16 accumulate (the fastest 16-bit path). */
  fp16_tflops: number | null;
  /**
   * Dense fp16 tensor peak with fp32 accumulate, where it differs from `fp16_tflops` (GeForce: half rate);
   * null where both accumulate modes run at the same rate. PyTorch AMP and bf16 accumulate in fp32.
   */
  fp16_acc32_tflops: number | null;
  bf16_tflops: number | null;
  fp8_tflops: number | null;
  fp4_tflops: number | null;
  int8_tops: number | null;
  int4_tops: number | null;
  tdp_w: number | null;
  /** e.g. "NVLink 4", "PCIe 5.0 x16", "Infinity Fabric". */
  interconnect: string | null;
  /** Per-device interconnect bandwidth, GB/s (bidirectional as vendors quote it). */
  interconnect_gbs: number | null;
  price_usd: number | null;
  cloud_usd_hr: number | null;
  /** CPUs: cores; GPUs: SMs/CUs where known. */
  cores: number | null;
  /** Where each figure comes from: `field=source-id[:detail]` entries joined by `;`. */
  spec_sources: string;
  notes: string | null;
}

export interface ModelRow {
  id: string;
  name: string;
  /** `|`-separated, includes MLPerf benchmark names where the model is benchmarked there. */
  aliases: string;
  family: string;
  /** text | vision | audio | multimodal | recommendation | other */
  modality: string;
  /** decoder-only | encoder-only | encoder-decoder | cnn | vit | hybrid | moe-decoder | other */
  architecture: string;
  params_m: number | null;
  active_params_m: number | null;
  layers: number | null;
  hidden: number | null;
  heads: number | null;
  kv_heads: number | null;
  ffn: number | null;
  vocab: number | null;
  max_seq: number | null;
  image_size: number | null;
  n_experts: number | null;
  experts_per_token: number | null;
  /** Attention of the KV-caching layers: mha | gqa | mqa | mla; null when unknown or not a transformer. */
  attention: string | null;
  /** Per-head dimension where it is not hidden / heads (Gemma, Qwen3, GPT-OSS). */
  head_dim: number | null;
  /** MLA: the compressed KV latent rank cached per token per layer (DeepSeek-V2/V3: 512). */
  kv_lora_rank: number | null;
  /** MLA: the decoupled RoPE key dims cached beside the latent (DeepSeek-V3: 64). */
  qk_rope_dim: number | null;
  /** Sliding attention window in tokens; null when every attention layer is global. */
  sliding_window: number | null;
  /** Layers that use the sliding window (null with a window: all attention layers). */
  sliding_layers: number | null;
  /** Layers that keep a KV cache (hybrid attention/SSM models); null: all layers. */
  attn_layers: number | null;
  /** Fixed recurrent state per sequence over all SSM / linear-attention layers, in elements. */
  ssm_state_elems: number | null;
  /** KV-cache precision the checkpoint is published with (e.g. fp8 for FP8-KV checkpoints); null: activation precision. */
  kv_precision: string | null;
  gflops_per_sample: number | null;
  gflops_per_token: number | null;
  source: string;
  notes: string | null;
}

export interface MeasurementRow {
  source_id: string;
  /** The raw file's path under shared/data/raw/, e.g. `timm/benchmark-infer-amp-nchw-pt240-cu124-rtx3090.csv`. */
  source_file: string;
  /** 1-based record number in that file (see README: header not counted; JSON: element index + 1; text: line). */
  source_row: number;
  hardware_id: string;
  n_devices: number;
  model_id: string;
  mode: Mode;
  scenario: string | null;
  precision: string;
  batch_size: number | null;
  seq_len: number | null;
  prompt_tokens: number | null;
  gen_tokens: number | null;
  image_size: number | null;
  metric: Metric;
  value: number;
  unit: Unit;
  runtime: string | null;
  /** The runtime's class (core/catalog/runtime.ts), derived from `runtime` by the one shared classifier. */
  runtime_class: string;
  date: string | null;
  /** Always `measured` in this snapshot. */
  provenance: 'measured';
  /** Review flags set by the ingest (e.g. `outlier`), `;`-separated, empty when none. */
  flags: string;
}

export interface SourceRow {
  id: string;
  title: string;
  repository: string;
  /** Files used, `|`-separated, relative to shared/data/raw/. */
  paths: string;
  commit: string | null;
  license: string;
  /** Rows in measurements.parquet from this source; for spec/config-only sources, catalog rows citing it. */
  row_count: number;
  /** What the source supplies: `measurements`, `hardware`, `models`, or several, comma-separated. */
  kind: string;
}

/** The KV-cache architecture fields of a model whose config says nothing about them. */
export const NO_KV_ARCH = {
  attention: null,
  head_dim: null,
  kv_lora_rank: null,
  qk_rope_dim: null,
  sliding_window: null,
  sliding_layers: null,
  attn_layers: null,
  ssm_state_elems: null,
  kv_precision: null,
} as const satisfies Partial<ModelRow>;
