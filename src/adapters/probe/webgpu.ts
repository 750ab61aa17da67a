/// <reference types="@webgpu/types" />
/**
 * The WebGPU probe: the three adapter requests (high-performance, low-power, forced fallback), each adapter's
 * info, features and limits. Every outcome is data; it never throws.
 */
import {
  ADAPTER_REQUESTS,
  type AdapterInfo,
  type AdapterReport,
  type AdapterRequest,
  type WebGpuProbe,
} from '../../core/lab/types.ts';
import { errorText } from './bench-math.ts';

/** The `requestAdapter()` options for each request. */
export function adapterOptions(request: AdapterRequest): GPURequestAdapterOptions {
  if (request === 'fallback') return { forceFallbackAdapter: true };
  return { powerPreference: request };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Adapter info from `adapter.info` (or the older `requestAdapterInfo()`), fallback flag included. */
export async function readAdapterInfo(adapter: GPUAdapter): Promise<AdapterInfo> {
  const loose = adapter as unknown as {
    info?: Record<string, unknown>;
    requestAdapterInfo?: () => Promise<Record<string, unknown>>;
    isFallbackAdapter?: unknown;
  };
  let info: Record<string, unknown> = loose.info ?? {};
  if (!loose.info && typeof loose.requestAdapterInfo === 'function') {
    try {
      info = await loose.requestAdapterInfo();
    } catch {
      info = {};
    }
  }
  const fallback =
    typeof info.isFallbackAdapter === 'boolean' ? info.isFallbackAdapter : loose.isFallbackAdapter === true;
  return {
    vendor: str(info.vendor),
    architecture: str(info.architecture),
    device: str(info.device),
    description: str(info.description),
    isFallbackAdapter: fallback,
  };
}

/**
 * Every numeric limit: host objects keep them as getters on the prototype (not own properties), so walk
 * `for…in` (which sees inherited enumerable getters) plus the prototype's and the object's own names.
 */
export function readLimits(limits: object): Record<string, number> {
  const names = new Set<string>();
  for (const key in limits) names.add(key);
  const proto: unknown = Object.getPrototypeOf(limits);
  if (proto && proto !== Object.prototype)
    for (const key of Object.getOwnPropertyNames(proto)) names.add(key);
  for (const key of Object.getOwnPropertyNames(limits)) names.add(key);
  const out: Record<string, number> = {};
  for (const key of [...names].sort()) {
    if (key === 'constructor') continue;
    let value: unknown;
    try {
      value = (limits as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    if (typeof value === 'number') out[key] = value;
  }
  return out;
}

/** Every feature name, sorted. */
export function readFeatures(features: Iterable<string>): string[] {
  return [...features].sort();
}

async function probeOne(gpu: GPU, request: AdapterRequest): Promise<AdapterReport> {
  const base = { request, info: null, features: [], limits: {} };
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter(adapterOptions(request));
  } catch (err) {
    return { ...base, ok: false, error: errorText(err) };
  }
  if (!adapter) return { ...base, ok: false, error: 'requestAdapter() returned null' };
  try {
    return {
      request,
      ok: true,
      error: null,
      info: await readAdapterInfo(adapter),
      features: readFeatures(adapter.features as Iterable<string>),
      limits: readLimits(adapter.limits),
    };
  } catch (err) {
    return { ...base, ok: true, error: `reading the adapter failed: ${errorText(err)}` };
  }
}

/** The one line shown when no adapter is usable, or null when one is. */
export function webGpuMessage(api: boolean, adapters: readonly AdapterReport[]): string | null {
  if (!api) return 'This browser has no WebGPU (navigator.gpu is missing); WebGPU benchmarks are skipped.';
  if (adapters.some((a) => a.ok)) return null;
  const thrown = adapters.find((a) => a.error && a.error !== 'requestAdapter() returned null');
  if (thrown)
    return `WebGPU is available but requestAdapter() failed (${thrown.error}); WebGPU benchmarks are skipped.`;
  return (
    'WebGPU is available but this browser returned no adapter (requestAdapter() gave null) — the GPU may be ' +
    'blocklisted or disabled; WebGPU benchmarks are skipped.'
  );
}

/** The navigator's WebGPU entry point, when there is one (window or worker). */
export function navigatorGpu(): GPU | undefined {
  try {
    const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
    return nav?.gpu ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Probe WebGPU: request the high-performance, low-power and fallback adapters and record each one's info,
 * features and limits. `gpu` defaults to `navigator.gpu`. Never throws.
 */
export async function probeWebGpu(gpu: GPU | undefined = navigatorGpu()): Promise<WebGpuProbe> {
  if (!gpu) return { api: false, adapters: [], message: webGpuMessage(false, []) };
  const adapters: AdapterReport[] = [];
  for (const request of ADAPTER_REQUESTS) adapters.push(await probeOne(gpu, request));
  return { api: true, adapters, message: webGpuMessage(true, adapters) };
}
