import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HardwareRow } from '../catalog/schema.ts';
import { rooflineEstimate } from './estimate.ts';
import {
  A100,
  B200,
  BERT_BASE,
  H100,
  LLAMA2_7B,
  MIXTRAL,
  RESNET50,
  V100,
  XEON,
} from './fixtures.test-util.ts';
import type { Workload } from './workload.ts';

const devices = [A100, H100, V100, B200, XEON];
const models = [LLAMA2_7B, MIXTRAL, BERT_BASE, RESNET50];
const precisions = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'q4_k_m', 'q8_0', 'int4', 'fp4'];

const workload = fc.record({
  model: fc.constantFrom(...models),
  mode: fc.constantFrom('inference' as const, 'training' as const),
  batch: fc.integer({ min: 1, max: 512 }),
  precision: fc.constantFrom(...precisions),
  nDevices: fc.integer({ min: 1, max: 8 }),
  seqLen: fc.integer({ min: 1, max: 4096 }),
  promptTokens: fc.integer({ min: 1, max: 8192 }),
  genTokens: fc.integer({ min: 1, max: 2048 }),
  imageSize: fc.integer({ min: 32, max: 1024 }),
});

describe('roofline properties', () => {
  it('every phase takes at least FLOPs/peak and bytes/bandwidth, and metrics agree with the phases', () => {
    fc.assert(
      fc.property(workload, fc.constantFrom(...devices), (w: Workload, hw: HardwareRow) => {
        const e = rooflineEstimate(w, hw);
        if (!e.ok) return;
        for (const p of e.phases) {
          expect(p.seconds).toBeGreaterThanOrEqual(p.computeSeconds);
          expect(p.seconds).toBeGreaterThanOrEqual(p.memorySeconds);
          expect(p.seconds).toBeGreaterThan(0);
          expect(Number.isFinite(p.seconds)).toBe(true);
        }
        for (const v of Object.values(e.metrics)) expect(v).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('more bandwidth or more peak never makes the bound slower', () => {
    fc.assert(
      fc.property(workload, fc.double({ min: 1.01, max: 10, noNaN: true }), (w: Workload, k: number) => {
        const base = rooflineEstimate(w, H100);
        const faster = rooflineEstimate(w, {
          ...H100,
          mem_bw_gbs: H100.mem_bw_gbs! * k,
          fp16_tflops: H100.fp16_tflops! * k,
          bf16_tflops: H100.bf16_tflops! * k,
          fp32_tflops: H100.fp32_tflops! * k,
          tf32_tflops: H100.tf32_tflops! * k,
          fp8_tflops: H100.fp8_tflops! * k,
          int8_tops: H100.int8_tops! * k,
        });
        if (!base.ok || !faster.ok) return;
        base.phases.forEach((p, i) =>
          expect(faster.phases[i]!.seconds).toBeLessThanOrEqual(p.seconds * (1 + 1e-12)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a bigger batch never lowers the bound on total time', () => {
    fc.assert(
      fc.property(workload, fc.integer({ min: 1, max: 64 }), (w: Workload, extra: number) => {
        const a = rooflineEstimate({ ...w, nDevices: 1 }, A100);
        const b = rooflineEstimate({ ...w, nDevices: 1, batch: w.batch + extra }, A100);
        if (!a.ok || !b.ok) return;
        a.phases.forEach((p, i) =>
          expect(b.phases[i]!.seconds).toBeGreaterThanOrEqual(p.seconds * (1 - 1e-12)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
