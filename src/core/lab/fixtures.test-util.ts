import type { BrowserProfile } from './profile.ts';
import type { MeasureReport, ProbeReport, RunReport } from './types.ts';

/** A profile shaped like the one headless Chromium with a software WebGPU adapter gives (figures illustrative). */
export const SAMPLE_PROFILE: BrowserProfile = {
  label: 'Chromium 156 · Linux',
  webgpu: { fp32: 40, fp16: null, bw: 6, maxBufferMib: 1024, maxBindingMib: 1024, software: true },
  wasm: { gflops: 12, bw: 8, simd: true, threads: false },
  webnn: null,
  cores: 2,
  memoryGb: 8,
};

export function probeReport(overrides: Partial<ProbeReport> = {}): ProbeReport {
  return {
    at: '2026-11-28T00:00:00.000Z',
    identity: {
      browser: 'Chromium 156',
      platform: 'Linux',
      mobile: false,
      architecture: 'x86',
      userAgent: 'Mozilla/5.0',
      via: 'user-agent-data',
    },
    webgpu: {
      api: true,
      message: null,
      adapters: [
        {
          request: 'high-performance',
          ok: true,
          error: null,
          info: {
            vendor: 'google',
            architecture: 'swiftshader',
            device: '',
            description: 'SwiftShader',
            isFallbackAdapter: true,
          },
          features: ['shader-f16', 'timestamp-query'],
          limits: { maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 27 },
        },
      ],
    },
    webnn: { api: false, graphBuilder: false, contexts: [], message: 'no navigator.ml' },
    wasm: {
      simd: true,
      relaxedSimd: false,
      threads: false,
      sharedArrayBuffer: false,
      crossOriginIsolated: false,
      hardwareConcurrency: 2,
      deviceMemoryGb: 8,
      tfjsBackends: [],
    },
    ...overrides,
  };
}

const ok = (id: MeasureReport['results'][number]['id'], value: number, unit: 'GFLOPS' | 'GB/s') => ({
  id,
  status: 'ok' as const,
  value,
  unit,
  bestMs: 10,
  medianMs: 11,
  reps: 5,
  timing: 'wall-clock' as const,
  size: 'n',
  ranOn: 'x',
  verified: true,
  note: null,
});

export function measureReport(): MeasureReport {
  return {
    at: '2026-11-28T00:00:01.000Z',
    cancelled: false,
    elapsedMs: 1000,
    results: [
      ok('webgpu-matmul-fp32', 40, 'GFLOPS'),
      { ...ok('webgpu-matmul-fp16', 0, 'GFLOPS'), status: 'skipped', value: null, note: 'no shader-f16' },
      ok('webgpu-copy', 6, 'GB/s'),
      ok('wasm-matmul', 12, 'GFLOPS'),
      ok('wasm-copy', 8, 'GB/s'),
      { ...ok('webnn-matmul', 0, 'GFLOPS'), status: 'failed', value: null, note: 'NotSupportedError' },
    ],
  };
}

/** A wasm run of both lab models (one batch each). */
export const SAMPLE_RUN: RunReport = {
  at: '2026-03-04T10:20:30.000Z',
  backend: 'wasm',
  backendReason: 'test',
  cancelled: false,
  errors: [],
  timings: [
    { modelId: 'lab-cnn-small', backend: 'wasm', batch: 4, firstMs: 300, medianMs: 80, bestMs: 75, reps: 5 },
    {
      modelId: 'lab-encoder-block',
      backend: 'wasm',
      batch: 16,
      firstMs: 900,
      medianMs: 400,
      bestMs: 390,
      reps: 3,
    },
  ],
};
