/// <reference types="@webgpu/types" />
import { describe, expect, it } from 'vitest';
import { adapterLabel, copyCapBytes, matmulShader } from './webgpu-bench.ts';
import { probeWebGpu, readLimits } from './webgpu.ts';

/** Limits as a browser exposes them: getters on the prototype, nothing own. */
function hostLimits(values: Record<string, number>): object {
  const proto: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values))
    Object.defineProperty(proto, key, { get: () => value, enumerable: false });
  Object.defineProperty(proto, '__brand', { get: () => 'GPUSupportedLimits', enumerable: false });
  return Object.create(proto) as object;
}

function fakeAdapter(info: Record<string, unknown>, extra: Record<string, unknown> = {}): GPUAdapter {
  return {
    info,
    features: new Set(['timestamp-query', 'subgroups', 'bgra8unorm-storage']),
    limits: hostLimits({ maxBufferSize: 1073741824, maxComputeInvocationsPerWorkgroup: 256 }),
    ...extra,
  } as unknown as GPUAdapter;
}

function fakeGpu(answer: (options?: GPURequestAdapterOptions) => Promise<GPUAdapter | null>): GPU {
  return { requestAdapter: answer } as unknown as GPU;
}

describe('probeWebGpu', () => {
  it('records info, sorted features and prototype limits of each adapter', async () => {
    const seen: unknown[] = [];
    const probe = await probeWebGpu(
      fakeGpu((options) => {
        seen.push(options);
        return Promise.resolve(
          fakeAdapter({
            vendor: 'google',
            architecture: 'swiftshader',
            device: '',
            description: '',
            isFallbackAdapter: true,
          }),
        );
      }),
    );
    expect(seen).toEqual([
      { powerPreference: 'high-performance' },
      { powerPreference: 'low-power' },
      { forceFallbackAdapter: true },
    ]);
    expect(probe.api).toBe(true);
    expect(probe.message).toBeNull();
    const first = probe.adapters[0];
    expect(first?.info).toEqual({
      vendor: 'google',
      architecture: 'swiftshader',
      device: '',
      description: '',
      isFallbackAdapter: true,
    });
    expect(first?.features).toEqual(['bgra8unorm-storage', 'subgroups', 'timestamp-query']);
    expect(first?.limits).toEqual({ maxBufferSize: 1073741824, maxComputeInvocationsPerWorkgroup: 256 });
  });

  it('falls back to adapter.isFallbackAdapter when info lacks it', async () => {
    const probe = await probeWebGpu(
      fakeGpu(() => Promise.resolve(fakeAdapter({ vendor: 'x' }, { isFallbackAdapter: true }))),
    );
    expect(probe.adapters[0]?.info?.isFallbackAdapter).toBe(true);
    expect(probe.adapters[0]?.info?.architecture).toBe('');
  });

  it('says so when every request returns null', async () => {
    const probe = await probeWebGpu(fakeGpu(() => Promise.resolve(null)));
    expect(probe.adapters.every((a) => !a.ok && a.error === 'requestAdapter() returned null')).toBe(true);
    expect(probe.message).toContain('returned no adapter (requestAdapter() gave null)');
    expect(probe.message).toContain('WebGPU benchmarks are skipped');
  });

  it('records a throwing requestAdapter as Name: message', async () => {
    const probe = await probeWebGpu(
      fakeGpu(() => {
        const err = new Error('adapter request refused');
        err.name = 'OperationError';
        return Promise.reject(err);
      }),
    );
    expect(probe.adapters[0]?.error).toBe('OperationError: adapter request refused');
    expect(probe.message).toContain('OperationError: adapter request refused');
  });

  it('keeps one usable adapter among failures', async () => {
    let call = 0;
    const probe = await probeWebGpu(
      fakeGpu(() => Promise.resolve(call++ === 2 ? fakeAdapter({ isFallbackAdapter: true }) : null)),
    );
    expect(probe.adapters.map((a) => a.ok)).toEqual([false, false, true]);
    expect(probe.message).toBeNull();
  });

  it('reports a missing navigator.gpu', async () => {
    const probe = await probeWebGpu(undefined);
    expect(probe.api).toBe(false);
    expect(probe.message).toContain('navigator.gpu is missing');
  });
});

describe('WebGPU helpers', () => {
  it('reads numeric limits only', () => {
    expect(readLimits(Object.assign(hostLimits({ a: 1 }), { b: 2, c: 'x' }))).toEqual({ a: 1, b: 2 });
  });
  it('labels adapters', () => {
    expect(
      adapterLabel({
        vendor: 'google',
        architecture: 'swiftshader',
        description: '',
        isFallbackAdapter: true,
      }),
    ).toBe('google swiftshader (fallback adapter)');
    expect(
      adapterLabel({ vendor: '', architecture: '', description: 'Some GPU', isFallbackAdapter: false }),
    ).toBe('Some GPU');
  });
  it('caps the copy size to a power of two within the limits', () => {
    expect(copyCapBytes(1024 ** 3)).toBe(256 * 1024 ** 2);
    expect(copyCapBytes(134217728)).toBe(128 * 1024 ** 2);
    expect(copyCapBytes(100 * 1024 ** 2)).toBe(64 * 1024 ** 2);
  });
  it('writes an f16 shader only for f16', () => {
    expect(matmulShader('f16')).toMatch(/^enable f16;/);
    expect(matmulShader('f32')).not.toContain('enable f16');
    expect(matmulShader('f32')).toContain('var<workgroup> tileA: array<array<f32, 16>, 16>;');
  });
});
