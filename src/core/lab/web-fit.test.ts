import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../catalog/schema.ts';
import { LLAMA2_7B } from '../roofline/fixtures.test-util.ts';
import { SAMPLE_PROFILE } from './fixtures.test-util.ts';
import { backendsBySpeed } from './profile.ts';
import { webFit } from './web-fit.ts';

const row = (m: Partial<ModelRow> & { id: string; params_m: number }): ModelRow => ({
  ...(LLAMA2_7B as ModelRow),
  name: m.id,
  aliases: '',
  family: 'llama-2',
  source: 'test',
  notes: null,
  ...m,
});
const LLAMA7 = row({ id: 'llama-2-7b', params_m: 6738 });
const SMALL = row({ id: 'llama-tiny', params_m: 600, layers: 12, hidden: 1024, ffn: 2816, vocab: 32000 });

describe('webFit', () => {
  it('orders backends by measured matmul speed', () => {
    expect(backendsBySpeed(SAMPLE_PROFILE)).toEqual(['webgpu', 'wasm']);
    expect(backendsBySpeed({ ...SAMPLE_PROFILE, wasm: { ...SAMPLE_PROFILE.wasm!, gflops: 100 } })).toEqual([
      'wasm',
      'webgpu',
    ]);
  });

  it('fits a small model at fp32 on the fastest backend', () => {
    const fit = webFit(SMALL, SAMPLE_PROFILE, { batch: 1 });
    expect(fit.best?.backend).toBe('webgpu');
    expect(fit.best?.precision).toBe('fp32');
    expect(fit.summary).toContain('fits this browser with WebGPU at fp32');
  });

  it('needs shader-f16 for fp16 on WebGPU', () => {
    const fit = webFit(SMALL, SAMPLE_PROFILE, { batch: 1 });
    const fp16 = fit.checks.find((c) => c.backend === 'webgpu' && c.precision === 'fp16')!;
    expect(fp16.fits).toBe(false);
    expect(fp16.tests.find((t) => t.name === 'shader-f16')?.ok).toBe(false);
  });

  it('fits a 7B model on WebGPU only from int8 down when bindings are 128 MiB', () => {
    const profile = { ...SAMPLE_PROFILE, webgpu: { ...SAMPLE_PROFILE.webgpu!, maxBindingMib: 128 } };
    const fit = webFit(LLAMA7, profile, { batch: 1 }, [LLAMA7, SMALL]);
    // int8: the 131 MB embedding fits a 134 MB binding; 6.74 GB of weights + KV + runtime fit 8 GB.
    expect([fit.best?.backend, fit.best?.precision]).toEqual(['webgpu', 'int8']);
    // The fp32 embedding (32000 × 4096 × 4 B = 524 MB) is over a 128 MiB binding.
    const gpu32 = fit.checks.find((c) => c.backend === 'webgpu' && c.precision === 'fp32')!;
    expect(gpu32.largestTensorBytes).toBe(32000 * 4096 * 4);
    expect(gpu32.tests.find((t) => t.name.includes('maxStorageBufferBindingSize'))?.ok).toBe(false);
    // q4f16 would fit but needs shader-f16. 4.5-bit GGUF weights (3.79 GB) + KV + llama.cpp's compute buffer
    // overflow wasm32's 4 GiB at a 512 + 128 token context, and fit at 64 + 64.
    expect(fit.checks.find((c) => c.backend === 'webgpu' && c.precision === 'q4f16')?.fits).toBe(false);
    expect(fit.checks.find((c) => c.backend === 'wasm' && c.precision === 'q4_0')?.fits).toBe(false);
    const short = webFit(LLAMA7, profile, { batch: 1, promptTokens: 64, genTokens: 64 }, [LLAMA7, SMALL]);
    expect(short.checks.find((c) => c.backend === 'wasm' && c.precision === 'q4_0')?.fits).toBe(true);
    expect(fit.checks.find((c) => c.backend === 'wasm' && c.precision === 'int8')?.fits).toBe(false);
  });

  it('names the nearest smaller variant when nothing fits', () => {
    const profile = { ...SAMPLE_PROFILE, memoryGb: 2 };
    const fit = webFit(LLAMA7, profile, { batch: 1 }, [LLAMA7, SMALL]);
    expect(fit.best).toBeNull();
    expect(fit.nearest?.model.id).toBe('llama-tiny');
    expect(fit.summary).toContain('nearest that does is llama-tiny');
    expect(webFit(LLAMA7, profile, { batch: 1 }, [LLAMA7]).summary).toContain('no smaller model of its kind');
  });

  it('says when device memory is not exposed', () => {
    const fit = webFit(SMALL, { ...SAMPLE_PROFILE, memoryGb: null }, { batch: 1 });
    expect(fit.best?.complete).toBe(false);
    expect(fit.summary).toContain('device memory unchecked');
  });
});
