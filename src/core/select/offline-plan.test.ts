import { describe, expect, it } from 'vitest';
import { METRIC_UNITS, NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';
import { RuntimeEvidence } from '../predict/runtime-choice.ts';
import type { Prediction, Query } from '../predict/types.ts';
import { LLAMA2_7B, measurementRow } from '../roofline/fixtures.test-util.ts';
import { A100P, fakePredictions, H100P } from './fixtures.test-util.ts';
import { coalesce, offlinePlan } from './offline-plan.ts';
import { planRanking, rankHardware, type RankRequest } from './rank.ts';

const LLAMA: ModelRow = {
  ...NO_KV_ARCH,
  ...LLAMA2_7B,
  name: 'Llama 2 7B',
  aliases: '',
  source: 't',
  notes: null,
};
const evidence = new RuntimeEvidence(
  [1, 2, 3].map((i) =>
    measurementRow({ source_row: i, hardware_id: H100P.id, model_id: LLAMA.id, runtime_class: 'vllm' }),
  ),
  new Map([[H100P.id, H100P]]),
  new Map([[LLAMA.id, LLAMA]]),
);

const request = (over: Partial<RankRequest> = {}): RankRequest => ({
  workload: { model: LLAMA, mode: 'inference', batch: 1, promptTokens: 128, genTokens: 128, nDevices: 8 },
  candidates: [H100P, A100P],
  precision: 'fp16',
  objective: 'throughput',
  runtime: 'auto',
  runtimeEvidence: evidence,
  ...over,
});

const ok = (q: Query, value: number): Prediction => ({
  ok: true,
  metric: q.metric,
  value,
  low: value * 0.8,
  high: value * 1.2,
  unit: METRIC_UNITS[q.metric],
  layer: 'learned',
  bound: 'memory',
  boundValue: null,
  explanation: '',
});

describe('runtime in the ranking plan', () => {
  it('auto resolves per device on the evidence and is carried into workloads and rows', () => {
    const req = request({ workload: { ...request().workload, nDevices: 1 } });
    const plan = planRanking(req);
    const h100 = plan.runs.find((r) => r.hardware.id === H100P.id)!;
    expect(h100.runtime).toMatchObject({
      runtime: 'vllm',
      why: expect.stringMatching(/auto: most measured/),
    });
    expect(h100.workload.runtime).toBe('vllm');
    expect(plan.queries.every((q) => q.workload.runtime !== undefined)).toBe(true);
    const ranking = rankHardware(req, fakePredictions(plan.queries, { h100: { throughput: 100 } }), plan);
    expect(ranking.ranked[0]).toMatchObject({
      runtime: { runtime: 'vllm' },
      scenario: 'single-stream',
      batch: 1,
      layout: '1 device',
      search: null,
    });
  });

  it('keeps a chosen runtime, and names none when the request has none', () => {
    const chosen = planRanking(request({ runtime: 'tensorrt-llm' })).runs[0]!;
    expect(chosen.runtime).toEqual({ runtime: 'tensorrt-llm', why: 'TensorRT-LLM (chosen)' });
    const { runtime: _r, ...noRuntime } = request();
    const none = planRanking(noRuntime).runs[0]!;
    expect(none.runtime).toBeNull();
    expect(none.workload.runtime).toBeUndefined();
  });
});

describe('offlinePlan', () => {
  it('moves each run to the fastest batch and layout, in one engine call', async () => {
    const calls: number[] = [];
    // Throughput grows with the batch; tensor parallelism only costs here, so replicas win.
    const predictMany = async (qs: readonly Query[]) => {
      calls.push(qs.length);
      return qs.map((q) => ok(q, q.workload.batch / (q.workload.layout?.tp ?? 1)));
    };
    const req = request();
    const plan = await offlinePlan(planRanking(req), req, LLAMA, predictMany);
    expect(calls).toHaveLength(1);
    expect(plan.runs).toHaveLength(2);
    for (const run of plan.runs) {
      expect(run.scenario).toBe('offline');
      expect(run.workload.layout).toEqual({ tp: 1, pp: 1 });
      expect(run.workload.batch).toBeGreaterThan(8);
      expect(run.search).toMatch(/^best of \d+ layouts × batches under .+: batch \d+ per replica$/);
      expect(run.estimate.ok && run.estimate.fit.status).toBe('fits');
    }
    expect(plan.queries.map((q) => q.workload)).toContain(plan.runs[0]!.workload);
    const ranking = rankHardware(req, fakePredictions(plan.queries, { h100: { throughput: 9 } }), plan);
    expect(ranking.ranked[0]).toMatchObject({ scenario: 'offline', layout: '8 replicas' });
    expect(ranking.ranked[0]!.batch).toBe(plan.runs.find((r) => r.hardware.id === 'h100')!.workload.batch);
  });

  it('excludes a device whose search finds nothing, with the reason', async () => {
    const predictMany = async (qs: readonly Query[]) =>
      qs.map((q): Prediction =>
        q.hw.id === 'a100' ? { ok: false, metric: q.metric, error: 'no' } : ok(q, q.workload.batch),
      );
    const req = request();
    const plan = await offlinePlan(planRanking(req), req, LLAMA, predictMany);
    expect(plan.runs.map((r) => r.hardware.id)).toEqual(['h100']);
    expect(plan.excluded).toEqual([
      expect.objectContaining({ code: 'does-not-fit', reason: expect.stringMatching(/^offline: no batch/) }),
    ]);
  });
});

describe('coalesce', () => {
  it('answers calls of one turn with one call, each with its own slice; errors reach every caller', async () => {
    const seen: number[] = [];
    const many = coalesce(async (qs) => {
      seen.push(qs.length);
      return qs.map((q) => ok(q, q.workload.batch));
    });
    const q = (batch: number) => ({ workload: { batch } }) as unknown as Query;
    const [a, b] = await Promise.all([many([q(1), q(2)]), many([q(3)])]);
    expect(seen).toEqual([3]);
    expect(a.map((p) => p.ok && p.value)).toEqual([1, 2]);
    expect(b.map((p) => p.ok && p.value)).toEqual([3]);
    const failing = coalesce(() => Promise.reject(new Error('boom')));
    await expect(Promise.all([failing([q(1)]), failing([q(2)])])).rejects.toThrow('boom');
  });
});
