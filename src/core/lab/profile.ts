/**
 * A browser's measured profile: the few numbers the predictor needs (achieved matmul GFLOPS and copy
 * bandwidth per backend, buffer limits, memory, cores), small enough to travel in a link. It turns into
 * "This browser" devices with the same fields as any catalog device.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import type { BenchmarkId, MeasureReport, ProbeReport, RunBackend } from './types.ts';

export interface WebGpuProfile {
  /** Achieved fp32 matmul, GFLOPS. */
  fp32: number;
  /** Achieved fp16 matmul (shader-f16), GFLOPS; null when not measured. */
  fp16: number | null;
  /** Achieved copy bandwidth, GB/s; null when not measured. */
  bw: number | null;
  /** maxBufferSize and maxStorageBufferBindingSize, MiB. */
  maxBufferMib: number;
  maxBindingMib: number;
  /** A software (fallback) adapter, e.g. SwiftShader: numbers are a CPU's. */
  software: boolean;
}

export interface WasmProfile {
  /** Achieved matmul on the tfjs wasm backend, GFLOPS. */
  gflops: number;
  /** Memory-copy bandwidth in the page's worker, GB/s; null when not measured. */
  bw: number | null;
  simd: boolean;
  threads: boolean;
}

export interface BrowserProfile {
  /** Browser and platform, e.g. "Chromium 156 · Linux". */
  label: string;
  webgpu: WebGpuProfile | null;
  wasm: WasmProfile | null;
  /** Achieved WebNN matmul, GFLOPS, when a context existed and it ran; null otherwise. */
  webnn: number | null;
  cores: number | null;
  /** navigator.deviceMemory, GB (the browser caps it, at 8 in Chromium). */
  memoryGb: number | null;
}

/** Device ids of the profile's backends; the API in the id is what classifies them (browser-webgpu…). */
export const BROWSER_DEVICE_IDS = {
  webgpu: 'this-browser-webgpu',
  wasm: 'this-browser-wasm',
  webnn: 'this-browser-webnn',
} as const;
export type BrowserBackend = keyof typeof BROWSER_DEVICE_IDS;

/** wasm32 linear memory is at most 4 GiB. */
export const WASM_MAX_GB = 4;

const MIB = 1024 * 1024;

function measured(m: MeasureReport, id: BenchmarkId): number | null {
  const r = m.results.find((x) => x.id === id);
  return r && r.status === 'ok' && r.value !== null && r.value > 0 ? r.value : null;
}

/** The adapter a profile describes: the first one that came back (high-performance is asked first). */
export function chosenAdapter(probe: ProbeReport) {
  return probe.webgpu.adapters.find((a) => a.ok && a.info) ?? null;
}

/** The profile of a probed and measured browser; backends whose matmul was not measured are left out. */
export function profileFrom(probe: ProbeReport, m: MeasureReport): BrowserProfile {
  const adapter = chosenAdapter(probe);
  const gpuFp32 = measured(m, 'webgpu-matmul-fp32');
  const wasmGflops = measured(m, 'wasm-matmul');
  return {
    label: `${probe.identity.browser} · ${probe.identity.platform}`,
    webgpu:
      adapter && gpuFp32 !== null
        ? {
            fp32: gpuFp32,
            fp16: measured(m, 'webgpu-matmul-fp16'),
            bw: measured(m, 'webgpu-copy'),
            maxBufferMib: (adapter.limits['maxBufferSize'] ?? 0) / MIB,
            maxBindingMib: (adapter.limits['maxStorageBufferBindingSize'] ?? 0) / MIB,
            software: adapter.info?.isFallbackAdapter ?? false,
          }
        : null,
    wasm:
      wasmGflops !== null
        ? {
            gflops: wasmGflops,
            bw: measured(m, 'wasm-copy'),
            simd: probe.wasm.simd,
            threads: probe.wasm.threads,
          }
        : null,
    webnn: measured(m, 'webnn-matmul'),
    cores: probe.wasm.hardwareConcurrency,
    memoryGb: probe.wasm.deviceMemoryGb,
  };
}

/** TFLOPS from GFLOPS, to 4 significant digits. */
const tflops = (gflops: number) => Number((gflops / 1000).toPrecision(4));

function device(
  id: string,
  name: string,
  p: BrowserProfile,
  fields: Partial<HardwareRow> & { spec_sources: string },
): HardwareRow {
  return {
    id,
    name,
    aliases: `this browser|${p.label}`,
    vendor: 'browser',
    kind: 'browser',
    segment: 'browser',
    architecture: null,
    release_date: null,
    memory_gb: p.memoryGb,
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
    cores: p.cores,
    notes: `Measured in ${p.label} by the Rooflight lab: achieved peaks, not datasheet figures.`,
    ...fields,
  };
}

/**
 * "This browser" as hardware: one device per measured backend, with the measured (achieved) peaks as its
 * peaks, so the engine, the ranking and the charts treat it like any catalog device.
 */
export function browserDevices(p: BrowserProfile): HardwareRow[] {
  const out: HardwareRow[] = [];
  // A bandwidth-less device cannot be bounded; the copy benchmark of the same backend supplies it.
  const fallbackBw = p.wasm?.bw ?? null;
  if (p.webgpu) {
    const g = p.webgpu;
    out.push(
      device(
        BROWSER_DEVICE_IDS.webgpu,
        `This browser · WebGPU${g.software ? ' (software adapter)' : ''}`,
        p,
        {
          architecture: g.software ? 'webgpu-software' : 'webgpu',
          fp32_tflops: tflops(g.fp32),
          fp16_tflops: g.fp16 !== null ? tflops(g.fp16) : null,
          mem_bw_gbs: g.bw ?? fallbackBw,
          spec_sources: `fp32_tflops=lab:webgpu-matmul-fp32;fp16_tflops=lab:webgpu-matmul-fp16;mem_bw_gbs=lab:${g.bw !== null ? 'webgpu-copy' : 'wasm-copy'};memory_gb=navigator.deviceMemory`,
        },
      ),
    );
  }
  if (p.wasm) {
    const w = p.wasm;
    out.push(
      device(BROWSER_DEVICE_IDS.wasm, `This browser · WASM${w.simd ? ' (SIMD)' : ''}`, p, {
        architecture: 'wasm',
        memory_gb: Math.min(WASM_MAX_GB, p.memoryGb ?? WASM_MAX_GB),
        fp32_tflops: tflops(w.gflops),
        mem_bw_gbs: w.bw,
        spec_sources:
          'fp32_tflops=lab:wasm-matmul;mem_bw_gbs=lab:wasm-copy;memory_gb=wasm32 limit, navigator.deviceMemory',
      }),
    );
  }
  if (p.webnn !== null) {
    out.push(
      device(BROWSER_DEVICE_IDS.webnn, 'This browser · WebNN', p, {
        architecture: 'webnn',
        fp32_tflops: tflops(p.webnn),
        mem_bw_gbs: fallbackBw,
        spec_sources: 'fp32_tflops=lab:webnn-matmul;mem_bw_gbs=lab:wasm-copy',
      }),
    );
  }
  return out;
}

/** The "This browser" device a tfjs backend ran on: webgl counts as the GPU, cpu as the WASM/JS side. */
export function deviceBackend(b: RunBackend): BrowserBackend {
  return b === 'webgpu' || b === 'webgl' ? 'webgpu' : 'wasm';
}

/** The backend of a "This browser" device id, or null for any other device. */
export function browserBackendOf(hardwareId: string): BrowserBackend | null {
  for (const [k, id] of Object.entries(BROWSER_DEVICE_IDS)) if (id === hardwareId) return k as BrowserBackend;
  return null;
}

/** The backends a profile measured, fastest matmul first (the order the lab recommends them in). */
export function backendsBySpeed(profile: BrowserProfile): BrowserBackend[] {
  const speed: [BrowserBackend, number | null][] = [
    ['webgpu', profile.webgpu?.fp32 ?? null],
    ['wasm', profile.wasm?.gflops ?? null],
    ['webnn', profile.webnn],
  ];
  return speed
    .filter((s): s is [BrowserBackend, number] => s[1] !== null)
    .sort((a, b) => b[1] - a[1])
    .map(([k]) => k);
}
