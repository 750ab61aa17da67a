import { describe, expect, it } from 'vitest';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { A100, LLAMA2_7B, RESNET50 } from '../roofline/fixtures.test-util.ts';
import {
  FEATURE_COUNT,
  FEATURE_NAMES,
  featurize,
  generation,
  halfRateAcc32,
  runtimeClass,
} from './featurize.ts';

const input = (runtime: string | null) => {
  const workload = { model: RESNET50, mode: 'inference' as const, batch: 64, precision: 'fp16', nDevices: 1 };
  const estimate = rooflineEstimate(workload, A100);
  if (!estimate.ok) throw new Error(estimate.reason);
  return {
    workload,
    hw: A100,
    model: RESNET50,
    estimate,
    metric: 'throughput' as const,
    runtime,
    scenario: null,
    batchKnown: true,
  };
};

describe('featurize', () => {
  it('writes one finite value per named feature', () => {
    const f = featurize(input('PyTorch 2.4'));
    expect(f.length).toBe(FEATURE_COUNT);
    expect(FEATURE_NAMES.length).toBe(FEATURE_COUNT);
    expect([...f].every(Number.isFinite)).toBe(true);
  });

  it('sets exactly one flag in each one-hot group', () => {
    const f = featurize(input('TensorRT 10'));
    for (const group of [
      'compute',
      'kind',
      'vendor',
      'phase',
      'runtime',
      'generation',
      'segment',
      'metric',
    ]) {
      const idx = FEATURE_NAMES.flatMap((n, i) => (n.startsWith(`${group}:`) ? [i] : []));
      expect(idx.reduce((s, i) => s + f[i]!, 0)).toBe(1);
    }
    expect(f[FEATURE_NAMES.indexOf('runtime:tensorrt')]).toBe(1);
    expect(f[FEATURE_NAMES.indexOf('generation:ampere')]).toBe(1);
    expect(f[FEATURE_NAMES.indexOf('log2_batch')]).toBe(6);
    expect(f[FEATURE_NAMES.indexOf('segment:datacenter')]).toBe(1);
    expect(f[FEATURE_NAMES.indexOf('f16_acc32_half_rate')]).toBe(0);
  });

  it('flags the half-rate fp32-accumulate tensor path of GeForce parts since Turing, where the bound used fp16 accumulate', () => {
    const geforce = { vendor: 'NVIDIA', kind: 'gpu' as const, segment: 'consumer', architecture: 'ada' };
    expect(halfRateAcc32(geforce, 'fp16')).toBe(true);
    // bf16 and AMP bounds already use the catalog's fp32-accumulate peak.
    expect(halfRateAcc32(geforce, 'bf16')).toBe(false);
    expect(halfRateAcc32(geforce, 'fp16-acc32')).toBe(false);
    expect(halfRateAcc32(geforce, 'fp32')).toBe(false);
    expect(halfRateAcc32({ ...geforce, segment: 'laptop', architecture: 'turing' }, 'fp16')).toBe(true);
    expect(halfRateAcc32({ ...geforce, segment: 'workstation' }, 'fp16')).toBe(false);
    expect(halfRateAcc32({ ...geforce, architecture: 'pascal' }, 'fp16')).toBe(false);
    expect(halfRateAcc32({ ...geforce, vendor: 'AMD', architecture: 'rdna3' }, 'fp16')).toBe(false);
    const f = featurize({ ...input(null), hw: { ...A100, segment: 'consumer', architecture: 'ampere' } });
    expect(f[FEATURE_NAMES.indexOf('f16_acc32_half_rate')]).toBe(1);
    expect(f[FEATURE_NAMES.indexOf('segment:consumer')]).toBe(1);
  });

  it('classes runtimes as tables write them', () => {
    expect(runtimeClass('llama.cpp wasm / Chrome 131 WebGPU')).toBe('webgpu');
    expect(runtimeClass('tfjs wasm backend (SIMD)')).toBe('wasm');
    expect(runtimeClass('whisper.cpp CUDA')).toBe('llama.cpp');
    expect(runtimeClass('PyTorch NGC 20.01')).toBe('pytorch');
    expect(runtimeClass(null)).toBe('other');
    expect(generation({ architecture: 'blackwell-ultra', kind: 'gpu', vendor: 'NVIDIA' })).toBe('blackwell');
    expect(generation({ architecture: 'm3', kind: 'soc-gpu', vendor: 'Apple' })).toBe('apple');
  });

  it('reads TensorRT serving a generative LLM as TensorRT-LLM, in runtimeClass and in featurize', () => {
    expect(runtimeClass('TensorRT 10.2.0', true)).toBe('tensorrt-llm');
    expect(runtimeClass('TensorRT 10.2.0', false)).toBe('tensorrt');
    expect(runtimeClass('TensorRT 10.2.0')).toBe('tensorrt');
    const workload = {
      model: LLAMA2_7B,
      mode: 'inference' as const,
      batch: 1,
      precision: 'fp16',
      nDevices: 1,
    };
    const estimate = rooflineEstimate({ ...workload, promptTokens: 1, genTokens: 128 }, A100);
    if (!estimate.ok) throw new Error(estimate.reason);
    const llm = { ...input('TensorRT 10.2.0'), workload, model: LLAMA2_7B, estimate };
    const f = featurize({ ...llm, metric: 'decode_tokens_s' });
    expect(f[FEATURE_NAMES.indexOf('runtime:tensorrt-llm')]).toBe(1);
    expect(f[FEATURE_NAMES.indexOf('runtime:tensorrt')]).toBe(0);
    expect([...f]).toEqual([...featurize({ ...llm, metric: 'decode_tokens_s', runtime: 'tensorrt-llm' })]);
    expect(featurize(input('TensorRT 10.2.0'))[FEATURE_NAMES.indexOf('runtime:tensorrt')]).toBe(1);
  });

  it('uses the decode phase for LLM decode metrics', () => {
    const workload = {
      model: LLAMA2_7B,
      mode: 'inference' as const,
      batch: 1,
      precision: 'fp16',
      nDevices: 1,
    };
    const estimate = rooflineEstimate(workload, A100);
    if (!estimate.ok) throw new Error(estimate.reason);
    const f = featurize({ ...input(null), workload, model: LLAMA2_7B, estimate, metric: 'decode_tokens_s' });
    expect(f[FEATURE_NAMES.indexOf('phase:decode')]).toBe(1);
  });
});
