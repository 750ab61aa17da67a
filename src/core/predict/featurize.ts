/**
 * featurize(): the one feature vector used by training, evaluation and serving. The manifest stores
 * FEATURE_NAMES and FEATURE_VERSION, so a model trained on one layout cannot be served with another.
 */
import type { HardwareRow, Metric, ModelRow } from '../catalog/schema.ts';
import type { RooflineEstimate } from '../roofline/estimate.ts';
import { runtimeClassOf, type RuntimeClass } from '../catalog/runtime.ts';
import { precisionInfo } from '../roofline/precision.ts';
import { isGenerative, type Workload } from '../roofline/workload.ts';

export const FEATURE_VERSION = 5;

const oneHot = <T extends string>(prefix: string, values: readonly T[]) =>
  values.map((v) => `${prefix}:${v}`);

/**
 * Compute paths as features. fp16 and bf16 share one (`f16`): the same tensor cores at the same rate wherever
 * both exist, and the roofline's peak already carries any difference. Kept apart, bf16 rows of a family
 * measured only at fp16 elsewhere (timm on a new GPU) got an unlearned efficiency, 50× off.
 */
const COMPUTE = ['fp32', 'tf32', 'f16', 'fp8', 'fp4', 'int8', 'int4'] as const;
const computeFeature = (c: string) => (c === 'fp16' || c === 'fp16-acc32' || c === 'bf16' ? 'f16' : c);
const KINDS = ['gpu', 'cpu', 'soc-gpu', 'npu', 'tpu', 'browser'] as const;
const VENDORS = ['nvidia', 'amd', 'intel', 'apple', 'google', 'other'] as const;
const PHASES = ['forward', 'train-step', 'prefill', 'decode'] as const;
const MODALITIES = ['text', 'vision', 'audio', 'other'] as const;
const ARCHS = ['cnn', 'vit', 'encoder', 'decoder', 'moe', 'other'] as const;
const RUNTIMES = [
  'tensorrt',
  'tensorrt-llm',
  'pytorch',
  'pytorch-compile',
  'serving',
  'tensorflow',
  'llama.cpp',
  'mlc',
  'onnx',
  'openvino',
  'webgpu',
  'wasm',
  'webgl',
  'other',
] as const;
/** Runtime classes grouped where the snapshot has too few rows of each to learn them apart. */
const RUNTIME_FEATURE: Record<RuntimeClass, (typeof RUNTIMES)[number]> = {
  pytorch: 'pytorch',
  'pytorch-compile': 'pytorch-compile',
  tensorrt: 'tensorrt',
  'tensorrt-llm': 'tensorrt-llm',
  vllm: 'serving',
  sglang: 'serving',
  'llama.cpp-cuda': 'llama.cpp',
  'llama.cpp-rocm': 'llama.cpp',
  'llama.cpp-metal': 'llama.cpp',
  'llama.cpp-vulkan': 'llama.cpp',
  'llama.cpp-sycl': 'llama.cpp',
  'llama.cpp-cpu': 'llama.cpp',
  'whisper.cpp': 'llama.cpp',
  exllama: 'llama.cpp',
  'llama.cpp-wasm': 'wasm',
  'tfjs-wasm': 'wasm',
  'llama.cpp-webgpu': 'webgpu',
  'tfjs-webgpu': 'webgpu',
  'tfjs-webgl': 'webgl',
  mlx: 'mlc',
  mlc: 'mlc',
  onnxruntime: 'onnx',
  openvino: 'openvino',
  tflite: 'tensorflow',
  tensorflow: 'tensorflow',
  jax: 'tensorflow',
  paddle: 'tensorflow',
  mxnet: 'tensorflow',
  'vendor-sdk': 'other',
  other: 'other',
};
/** GPU micro-architecture families, recognised by prefix of the catalog's `architecture`. */
const ARCH_GENERATIONS = [
  'pascal',
  'volta',
  'turing',
  'ampere',
  'ada',
  'hopper',
  'blackwell',
  'cdna',
  'rdna',
] as const;
/** Architecture generations: devices of a generation share kernels and efficiency traits. */
const GENERATIONS = [...ARCH_GENERATIONS, 'apple', 'intel-gpu', 'x86', 'accelerator', 'other'] as const;
/** Market segment: clocks, power limits and driver paths differ between GeForce, workstation and datacenter parts. */
const SEGMENTS = ['consumer', 'workstation', 'datacenter', 'laptop', 'edge', 'other'] as const;
/** GeForce generations whose fp16/bf16 tensor cores run at half the listed rate when accumulating in fp32. */
const HALF_RATE_ACC32 = new Set(['turing', 'ampere', 'ada', 'blackwell']);
const METRIC_KINDS = ['throughput', 'latency', 'ttft', 'tpot', 'decode', 'prefill'] as const;
const SCENARIOS = ['offline', 'server', 'single', 'multi', 'none'] as const;

export const FEATURE_NAMES: readonly string[] = [
  'log_flops_per_item',
  'log_bytes_per_item',
  'log_intensity',
  'log_ridge',
  'log_intensity_over_ridge',
  'compute_share',
  'comm_share',
  'log2_batch',
  'batch_unknown',
  'log_peak_tflops',
  'log_bw_gbs',
  'log_params',
  'log2_devices',
  'memory_pressure',
  'release_year',
  'weight_only',
  'training',
  'f16_acc32_half_rate',
  ...oneHot('compute', COMPUTE),
  ...oneHot('kind', KINDS),
  ...oneHot('vendor', VENDORS),
  ...oneHot('phase', PHASES),
  ...oneHot('modality', MODALITIES),
  ...oneHot('arch', ARCHS),
  ...oneHot('runtime', RUNTIMES),
  ...oneHot('generation', GENERATIONS),
  ...oneHot('segment', SEGMENTS),
  ...oneHot('metric', METRIC_KINDS),
  ...oneHot('scenario', SCENARIOS),
];
export const FEATURE_COUNT = FEATURE_NAMES.length;

export interface FeatureInput {
  workload: Workload;
  hw: HardwareRow;
  model: Pick<ModelRow, 'modality' | 'architecture' | 'params_m'>;
  estimate: RooflineEstimate & { ok: true };
  metric: Metric;
  runtime: string | null;
  scenario: string | null;
  /** Whether the batch size was stated (false for MLPerf-style rows without one). */
  batchKnown: boolean;
}

/**
 * The runtime feature of a runtime string or class id, through the one shared classifier; `generative`: it
 * runs a generative LLM (TensorRT then is TensorRT-LLM, see runtimeForModel).
 */
export function runtimeClass(runtime: string | null, generative = false): (typeof RUNTIMES)[number] {
  return RUNTIME_FEATURE[runtimeClassOf(runtime, { generative })];
}

/** The architecture generation a device belongs to (a feature: unseen devices share their generation's traits). */
export function generation(
  hw: Pick<HardwareRow, 'architecture' | 'kind' | 'vendor'>,
): (typeof GENERATIONS)[number] {
  const a = (hw.architecture ?? '').toLowerCase();
  for (const g of ARCH_GENERATIONS) if (a.startsWith(g)) return g;
  if (hw.vendor.toLowerCase() === 'apple') return 'apple';
  if (/^xe|alchemist|battlemage/.test(a)) return 'intel-gpu';
  if (hw.kind === 'cpu') return 'x86';
  if (hw.kind === 'npu' || hw.kind === 'tpu') return 'accelerator';
  return 'other';
}

function archClass(architecture: string): (typeof ARCHS)[number] {
  const a = architecture.toLowerCase();
  if (a.includes('moe')) return 'moe';
  if (a.includes('decoder')) return 'decoder';
  if (a.includes('encoder')) return 'encoder';
  if (a.includes('vit') || a.includes('transformer')) return 'vit';
  if (a.includes('cnn') || a.includes('conv')) return 'cnn';
  return 'other';
}

function metricKind(metric: Metric): (typeof METRIC_KINDS)[number] {
  switch (metric) {
    case 'latency_ms':
      return 'latency';
    case 'ttft_ms':
      return 'ttft';
    case 'tpot_ms':
      return 'tpot';
    case 'decode_tokens_s':
      return 'decode';
    case 'prefill_tokens_s':
      return 'prefill';
    default:
      return 'throughput';
  }
}

function scenarioClass(s: string | null): (typeof SCENARIOS)[number] {
  const v = (s ?? '').toLowerCase();
  if (v.includes('offline')) return 'offline';
  if (v.includes('server') || v.includes('interactive')) return 'server';
  if (v.includes('single')) return 'single';
  if (v.includes('multi')) return 'multi';
  return 'none';
}

function segmentClass(segment: string | null): (typeof SEGMENTS)[number] {
  const v = (segment ?? '').toLowerCase();
  return (SEGMENTS as readonly string[]).includes(v) ? (v as (typeof SEGMENTS)[number]) : 'other';
}

/**
 * NVIDIA GeForce (consumer and laptop) GPUs since Turing list their fp16 tensor peak with fp16 accumulation;
 * with fp32 accumulation, which PyTorch AMP and most training use, they run at half that rate (workstation and
 * datacenter parts do not). The bound keeps the listed peak (some kernels accumulate in fp16); the network
 * learns how much of it a workload reaches.
 */
export function halfRateAcc32(
  hw: Pick<HardwareRow, 'vendor' | 'kind' | 'segment' | 'architecture'>,
  compute: string,
): boolean {
  // bf16 and AMP (fp16-acc32) bounds already use the fp32-accumulate peak; only the fp16 bound may be 2× high.
  if (compute !== 'fp16' || hw.kind !== 'gpu' || hw.vendor.toLowerCase() !== 'nvidia') return false;
  const seg = segmentClass(hw.segment);
  if (seg !== 'consumer' && seg !== 'laptop') return false;
  const arch = (hw.architecture ?? '').toLowerCase();
  return [...HALF_RATE_ACC32].some((g) => arch.startsWith(g));
}

const log10 = (x: number) => Math.log10(Math.max(x, 1e-30));

/** Which phase a metric reads: decode metrics the decode phase, ttft/prefill the prefill phase, else the dominant one. */
export function phaseFor(est: RooflineEstimate & { ok: true }, metric: Metric) {
  const by = (name: string) => est.phases.find((p) => p.phase === name);
  if (metric === 'tpot_ms' || metric === 'decode_tokens_s') return by('decode') ?? est.phases[0]!;
  if (metric === 'ttft_ms' || metric === 'prefill_tokens_s') return by('prefill') ?? est.phases[0]!;
  if (est.phases.length > 1) return by('decode') ?? est.phases[0]!;
  return est.phases[0]!;
}

/** Where each one-hot group starts in the vector, and each value's position in its group. */
const groupStart = (prefix: string) => FEATURE_NAMES.findIndex((n) => n.startsWith(`${prefix}:`));
const position = <T extends string>(values: readonly T[]) =>
  new Map<string, number>(values.map((v, k) => [v, k]));
const HOT = {
  compute: { start: groupStart('compute'), at: position(COMPUTE) },
  kind: { start: groupStart('kind'), at: position(KINDS) },
  vendor: { start: groupStart('vendor'), at: position(VENDORS) },
  phase: { start: groupStart('phase'), at: position(PHASES) },
  modality: { start: groupStart('modality'), at: position(MODALITIES) },
  arch: { start: groupStart('arch'), at: position(ARCHS) },
  runtime: { start: groupStart('runtime'), at: position(RUNTIMES) },
  generation: { start: groupStart('generation'), at: position(GENERATIONS) },
  segment: { start: groupStart('segment'), at: position(SEGMENTS) },
  metric: { start: groupStart('metric'), at: position(METRIC_KINDS) },
  scenario: { start: groupStart('scenario'), at: position(SCENARIOS) },
};
const NUMERIC = groupStart('compute');

/** Device traits that do not depend on the workload, computed once per hardware row. */
interface DeviceTraits {
  year: number;
  vendor: string;
  generation: string;
  segment: string;
}
const deviceTraits = new WeakMap<HardwareRow, DeviceTraits>();
function traitsOf(hw: HardwareRow): DeviceTraits {
  let t = deviceTraits.get(hw);
  if (!t) {
    const year = hw.release_date ? Number(hw.release_date.slice(0, 4)) : 2020;
    const vendor = hw.vendor.toLowerCase();
    t = {
      year: Number.isFinite(year) ? year : 2020,
      vendor: (VENDORS as readonly string[]).includes(vendor) ? vendor : 'other',
      generation: generation(hw),
      segment: segmentClass(hw.segment),
    };
    deviceTraits.set(hw, t);
  }
  return t;
}

/** Write the features of `x` into `out` at `offset` (allocation-free for bulk scoring). */
export function featurizeInto(x: FeatureInput, out: Float32Array, offset = 0): void {
  const est = x.estimate;
  const phase = phaseFor(est, x.metric);
  const items = Math.max(phase.items, 1);
  const flops = phase.computeSeconds * est.peakTflops * 1e12;
  const bw = x.hw.mem_bw_gbs ?? 1;
  const bytes = phase.memorySeconds * bw * 1e9;
  const ridge = (est.peakTflops * 1e12) / (bw * 1e9);
  const intensity = bytes > 0 ? flops / bytes : 1;
  const cap = est.fit.capacityBytes;
  const device = traitsOf(x.hw);
  const info = precisionInfo(x.workload.precision);
  let i = offset;
  const put = (v: number) => {
    out[i++] = Number.isFinite(v) ? v : 0;
  };
  put(log10(flops / items));
  put(log10(bytes / items));
  put(log10(intensity));
  put(log10(ridge));
  put(log10(intensity / ridge));
  put(phase.seconds > 0 ? phase.computeSeconds / phase.seconds : 0);
  put(phase.seconds > 0 ? phase.commSeconds / phase.seconds : 0);
  put(Math.log2(Math.max(x.workload.batch, 1)));
  put(x.batchKnown ? 0 : 1);
  put(log10(est.peakTflops));
  put(log10(bw));
  put(log10((x.model.params_m ?? 1) * 1e6));
  put(Math.log2(Math.max(x.workload.nDevices, 1)));
  put(cap ? Math.min(est.fit.perDeviceBytes / cap, 2) : 0);
  put((device.year - 2020) / 5);
  put(info?.weightOnly ? 1 : 0);
  put(x.workload.mode === 'training' ? 1 : 0);
  put(halfRateAcc32(x.hw, est.compute) ? 1 : 0);
  out.fill(0, offset + NUMERIC, offset + FEATURE_COUNT);
  const hot = (group: { start: number; at: Map<string, number> }, v: string) => {
    const k = group.at.get(v);
    if (k !== undefined) out[offset + group.start + k] = 1;
  };
  hot(HOT.compute, computeFeature(est.compute));
  hot(HOT.kind, x.hw.kind);
  hot(HOT.vendor, device.vendor);
  hot(HOT.phase, phase.phase);
  hot(
    HOT.modality,
    (MODALITIES as readonly string[]).includes(x.model.modality) ? x.model.modality : 'other',
  );
  hot(HOT.arch, archClass(x.model.architecture));
  hot(HOT.runtime, runtimeClass(x.runtime, isGenerative(x.model)));
  hot(HOT.generation, device.generation);
  hot(HOT.segment, device.segment);
  hot(HOT.metric, metricKind(x.metric));
  hot(HOT.scenario, scenarioClass(x.scenario));
}

export function featurize(x: FeatureInput): Float32Array {
  const out = new Float32Array(FEATURE_COUNT);
  featurizeInto(x, out);
  return out;
}

/**
 * x' = (x − mean) / std for every row of a row-major feature matrix, in place; the one standardization of
 * training and serving. std 0 marks a feature that never varied in training: it is held at its training
 * value (standardized 0). A missing mean or std (a shorter manifest) reads as 0 and 1.
 */
export function standardizeInPlace(
  x: Float32Array,
  mean: readonly number[],
  std: readonly number[],
): Float32Array {
  const m = Float64Array.from({ length: FEATURE_COUNT }, (_, j) => mean[j] ?? 0);
  const sd = Float64Array.from({ length: FEATURE_COUNT }, (_, j) => std[j] ?? 1);
  for (let o = 0; o < x.length; o += FEATURE_COUNT)
    for (let j = 0; j < FEATURE_COUNT; j++) x[o + j] = sd[j] === 0 ? 0 : (x[o + j]! - m[j]!) / sd[j]!;
  return x;
}
