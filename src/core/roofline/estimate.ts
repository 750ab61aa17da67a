/** The analytic roofline estimate of a workload on a device: bounds per phase, metrics, memory and fit. */
import type { HardwareRow, Metric } from '../catalog/schema.ts';
import { boundPhase, type BoundKind, type PhaseBound, type ResolvedLayout } from './bound.ts';
import { CostError, totalParams, workloadCost } from './cost.ts';
import { fit, memoryFootprint, type Fit, type MemoryBreakdown } from './memory.ts';
import { precisionInfo, precisionSupport, type ComputeClass } from './precision.ts';
import { DEFAULTS, isGenerative, type Parallelism, type Workload } from './workload.ts';

/** Metric values at the roofline bound: the fastest the device could physically go (latencies are minima). */
export type MetricValues = Partial<Record<Metric, number>>;

export type RooflineEstimate =
  | {
      ok: true;
      hardwareId: string;
      compute: ComputeClass;
      peakTflops: number;
      parallelism: Parallelism;
      /** The replicas × TP × PP split of the devices. */
      layout: ResolvedLayout;
      phases: PhaseBound[];
      /** The phase that dominates end-to-end time and what bounds it. */
      bound: BoundKind;
      /** Metrics at the bound. memory_mb is the per-device footprint (not a bound). */
      metrics: MetricValues;
      memory: MemoryBreakdown;
      fit: Fit;
    }
  | { ok: false; hardwareId: string; reason: string; memory?: MemoryBreakdown; fit?: Fit };

/** Default split: tensor parallel for LLM inference (weights must be sharded), data parallel otherwise. */
export function defaultParallelism(w: Workload): Parallelism {
  return w.parallelism ?? (isGenerative(w.model) && w.mode === 'inference' ? 'tensor' : 'data');
}

/** The layout of n devices: an explicit one (its group capped at n), else all-TP or all-replicas by parallelism. */
export function resolveLayout(w: Workload, n: number): ResolvedLayout {
  if (w.layout) {
    const tp = Math.max(1, Math.min(n, Math.floor(w.layout.tp)));
    const pp = Math.max(1, Math.min(Math.floor(n / tp), Math.floor(w.layout.pp)));
    return { tp, pp, replicas: Math.max(1, Math.floor(n / (tp * pp))) };
  }
  return defaultParallelism(w) === 'tensor' ? { tp: n, pp: 1, replicas: 1 } : { tp: 1, pp: 1, replicas: n };
}

/** Frameworks whose GEMMs accumulate 16-bit inputs in fp32 (cuBLAS compute type 32F by default). */
const FP32_ACCUMULATE = new Set(['pytorch', 'pytorch-compile', 'tensorflow', 'jax', 'paddle', 'mxnet']);

export function rooflineEstimate(w: Workload, hw: HardwareRow): RooflineEstimate {
  const p = precisionInfo(w.precision);
  if (!p) return { ok: false, hardwareId: hw.id, reason: `unknown precision "${w.precision}"` };
  const support = precisionSupport(hw, w.precision, FP32_ACCUMULATE.has(w.runtime ?? ''));
  if (!support.ok) return { ok: false, hardwareId: hw.id, reason: support.reason };
  if (!hw.mem_bw_gbs)
    return { ok: false, hardwareId: hw.id, reason: `${hw.name} has no memory bandwidth in the catalog` };
  const n = Math.max(1, Math.floor(w.nDevices));
  const layout = resolveLayout(w, n);
  const parallelism: Parallelism = w.layout
    ? layout.tp * layout.pp > 1
      ? 'tensor'
      : 'data'
    : defaultParallelism(w);
  let costs;
  try {
    costs = workloadCost(w, p);
  } catch (e) {
    if (e instanceof CostError) return { ok: false, hardwareId: hw.id, reason: e.message };
    throw e;
  }
  const memory = memoryFootprint(w, p, hw.kind);
  // Replicas each hold the model state; a TP × PP group shards it.
  const f =
    layout.replicas > 1
      ? fit(perReplica(memory, layout.replicas), hw, layout.tp * layout.pp)
      : fit(memory, hw, layout.tp * layout.pp);
  if (f.status === 'does-not-fit') return { ok: false, hardwareId: hw.id, reason: f.reason, memory, fit: f };
  const gradientBytes =
    w.mode === 'training' ? (totalParams(w.model) ?? 0) * Math.max(p.weightBits / 8, 2) : 0;
  const peakTflops = support.peakTflops * cpuShare(w, hw);
  const phases = costs.map((c) => boundPhase(c, hw, peakTflops, layout, gradientBytes));
  const metrics = metricsFromPhases(w, phases);
  metrics.memory_mb = f.perDeviceBytes / 1e6;
  const dominant = phases.reduce((a, b) => (phaseTotal(w, b) > phaseTotal(w, a) ? b : a));
  return {
    ok: true,
    hardwareId: hw.id,
    compute: support.compute,
    peakTflops,
    parallelism,
    layout,
    phases,
    bound: dominant.bound,
    metrics,
    memory,
    fit: f,
  };
}

/** The share of a CPU's compute peak a run on `threads` threads can reach (physical cores; 1 elsewhere). */
export function cpuShare(w: Pick<Workload, 'threads'>, hw: Pick<HardwareRow, 'kind' | 'cores'>): number {
  if (hw.kind !== 'cpu' || !w.threads || !hw.cores || w.threads <= 0) return 1;
  return Math.min(1, w.threads / hw.cores);
}

/** A data-parallel replica holds full model state but only its share of the batch's activations and KV cache. */
function perReplica(m: MemoryBreakdown, n: number): MemoryBreakdown {
  const activations = m.activations / n;
  const kvCache = m.kvCache / n;
  return { ...m, activations, kvCache, total: m.total - m.activations - m.kvCache + activations + kvCache };
}

const phaseTotal = (w: Workload, p: PhaseBound) =>
  p.phase === 'decode' ? p.seconds * (w.genTokens ?? DEFAULTS.genTokens) : p.seconds;

/** Turn phase times into the snapshot's metrics (see README for definitions). */
export function metricsFromPhases(w: Workload, phases: readonly PhaseBound[]): MetricValues {
  const byName = new Map(phases.map((p) => [p.phase, p]));
  const prefill = byName.get('prefill');
  const decode = byName.get('decode');
  if (prefill && decode) {
    const gen = w.genTokens ?? DEFAULTS.genTokens;
    const latency = prefill.seconds + gen * decode.seconds;
    return {
      ttft_ms: prefill.seconds * 1000,
      tpot_ms: decode.seconds * 1000,
      prefill_tokens_s: prefill.items / prefill.seconds,
      decode_tokens_s: decode.items / decode.seconds,
      latency_ms: latency * 1000,
      throughput: (w.batch * gen) / latency,
    };
  }
  const step = byName.get('forward') ?? byName.get('train-step');
  if (!step) return {};
  return { latency_ms: step.seconds * 1000, throughput: step.items / step.seconds };
}
