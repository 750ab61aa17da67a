import { describe, expect, it } from 'vitest';
import { H100, LLAMA2_7B, XEON, measurementRow } from '../roofline/fixtures.test-util.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { featureInputOf, observe, queryOf, rowRuntime, threadsOf, workloadOf } from './observation.ts';
import { NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';
import { RESNET50 } from '../roofline/fixtures.test-util.ts';

describe('threadsOf', () => {
  it('reads the thread count a runtime text states, and nothing else', () => {
    expect(threadsOf('whisper.cpp CPU AVX2 BLAS (4 threads; macOS Ventura 13.0.1)')).toBe(4);
    expect(threadsOf('whisper.cpp CPU AVX2 (1 threads; Arch Linux)')).toBe(1);
    expect(threadsOf('llama.cpp CPU -t 8')).toBe(8);
    expect(threadsOf('TensorRT 10.14, CUDA 13.1')).toBeNull();
    expect(threadsOf('0 threads')).toBeNull();
    expect(threadsOf(null)).toBeNull();
  });

  it('bounds a CPU row run on fewer threads than cores by its share of the peak', () => {
    const model: ModelRow = { ...NO_KV_ARCH, ...RESNET50, name: 'r', aliases: '', source: 't', notes: null };
    const hw = { ...XEON, cores: 8 };
    const row = (runtime: string) =>
      measurementRow({ hardware_id: hw.id, model_id: model.id, runtime, precision: 'fp32' });
    const one = workloadOf(row('x (2 threads)'), model);
    const all = workloadOf(row('x'), model);
    expect(one.threads).toBe(2);
    expect(all.threads).toBeUndefined();
    const a = rooflineEstimate(one, hw);
    const b = rooflineEstimate(all, hw);
    if (!a.ok || !b.ok) throw new Error('no estimate');
    expect(a.peakTflops).toBeCloseTo(b.peakTflops / 4, 9);
  });
});

describe('the runtime of an observation', () => {
  it('is its row’s class (classed with the model at ingest), else its text', () => {
    const model: ModelRow = { ...NO_KV_ARCH, ...LLAMA2_7B, name: 'l', aliases: '', source: 't', notes: null };
    const row = measurementRow({
      hardware_id: H100.id,
      model_id: model.id,
      metric: 'decode_tokens_s',
      batch_size: 1,
      runtime: 'TensorRT 10.2.0',
      runtime_class: 'tensorrt-llm',
    });
    const { observations } = observe([row], new Map([[H100.id, H100]]), new Map([[model.id, model]]));
    const o = observations[0]!;
    expect(queryOf(o).runtime).toBe('tensorrt-llm');
    expect(featureInputOf(o).runtime).toBe('tensorrt-llm');
    expect(o.workload.runtime).toBe('tensorrt-llm');
    expect(rowRuntime({ runtime: 'TensorRT 10.2.0', runtime_class: '' })).toBe('TensorRT 10.2.0');
  });
});
