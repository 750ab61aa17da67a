/**
 * The browser lab's data: what a probe of this browser found (every outcome, errors included, as data) and
 * what its microbenchmarks measured. Plain data, no behaviour; the adapters under src/adapters/probe fill it.
 */

/** The three adapter requests a probe makes. */
export const ADAPTER_REQUESTS = ['high-performance', 'low-power', 'fallback'] as const;
export type AdapterRequest = (typeof ADAPTER_REQUESTS)[number];

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
}

/** One `requestAdapter()` call and what came of it. */
export interface AdapterReport {
  request: AdapterRequest;
  /** An adapter came back. */
  ok: boolean;
  /** Why not: `requestAdapter()` returned null, or the exact error it threw. */
  error: string | null;
  info: AdapterInfo | null;
  /** Every feature name, sorted. */
  features: string[];
  /** Every limit the adapter reports, by name. */
  limits: Record<string, number>;
}

export interface WebGpuProbe {
  /** `navigator.gpu` exists. */
  api: boolean;
  adapters: AdapterReport[];
  /** One line for the user when no adapter is usable (null when one is). */
  message: string | null;
}

/** One `navigator.ml.createContext()` call. */
export interface WebNnContextReport {
  options: { powerPreference?: string; deviceType?: string };
  ok: boolean;
  /** The exact error (name: message) when it rejected. */
  error: string | null;
  /** `context.opSupportLimits()` as the browser returned it (data types and ranks per operation). */
  opSupportLimits: Record<string, unknown> | null;
}

export interface WebNnProbe {
  /** `navigator.ml` exists. */
  api: boolean;
  /** `MLGraphBuilder` exists. */
  graphBuilder: boolean;
  contexts: WebNnContextReport[];
  message: string | null;
}

export interface BackendInit {
  name: string;
  ok: boolean;
  error: string | null;
}

export interface WasmProbe {
  simd: boolean;
  relaxedSimd: boolean;
  /** Shared-memory threads usable: SharedArrayBuffer present and the page cross-origin isolated. */
  threads: boolean;
  sharedArrayBuffer: boolean;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number | null;
  /** `navigator.deviceMemory` (GB, rounded and capped by the browser), null where not exposed. */
  deviceMemoryGb: number | null;
  /** Which tfjs backends initialize here (cpu, wasm, webgl, webgpu). */
  tfjsBackends: BackendInit[];
}

/** Browser identity from user-agent data; shown to the user, never sent anywhere. */
export interface BrowserIdentity {
  /** e.g. "Chromium 156". */
  browser: string;
  /** e.g. "Linux", "macOS 15.1". */
  platform: string;
  mobile: boolean;
  architecture: string | null;
  userAgent: string;
  /** Where it came from: `navigator.userAgentData` (with high-entropy values) or the UA string. */
  via: 'user-agent-data' | 'user-agent-string';
}

export interface ProbeReport {
  /** ISO time of the probe. */
  at: string;
  identity: BrowserIdentity;
  webgpu: WebGpuProbe;
  webnn: WebNnProbe;
  wasm: WasmProbe;
}

/** The microbenchmarks, one id each. */
export const BENCHMARK_IDS = [
  'webgpu-matmul-fp32',
  'webgpu-matmul-fp16',
  'webgpu-copy',
  'wasm-matmul',
  'js-matmul',
  'wasm-copy',
  'webnn-matmul',
] as const;
export type BenchmarkId = (typeof BENCHMARK_IDS)[number];

export interface BenchmarkResult {
  id: BenchmarkId;
  /** `ok`: measured; `skipped`: not possible here (reason in `note`); `failed`: tried and errored; `cancelled`. */
  status: 'ok' | 'skipped' | 'failed' | 'cancelled';
  /** GFLOPS for matmuls, GB/s for copies; null unless ok. */
  value: number | null;
  unit: 'GFLOPS' | 'GB/s';
  /** Best and median of the timed repetitions, ms; null unless ok. */
  bestMs: number | null;
  medianMs: number | null;
  reps: number;
  /** How time was read: GPU timestamp queries, or wall clock around submit + onSubmittedWorkDone. */
  timing: 'timestamp-query' | 'wall-clock' | null;
  /** Problem size, e.g. "1024×1024×1024 fp32, 16×16 tiles" or "256 MiB copy". */
  size: string;
  /** Which adapter / backend ran it, e.g. "google swiftshader (fallback adapter)", "tfjs wasm (SIMD)". */
  ranOn: string;
  /** Result checked against a CPU reference (matmuls) where done. */
  verified: boolean | null;
  note: string | null;
}

export interface MeasureReport {
  at: string;
  results: BenchmarkResult[];
  /** The user cancelled, or the time budget ran out, before every benchmark finished. */
  cancelled: boolean;
  elapsedMs: number;
}

/** Progress from the measuring worker. */
export interface MeasureProgress {
  id: BenchmarkId;
  /** 0..1 over all benchmarks. */
  fraction: number;
  stage: string;
}

/** tfjs backends the real run may use; `this-browser-<backend>` is the device it measured. */
export type RunBackend = 'webgpu' | 'wasm' | 'webgl' | 'cpu';

/** One lab model at one batch size, timed on one backend. */
export interface RunTiming {
  modelId: string;
  backend: RunBackend;
  batch: number;
  /** First call (compile, upload, warm-up), ms. */
  firstMs: number;
  /** Median and best of the timed repetitions after warm-up, ms per batch. */
  medianMs: number;
  bestMs: number;
  reps: number;
}

export interface RunReport {
  at: string;
  backend: RunBackend;
  /** Why this backend (e.g. "fastest matmul measured", "no WebGPU adapter"). */
  backendReason: string;
  timings: RunTiming[];
  cancelled: boolean;
  /** Models or batches that failed, with the error. */
  errors: string[];
}
