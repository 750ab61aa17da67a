/**
 * The fit questions asked in reverse: on this device, how long a context and how large a batch fit at each
 * precision; in this much memory, which precision fits best. Answered by searching the roofline's memory
 * model (memoryFootprint, fit: capacity in GiB as vendors label it, less the runtime's overhead and reserve),
 * the same model the ranking plans with.
 */
import { bitsPerWeight } from '../catalog/normalize.ts';
import { runtimeClassOf } from '../catalog/runtime.ts';
import type { HardwareKind, HardwareRow, Mode } from '../catalog/schema.ts';
import { deviceCapacity, type Capacity } from '../roofline/capacity.ts';
import { fit, fitSummary, memoryFootprint, type Fit, type MemoryBreakdown } from '../roofline/memory.ts';
import { precisionInfo, precisionSupport } from '../roofline/precision.ts';
import { DEFAULTS, isGenerative, type ModelArch, type Workload } from '../roofline/workload.ts';
import { lengthKind, type LengthKind } from './selection-request.ts';

/** Precisions tried by default, most bits per weight first (ties keep this order: bf16 before fp16). */
export const FIT_PRECISIONS: readonly string[] = [
  'fp32',
  'bf16',
  'fp16',
  'q8_0',
  'fp8',
  'int8',
  'q6_k',
  'q5_k_m',
  'q4_k_m',
  'q4_0',
  'int4',
  'fp4',
  'q3_k_m',
  'q2_k',
];

/** Largest context searched, tokens (the link's limit on lengths). */
export const MAX_CONTEXT_TOKENS = 1_048_576;
/** Largest batch searched (the link's limit on batch). */
export const MAX_FIT_BATCH = 65_536;

/** The workload asked about, without its precision; absent lengths take the app's defaults. */
export interface FitQuestion {
  model: ModelArch;
  /** Default inference. */
  mode?: Mode;
  /** Default 1. */
  batch?: number;
  /** LLM inference: prompt and generated tokens (defaults 512 and 128). */
  promptTokens?: number;
  genTokens?: number;
  /** Encoders and training: sequence length (default 128). */
  seqLen?: number;
  /** Vision models: image side in pixels (default the model's, else 224). */
  imageSize?: number;
  /** Devices the model state is sharded over (tensor parallel, each device keeps its overhead); default 1. */
  nDevices?: number;
  /** A runtime class id: its overhead and reserve apply (vLLM keeps 10% back); default the precision's. */
  runtime?: string;
  /** KV-cache precision when it differs from the activations'. */
  kvPrecision?: string;
}

/** The longest context that fits, at the question's batch. */
export interface ContextFit {
  /** Exact: prompt + generated tokens (LLM inference) or the sequence length. */
  tokens: number;
  /** The largest power of two ≤ tokens (a whole context of 2^k tokens, generated ones included). */
  powerOfTwo: number;
  /** True when the search stopped at MAX_CONTEXT_TOKENS (more would fit). */
  capped: boolean;
  /** The model's trained context (max_seq), when the catalog has it: the memory may allow more than the model. */
  modelMax: number | null;
}

/** The largest batch that fits, at the question's lengths. */
export interface BatchFit {
  batch: number;
  powerOfTwo: number;
  /** True when the search stopped at MAX_FIT_BATCH. */
  capped: boolean;
}

export interface PrecisionFit {
  precision: string;
  bitsPerWeight: number;
  /** The footprint at the question's workload (bytes), with its breakdown. */
  memory: MemoryBreakdown;
  /** Bytes per device (model state split over nDevices, plus each device's overhead). */
  perDeviceBytes: number;
  /** What one device may hold for it: usable memory less the runtime's reserve. */
  capacityBytes: number;
  /** Fits the question's workload on nDevices. */
  fits: boolean;
  /** "16.1 GB of weights + … = 17.0 GB of 24.5 GB (24 GB = 25.8 GB; 5% kept back by the runtime)". */
  summary: string;
  /** Null when not even the shortest context fits, or lengths do not apply (vision models). */
  longestContext: ContextFit | null;
  /** Null when not even batch 1 fits. */
  largestBatch: BatchFit | null;
}

export interface FitReport {
  hardware: HardwareRow;
  capacity: Capacity;
  nDevices: number;
  /** Which length the context search varies: LLM prompt + generated tokens, a sequence, or none (images). */
  lengths: LengthKind;
  /** Supported precisions, in the order asked (most bits first by default). */
  precisions: PrecisionFit[];
  /** Precisions the device cannot compute, with the reason (empty for a memory budget). */
  unsupported: { precision: string; reason: string }[];
  /** The precision with the most bits per weight that fits the question's workload; null when none does. */
  best: PrecisionFit | null;
}

export class FitError extends Error {
  override readonly name = 'FitError';
}

/**
 * A device that is only memory: `memoryGb` labelled as vendors do (a "48 GB" budget is 48 GiB) of a `kind`
 * device (its driver context counts; default a discrete GPU).
 */
export function budgetDevice(memoryGb: number, kind: HardwareKind = 'gpu'): HardwareRow {
  if (!(memoryGb > 0)) throw new FitError(`a memory budget must be a positive number of GB, got ${memoryGb}`);
  return {
    id: `budget-${memoryGb}gb`,
    name: `${memoryGb} GB budget`,
    aliases: '',
    vendor: '',
    kind,
    segment: null,
    architecture: null,
    release_date: null,
    memory_gb: memoryGb,
    mem_bw_gbs: null,
    fp32_tflops: null,
    tf32_tflops: null,
    fp16_tflops: null,
    fp16_acc32_tflops: null,
    bf16_tflops: null,
    fp8_tflops: null,
    fp4_tflops: null,
    int8_tops: null,
    int4_tops: null,
    tdp_w: null,
    interconnect: null,
    interconnect_gbs: null,
    price_usd: null,
    cloud_usd_hr: null,
    cores: null,
    spec_sources: '',
    notes: null,
  };
}

/** The question's workload at a precision, with only the lengths the model uses. */
export function fitWorkload(q: FitQuestion, precision: string): Workload {
  const mode = q.mode ?? 'inference';
  const n = Math.max(1, Math.floor(q.nDevices ?? 1));
  const w: Workload = { model: q.model, mode, batch: q.batch ?? 1, precision, nDevices: n };
  if (n > 1) w.parallelism = 'tensor';
  if (q.runtime !== undefined) w.runtime = runtimeClassOf(q.runtime, { generative: isGenerative(q.model) });
  const kind = lengthKind(q.model, mode);
  if (kind === 'llm') {
    w.promptTokens = q.promptTokens ?? DEFAULTS.promptTokens;
    w.genTokens = q.genTokens ?? DEFAULTS.genTokens;
    if (q.kvPrecision !== undefined) w.kvPrecision = q.kvPrecision;
  } else if (kind === 'seq') w.seqLen = q.seqLen ?? DEFAULTS.seqLen;
  else w.imageSize = q.imageSize ?? q.model.image_size ?? DEFAULTS.imageSize;
  return w;
}

/** Does `w` fit its devices of `hw`? The memory model's own verdict (fit), with the footprint. */
function fitsAt(w: Workload, hw: HardwareRow) {
  const info = precisionInfo(w.precision);
  if (!info) throw new FitError(`unknown precision "${w.precision}"`);
  const memory = memoryFootprint(w, info, hw.kind);
  const f = fit(memory, hw, w.nDevices);
  return { memory, fit: f, fits: f.status === 'fits' };
}

/** The largest integer in [lo, hi] where `ok` holds, for `ok` true up to some point and false after; null when ok(lo) fails. */
export function largestFitting(lo: number, hi: number, ok: (n: number) => boolean): number | null {
  if (!ok(lo)) return null;
  if (ok(hi)) return hi;
  let good = lo;
  let bad = hi;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

const floorPow2 = (n: number) => 2 ** Math.floor(Math.log2(n));

/** The longest context that fits `w`'s batch on `hw`; null when lengths do not apply or none fits. */
export function longestContext(w: Workload, hw: HardwareRow): ContextFit | null {
  const kind = lengthKind(w.model, w.mode);
  if (kind === 'image') return null;
  const gen = kind === 'llm' ? (w.genTokens ?? DEFAULTS.genTokens) : 0;
  // LLMs: the generated tokens stay as asked and the prompt grows; encoders: the sequence grows.
  const at = (tokens: number): Workload =>
    kind === 'llm' ? { ...w, promptTokens: tokens - gen } : { ...w, seqLen: tokens };
  const tokens = largestFitting(gen + 1, MAX_CONTEXT_TOKENS, (t) => fitsAt(at(t), hw).fits);
  if (tokens === null) return null;
  return {
    tokens,
    powerOfTwo: floorPow2(tokens),
    capped: tokens === MAX_CONTEXT_TOKENS,
    modelMax: w.model.max_seq ?? null,
  };
}

/** The largest batch of `w` that fits on `hw` at `w`'s lengths; null when not even batch 1 fits. */
export function largestBatch(w: Workload, hw: HardwareRow): BatchFit | null {
  const batch = largestFitting(1, MAX_FIT_BATCH, (b) => fitsAt({ ...w, batch: b }, hw).fits);
  if (batch === null) return null;
  return { batch, powerOfTwo: floorPow2(batch), capped: batch === MAX_FIT_BATCH };
}

/** One precision: its footprint at the question and the longest context and largest batch that fit. */
export function precisionFit(q: FitQuestion, hw: HardwareRow, precision: string): PrecisionFit {
  const w = fitWorkload(q, precision);
  const at = fitsAt(w, hw);
  // The summary splits the state over the devices asked, whether or not it fits them.
  const asked: Fit = {
    status: 'fits',
    devicesNeeded: w.nDevices,
    perDeviceBytes: at.fit.perDeviceBytes,
    capacityBytes: at.fit.capacityBytes,
  };
  return {
    precision,
    bitsPerWeight: bitsPerWeight(precision) ?? NaN,
    memory: at.memory,
    perDeviceBytes: at.fit.perDeviceBytes,
    capacityBytes: at.fit.capacityBytes ?? Infinity,
    fits: at.fits,
    summary: fitSummary(at.memory, asked, hw),
    longestContext: longestContext(w, hw),
    largestBatch: largestBatch(w, hw),
  };
}

/** Most bits per weight among those that fit; the earlier one on ties. */
function bestOf(fits: readonly PrecisionFit[]): PrecisionFit | null {
  let best: PrecisionFit | null = null;
  for (const f of fits) if (f.fits && (best === null || f.bitsPerWeight > best.bitsPerWeight)) best = f;
  return best;
}

function report(
  q: FitQuestion,
  hw: HardwareRow,
  precisions: readonly string[],
  supported: (p: string) => string | null,
): FitReport {
  const capacity = deviceCapacity(hw);
  if (!capacity) throw new FitError(`${hw.name} has no memory capacity in the catalog`);
  for (const p of precisions) if (!precisionInfo(p)) throw new FitError(`unknown precision "${p}"`);
  const fits: PrecisionFit[] = [];
  const unsupported: FitReport['unsupported'] = [];
  for (const p of precisions) {
    const reason = supported(p);
    if (reason === null) fits.push(precisionFit(q, hw, p));
    else unsupported.push({ precision: p, reason });
  }
  return {
    hardware: hw,
    capacity,
    nDevices: Math.max(1, Math.floor(q.nDevices ?? 1)),
    lengths: lengthKind(q.model, q.mode ?? 'inference'),
    precisions: fits,
    unsupported,
    best: bestOf(fits),
  };
}

/**
 * On `hw` (× nDevices): for each precision the device computes (precisionSupport), the footprint of the
 * question's workload, the longest context at its batch and the largest batch at its lengths.
 */
export function fitOnDevice(
  q: FitQuestion,
  hw: HardwareRow,
  precisions: readonly string[] = FIT_PRECISIONS,
): FitReport {
  return report(q, hw, precisions, (p) => {
    const s = precisionSupport(hw, p);
    return s.ok ? null : s.reason;
  });
}

/**
 * In a memory budget (GB as vendors label it: GiB) of a `kind` device: every precision's footprint and what
 * fits; `best` is the highest-quality one (most bits per weight) that fits the question's workload.
 */
export function fitInBudget(
  q: FitQuestion,
  memoryGb: number,
  kind: HardwareKind = 'gpu',
  precisions: readonly string[] = FIT_PRECISIONS,
): FitReport {
  return report(q, budgetDevice(memoryGb, kind), precisions, () => null);
}
