import { describe, expect, it } from 'vitest';
import { cpuShare, rooflineEstimate } from './estimate.ts';
import {
  A100,
  B200,
  BERT_BASE,
  H100,
  LLAMA2_70B,
  LLAMA2_7B,
  MIXTRAL,
  RESNET50,
  V100,
  XEON,
} from './fixtures.test-util.ts';
import { memoryFootprint } from './memory.ts';
import { precisionInfo, precisionSupport } from './precision.ts';
import type { Workload } from './workload.ts';

const llm = (over: Partial<Workload> = {}): Workload => ({
  model: LLAMA2_7B,
  mode: 'inference',
  batch: 1,
  precision: 'fp16',
  nDevices: 1,
  promptTokens: 512,
  genTokens: 128,
  ...over,
});

const ok = (e: ReturnType<typeof rooflineEstimate>) => {
  if (!e.ok) throw new Error(`expected an estimate, got: ${e.reason}`);
  return e;
};

describe('memory model', () => {
  it('Llama-2-7B fp16 weights ≈ 13.5 GB', () => {
    const m = memoryFootprint(llm(), precisionInfo('fp16')!, 'gpu');
    expect(m.weights / 1e9).toBeCloseTo(13.48, 2);
  });
  it('Q4_0 weights use 4.5 bits per weight', () => {
    const m = memoryFootprint(llm({ precision: 'q4_0' }), precisionInfo('q4_0')!, 'gpu');
    expect(m.weights / 1e9).toBeCloseTo((6738e6 * 4.5) / 8 / 1e9, 6);
  });
  it('KV cache of Llama-2-7B: 0.5 MB per token in fp16', () => {
    const m = memoryFootprint(
      llm({ batch: 2, promptTokens: 1000, genTokens: 24 }),
      precisionInfo('fp16')!,
      'gpu',
    );
    expect(m.kvCache).toBe(2 * 32 * 32 * 128 * 2 * 2 * 1024);
  });
  it('training adds gradients and Adam state (16 bytes/param in mixed precision)', () => {
    const w: Workload = {
      model: BERT_BASE,
      mode: 'training',
      batch: 32,
      precision: 'fp16',
      nDevices: 1,
      seqLen: 128,
    };
    const m = memoryFootprint(w, precisionInfo('fp16')!, 'gpu');
    expect((m.weights + m.gradients + m.optimizer) / 110e6).toBe(16);
    expect(m.activations).toBeGreaterThan(0);
  });
});

describe('roofline bound', () => {
  it('memory-bound decode step ≈ bytes / bandwidth', () => {
    const e = ok(rooflineEstimate(llm(), H100));
    const decode = e.phases.find((p) => p.phase === 'decode')!;
    expect(decode.bound).toBe('memory');
    const bytes = 6738e6 * 2 + 2 * 32 * 32 * 128 * 2 * (512 + 64);
    expect(decode.seconds).toBeCloseTo(bytes / 3350e9, 9);
    expect(e.metrics.decode_tokens_s).toBeGreaterThan(230);
    expect(e.metrics.decode_tokens_s).toBeLessThan(250);
  });

  it('compute-bound prefill and CNN forward ≈ FLOPs / peak', () => {
    const e = ok(rooflineEstimate(llm({ promptTokens: 2048 }), A100));
    expect(e.phases[0]!.bound).toBe('compute');
    const cnn = ok(
      rooflineEstimate(
        { model: RESNET50, mode: 'inference', batch: 256, precision: 'fp16', nDevices: 1 },
        A100,
      ),
    );
    expect(cnn.bound).toBe('compute');
    expect(cnn.metrics.latency_ms).toBeCloseTo(((8.2e9 * 256) / 312e12) * 1000, 6);
    expect(cnn.metrics.throughput).toBeCloseTo(256 / ((8.2e9 * 256) / 312e12), 3);
  });

  it('a larger image scales CNN FLOPs by the pixel ratio', () => {
    const base = { model: RESNET50, mode: 'inference' as const, batch: 64, precision: 'fp16', nDevices: 1 };
    const a = ok(rooflineEstimate({ ...base, imageSize: 224 }, A100));
    const b = ok(rooflineEstimate({ ...base, imageSize: 448 }, A100));
    expect(b.metrics.latency_ms! / a.metrics.latency_ms!).toBeCloseTo(4, 1);
  });

  it('MoE decode at batch 1 reads only active experts', () => {
    const e = ok(rooflineEstimate(llm({ model: MIXTRAL, precision: 'fp8' }), H100));
    const decode = e.phases.find((p) => p.phase === 'decode')!;
    expect(decode.memorySeconds * 3350e9).toBeLessThan(14e9);
    expect(decode.memorySeconds * 3350e9).toBeGreaterThan(12.8e9);
  });

  it('LLM metrics are consistent: latency = ttft + gen × tpot', () => {
    const e = ok(rooflineEstimate(llm({ batch: 4 }), H100));
    const m = e.metrics;
    expect(m.latency_ms).toBeCloseTo(m.ttft_ms! + 128 * m.tpot_ms!, 9);
    expect(m.decode_tokens_s).toBeCloseTo(4000 / m.tpot_ms!, 6);
    expect(m.throughput).toBeCloseTo((4 * 128 * 1000) / m.latency_ms!, 6);
  });
});

describe('precision support', () => {
  it('refuses fp8 before Ada/Hopper, fp4 before Blackwell, bf16 on Volta', () => {
    expect(precisionSupport(A100, 'fp8').ok).toBe(false);
    expect(precisionSupport(H100, 'fp8').ok).toBe(true);
    expect(precisionSupport(H100, 'fp4').ok).toBe(false);
    expect(precisionSupport(B200, 'fp4')).toMatchObject({ ok: true, peakTflops: 9000 });
    expect(precisionSupport(V100, 'bf16').ok).toBe(false);
    expect(precisionSupport(V100, 'tf32').ok).toBe(false);
    const e = rooflineEstimate(llm({ precision: 'fp8' }), A100);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.reason).toMatch(/no fp8 support/);
  });
  it('CPUs run half precision on their fp32 units; GGUF kinds run everywhere fp16/int8 exists', () => {
    expect(precisionSupport(XEON, 'bf16')).toMatchObject({ ok: true, peakTflops: 3 });
    expect(precisionSupport(V100, 'q4_k_m')).toMatchObject({ ok: true, compute: 'fp16' });
    expect(precisionSupport(A100, 'q4_k_m')).toMatchObject({ ok: true, compute: 'int8' });
  });

  it('browsers have no bf16, and fp16 only where shader-f16 was measured', () => {
    const browser = { ...XEON, id: 'this-browser-webgpu', kind: 'browser' as const, fp16_tflops: null };
    expect(precisionSupport(browser, 'bf16').ok).toBe(false);
    expect(precisionSupport(browser, 'fp16').ok).toBe(false);
    expect(precisionSupport(browser, 'fp32')).toMatchObject({ ok: true, peakTflops: 3 });
    expect(precisionSupport({ ...browser, fp16_tflops: 5 }, 'fp16')).toMatchObject({
      ok: true,
      peakTflops: 5,
    });
  });
});

describe('fit and several devices', () => {
  it('Llama-2-70B fp16 needs 2 × 80 GB devices', () => {
    const e = ok(rooflineEstimate(llm({ model: LLAMA2_70B }), H100));
    expect(e.fit).toMatchObject({ status: 'needs-more', devicesNeeded: 2 });
    const two = ok(rooflineEstimate(llm({ model: LLAMA2_70B, nDevices: 2 }), H100));
    expect(two.fit.status).toBe('fits');
  });
  it('a model too big for 64 devices is refused with a reason', () => {
    const huge = { ...LLAMA2_70B, id: 'huge', params_m: 1e8 };
    const e = rooflineEstimate(llm({ model: huge }), V100);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.reason).toMatch(/more than 64/);
  });
  it('tensor parallelism divides decode time and adds all-reduce time', () => {
    const one = ok(rooflineEstimate(llm(), H100));
    const two = ok(rooflineEstimate(llm({ nDevices: 2 }), H100));
    const d1 = one.phases[1]!;
    const d2 = two.phases[1]!;
    expect(d2.memorySeconds).toBeCloseTo(d1.memorySeconds / 2, 9);
    expect(d2.commSeconds).toBeGreaterThan(0);
  });
  it('data-parallel training all-reduces gradients over the interconnect', () => {
    const w: Workload = { model: RESNET50, mode: 'training', batch: 256, precision: 'fp16', nDevices: 8 };
    const e = ok(rooflineEstimate(w, A100));
    const step = e.phases[0]!;
    expect(step.commSeconds).toBeCloseTo((((2 * 7) / 8) * 25.6e6 * 2) / 300e9, 9);
    expect(e.metrics.throughput).toBeGreaterThan(
      ok(rooflineEstimate({ ...w, nDevices: 1 }, A100)).metrics.throughput!,
    );
  });
});

describe('CPU threads', () => {
  it('scale a CPU compute peak by the share of physical cores a run uses, and leave accelerators alone', () => {
    expect(cpuShare({ threads: 2 }, { kind: 'cpu', cores: 8 })).toBe(0.25);
    expect(cpuShare({ threads: 16 }, { kind: 'cpu', cores: 8 })).toBe(1);
    expect(cpuShare({}, { kind: 'cpu', cores: 8 })).toBe(1);
    expect(cpuShare({ threads: 1 }, { kind: 'gpu', cores: 10 })).toBe(1);
    expect(cpuShare({ threads: 4 }, { kind: 'cpu', cores: null })).toBe(1);
  });
});
