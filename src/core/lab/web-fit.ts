/**
 * Does a model fit this browser? Per backend and precision: the whole footprint against the memory the page
 * may use (wasm32's 4 GiB, navigator.deviceMemory), and the largest single tensor against WebGPU's
 * maxBufferSize and maxStorageBufferBindingSize. When nothing fits, the nearest smaller variant that does.
 */
import type { ModelRow } from '../catalog/schema.ts';
import { memoryFootprint } from '../roofline/memory.ts';
import { precisionInfo, type PrecisionInfo } from '../roofline/precision.ts';
import { DEFAULTS, isGenerative, type Workload } from '../roofline/workload.ts';
import { backendsBySpeed, WASM_MAX_GB, type BrowserBackend, type BrowserProfile } from './profile.ts';

export interface WebFitOptions {
  batch: number;
  seqLen?: number;
  promptTokens?: number;
  genTokens?: number;
  imageSize?: number;
}

export interface FitTest {
  /** What was compared, e.g. "footprint ≤ wasm32 memory". */
  name: string;
  ok: boolean;
  /** The figures, e.g. "13.5 GB > 4.0 GB". */
  detail: string;
}

export interface WebFitCheck {
  backend: BrowserBackend;
  precision: string;
  fits: boolean;
  /** False when a limit could not be checked (e.g. no deviceMemory): the verdict rests on the others. */
  complete: boolean;
  tests: FitTest[];
  footprintBytes: number;
  largestTensorBytes: number;
}

export interface WebFitResult {
  checks: WebFitCheck[];
  /** The fitting check with the highest-precision weights on the preferred backend, or null. */
  best: WebFitCheck | null;
  /** When nothing fits: the largest smaller model of the same family (or kind) that fits somewhere. */
  nearest: { model: ModelRow; check: WebFitCheck } | null;
  /** One sentence for the user. */
  summary: string;
}

/** Precisions tried per backend, highest fidelity first (fp16 on WebGPU only with shader-f16). */
const PRECISIONS: Record<BrowserBackend, readonly string[]> = {
  webgpu: ['fp32', 'fp16', 'int8', 'q4f16'],
  wasm: ['fp32', 'int8', 'q4_0'],
  webnn: ['fp32', 'fp16', 'int8'],
};

const GB = 1e9;
const fmtBytes = (b: number) =>
  b >= GB
    ? `${(b / GB).toFixed(2)} GB`
    : b >= 1e6
      ? `${(b / 1e6).toFixed(1)} MB`
      : `${(b / 1e3).toFixed(0)} kB`;

/**
 * The largest single tensor the forward pass holds, bytes: the embedding or an FFN matrix among weights, the
 * attention scores or the logits among activations (transformers); for other models the first feature map
 * (batch × (image/2)² × 64 channels, as the memory model assumes) or one layer's weights, if larger.
 */
export function largestTensorBytes(model: ModelRow, w: Workload, p: PrecisionInfo): number {
  const wb = p.weightBits / 8;
  const ab = p.activationBytes;
  const d = model.hidden ?? 0;
  const candidates: number[] = [];
  if (d > 0) {
    const seq = isGenerative(model)
      ? (w.promptTokens ?? DEFAULTS.promptTokens) + (w.genTokens ?? DEFAULTS.genTokens)
      : (w.seqLen ?? model.max_seq ?? DEFAULTS.seqLen);
    if (model.vocab) candidates.push(model.vocab * d * wb, w.batch * model.vocab * ab);
    if (model.ffn) candidates.push(d * model.ffn * wb, w.batch * seq * model.ffn * ab);
    candidates.push(w.batch * (model.heads ?? 1) * seq * seq * ab);
  } else {
    const img = w.imageSize ?? model.image_size ?? DEFAULTS.imageSize;
    candidates.push(w.batch * (img / 2) ** 2 * 64 * ab);
    // Without the layer shapes, one layer's weights bound its largest weight tensor from above.
    const params = (model.params_m ?? 0) * 1e6;
    if (model.layers) candidates.push((params / model.layers) * wb);
  }
  return Math.max(0, ...candidates);
}

function workloadFor(model: ModelRow, precision: string, o: WebFitOptions): Workload {
  return {
    model,
    mode: 'inference',
    batch: o.batch,
    precision,
    nDevices: 1,
    ...(o.seqLen !== undefined ? { seqLen: o.seqLen } : {}),
    ...(o.promptTokens !== undefined ? { promptTokens: o.promptTokens } : {}),
    ...(o.genTokens !== undefined ? { genTokens: o.genTokens } : {}),
    ...(o.imageSize !== undefined ? { imageSize: o.imageSize } : {}),
  };
}

function checkOne(
  model: ModelRow,
  backend: BrowserBackend,
  precision: string,
  profile: BrowserProfile,
  o: WebFitOptions,
): WebFitCheck | null {
  const p = precisionInfo(precision);
  if (!p) return null;
  const w = workloadFor(model, precision, o);
  const footprint = memoryFootprint(w, p, 'browser').total;
  const largest = largestTensorBytes(model, w, p);
  const tests: FitTest[] = [];
  let complete = true;
  const limit = (name: string, value: number, max: number) =>
    tests.push({
      name,
      ok: value <= max,
      detail: `${fmtBytes(value)} ${value <= max ? '≤' : '>'} ${fmtBytes(max)}`,
    });

  if (backend === 'webgpu') {
    const g = profile.webgpu;
    if (!g) return null;
    if ((precision === 'fp16' || precision === 'q4f16') && g.fp16 === null) {
      tests.push({
        name: 'shader-f16',
        ok: false,
        detail: 'fp16 math needs the shader-f16 feature (not measured here)',
      });
    }
    limit('largest tensor ≤ maxStorageBufferBindingSize', largest, g.maxBindingMib * 1024 * 1024);
    limit('largest tensor ≤ maxBufferSize', largest, g.maxBufferMib * 1024 * 1024);
  }
  if (backend === 'wasm') limit('footprint ≤ wasm32 memory (4 GiB)', footprint, WASM_MAX_GB * 1024 ** 3);
  if (profile.memoryGb !== null) {
    limit(
      `footprint ≤ device memory (navigator.deviceMemory ${profile.memoryGb} GB)`,
      footprint,
      profile.memoryGb * GB,
    );
  } else {
    complete = false;
    tests.push({ name: 'device memory', ok: true, detail: 'not exposed by this browser; unchecked' });
  }
  return {
    backend,
    precision,
    fits: tests.every((t) => t.ok),
    complete,
    tests,
    footprintBytes: footprint,
    largestTensorBytes: largest,
  };
}

function checksFor(model: ModelRow, profile: BrowserProfile, o: WebFitOptions): WebFitCheck[] {
  const out: WebFitCheck[] = [];
  for (const backend of backendsBySpeed(profile))
    for (const precision of PRECISIONS[backend]) {
      const c = checkOne(model, backend, precision, profile, o);
      if (c) out.push(c);
    }
  return out;
}

export function webFit(
  model: ModelRow,
  profile: BrowserProfile,
  o: WebFitOptions,
  catalog: readonly ModelRow[] = [],
): WebFitResult {
  const checks = checksFor(model, profile, o);
  const best = checks.find((c) => c.fits) ?? null;
  if (best) {
    const how = `${best.backend === 'webgpu' ? 'WebGPU' : best.backend === 'wasm' ? 'WASM' : 'WebNN'} at ${best.precision}`;
    return {
      checks,
      best,
      nearest: null,
      summary: `${model.name} fits this browser with ${how}: ${fmtBytes(best.footprintBytes)} in all, largest tensor ${fmtBytes(best.largestTensorBytes)}${best.complete ? '' : ' (device memory unchecked: the browser does not expose it)'}.`,
    };
  }
  const params = model.params_m ?? Infinity;
  const sameKind = (m: ModelRow) =>
    model.family && m.family === model.family
      ? true
      : m.architecture === model.architecture && m.modality === model.modality;
  const smaller = catalog
    .filter((m) => m.id !== model.id && m.params_m !== null && m.params_m < params && sameKind(m))
    .sort((a, b) => (b.params_m ?? 0) - (a.params_m ?? 0));
  const family = smaller.filter((m) => m.family === model.family);
  for (const m of [...family, ...smaller.filter((x) => x.family !== model.family)]) {
    const fit = checksFor(m, profile, o).find((c) => c.fits);
    if (fit) {
      return {
        checks,
        best: null,
        nearest: { model: m, check: fit },
        summary: `${model.name} does not fit this browser at any precision; the nearest that does is ${m.name} at ${fit.precision} on ${fit.backend} (${fmtBytes(fit.footprintBytes)}).`,
      };
    }
  }
  const failed = checks[checks.length - 1];
  return {
    checks,
    best: null,
    nearest: null,
    summary: `${model.name} does not fit this browser at any precision${failed ? ` (smallest try: ${fmtBytes(failed.footprintBytes)})` : ''}, and no smaller model of its kind in the catalog does.`,
  };
}
