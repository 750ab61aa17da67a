import { describe, expect, it } from 'vitest';
import { layoutOfScenario } from '../predict/observation.ts';
import { rooflineEstimate } from './estimate.ts';
import { H100, LLAMA2_70B, LLAMA2_7B } from './fixtures.test-util.ts';
import type { Workload } from './workload.ts';

const PCIE = { ...H100, id: 'pcie-card', interconnect_gbs: 64 };
const decode = (over: Partial<Workload>): Workload => ({
  model: LLAMA2_70B,
  mode: 'inference',
  batch: 64,
  precision: 'fp16',
  nDevices: 8,
  promptTokens: 128,
  genTokens: 128,
  ...over,
});

describe('layouts', () => {
  it('splits weights over a TP × PP group, all-reducing only within TP', () => {
    const tp8 = rooflineEstimate(decode({ layout: { tp: 8, pp: 1 } }), PCIE);
    const pp8 = rooflineEstimate(decode({ layout: { tp: 1, pp: 8 } }), PCIE);
    if (!tp8.ok || !pp8.ok) throw new Error('no estimate');
    const d = (e: typeof tp8) => e.phases.find((p) => p.phase === 'decode')!;
    expect(d(pp8).commSeconds).toBe(0);
    expect(d(tp8).commSeconds).toBeGreaterThan(0);
    expect(d(pp8).memorySeconds).toBeCloseTo(d(tp8).memorySeconds, 12);
    expect(pp8.layout).toEqual({ tp: 1, pp: 8, replicas: 1 });
  });

  it('runs replicas side by side: 8 GPUs serving a 7B model are 8 replicas', () => {
    const r = rooflineEstimate(decode({ model: LLAMA2_7B, layout: { tp: 1, pp: 1 } }), H100);
    const one = rooflineEstimate(decode({ model: LLAMA2_7B, nDevices: 1, batch: 8 }), H100);
    if (!r.ok || !one.ok) throw new Error('no estimate');
    expect(r.layout).toEqual({ tp: 1, pp: 1, replicas: 8 });
    // Each replica decodes 8 of the 64 sequences: the same step time as one device at batch 8.
    expect(r.metrics.tpot_ms).toBeCloseTo(one.metrics.tpot_ms!, 9);
    expect(r.fit.status).toBe('fits');
  });

  it('reads layouts from benchmark scenarios', () => {
    expect(layoutOfScenario('Offline/trtllm-bench/TP2,PP4', 8)).toEqual({ tp: 2, pp: 4 });
    expect(layoutOfScenario('Offline/trtllm-bench/DEP8/per-GPU x8', 8)).toEqual({ tp: 8, pp: 1 });
    expect(layoutOfScenario('e2e-batch/benchmark_latency/TP8', 8)).toEqual({ tp: 8, pp: 1 });
    expect(layoutOfScenario('Offline/closed', 8)).toBeNull();
    expect(layoutOfScenario('Offline/TP8', 4)).toBeNull();
  });
});
