import { describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../catalog/schema.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { A100, H100, LLAMA2_7B, measurementRow, RESNET50, V100 } from '../roofline/fixtures.test-util.ts';
import type { Workload } from '../roofline/workload.ts';
import { boundSentence, compareSentence, confidenceSentence, explainRanking } from './explain.ts';
import { fakePredictions } from './fixtures.test-util.ts';
import { planRanking, rankHardware, type RankRequest } from './rank.ts';
import { whatIfSentences } from './what-if.ts';

const decode: Workload = {
  model: LLAMA2_7B,
  mode: 'inference',
  batch: 1,
  precision: 'fp16',
  nDevices: 1,
  promptTokens: 1,
  genTokens: 128,
};

function ranked(req: RankRequest, table: Parameters<typeof fakePredictions>[1]) {
  return rankHardware(req, fakePredictions(planRanking(req).queries, table));
}

describe('bound sentences', () => {
  it('Llama-2-7B fp16 decode on H100 SXM (3.35 TB/s): 13.5 GB per token → ≤ 248 tokens/s', () => {
    const est = rooflineEstimate(decode, H100);
    if (!est.ok) throw new Error(est.reason);
    expect(boundSentence(decode, H100, est)).toBe(
      'decode is memory-bound: 13.5 GB of weights read per token at 3.35 TB/s → ≤ 248 tokens/s (≥ 4.03 ms per token)',
    );
  });

  it('names the KV cache when it is a visible share of the bytes', () => {
    const w = { ...decode, batch: 8, promptTokens: 2048 };
    const est = rooflineEstimate(w, H100);
    if (!est.ok) throw new Error(est.reason);
    expect(boundSentence(w, H100, est)).toMatch(
      /^decode is memory-bound at batch 8: 13.5 GB of weights \+ 8.86 GB of KV cache read per step \(8 tokens\) at 3.35 TB\/s → ≤ 1,200 tokens\/s \(≥ 6.67 ms per step\)$/,
    );
  });

  it('ResNet-50 fp16 at batch 64 on H100 is compute-bound', () => {
    const w: Workload = { model: RESNET50, mode: 'inference', batch: 64, precision: 'fp16', nDevices: 1 };
    const est = rooflineEstimate(w, H100);
    if (!est.ok) throw new Error(est.reason);
    // 8.2 GFLOP × 64 = 525 GFLOP at 989.4 TFLOPS → 530 µs
    expect(boundSentence(w, H100, est)).toBe(
      'compute-bound at batch 64: 525 GFLOP per step at 989 TFLOPS fp16 → ≥ 530 µs (≤ 121,000 items/s)',
    );
  });
});

describe('top pick vs runner-up', () => {
  const vision: RankRequest = {
    workload: { model: RESNET50, mode: 'inference', batch: 64 },
    candidates: [H100, A100],
    precision: 'fp16',
    objective: 'throughput',
  };
  const table = {
    h100: { throughput: 56000, latency_ms: 1.14 },
    a100: { throughput: 20000, latency_ms: 3.2 },
  };

  it('compute-bound: the fp16 peak ratio', () => {
    const r = ranked(vision, table);
    expect(compareSentence(r.ranked[0]!, r.ranked[1]!, 'throughput')).toBe(
      '2.8× the throughput of A100 SXM4 80GB (56,000 vs 20,000 items/s): compute-bound at batch 64 and 3.2× the fp16 peak (989 TFLOPS vs 312)',
    );
    const l = ranked({ ...vision, objective: 'latency' }, table);
    expect(compareSentence(l.ranked[0]!, l.ranked[1]!, 'latency')).toMatch(
      /^2\.8× faster than A100 SXM4 80GB \(1\.14 ms vs 3\.2 ms\)/,
    );
  });

  it('memory-bound decode: the bandwidth ratio', () => {
    const r = ranked(
      { workload: { ...decode }, candidates: [H100, A100], precision: 'fp16', objective: 'latency' },
      { h100: { latency_ms: 700, throughput: 180 }, a100: { latency_ms: 1100, throughput: 115 } },
    );
    expect(compareSentence(r.ranked[0]!, r.ranked[1]!, 'latency')).toBe(
      '1.6× faster than A100 SXM4 80GB (700 ms vs 1,100 ms): decode memory-bound on both: 1.6× the bandwidth (3.35 TB/s vs 2.04 TB/s)',
    );
  });
});

describe('what would change the answer', () => {
  it('larger batch, lower precision, more devices — with numbers', () => {
    const r = ranked(
      { workload: { ...decode }, candidates: [H100, V100], precision: 'fp16', objective: 'throughput' },
      { h100: { throughput: 180, latency_ms: 700 }, v100: { throughput: 50, latency_ms: 2500 } },
    );
    const [batch, prec, devices] = whatIfSentences(r.ranked[0]!, 'throughput');
    expect(batch).toMatch(
      /^batch 8 instead of 1: roofline throughput ≤ 24\d → 1,9\d\d tokens\/s \(7\.\d×\), ≈ 1,\d{3} tokens\/s at the same efficiency/,
    );
    expect(prec).toMatch(/^fp8 instead of fp16: roofline throughput ≤ 24\d → 49\d tokens\/s \(2\.0×\)/);
    expect(devices).toMatch(/^2 devices instead of 1: roofline throughput ≤ 24\d → \d+ tokens\/s/);
    // V100 has no fp8 or int8 in the catalog; int4 weight-only is the lower precision it can run
    expect(whatIfSentences(r.ranked[1]!, 'throughput')[1]).toMatch(/^int4 instead of fp16/);
  });
});

describe('confidence', () => {
  const row = (over: Partial<MeasurementRow>) =>
    measurementRow({
      source_id: 's',
      source_file: 'f',
      hardware_id: 'h100',
      model_id: 'llama-2-7b',
      batch_size: 1,
      gen_tokens: 128,
      metric: 'decode_tokens_s',
      value: 170,
      unit: 'tokens/s',
      ...over,
    });
  const r = ranked(
    { workload: { ...decode }, candidates: [H100], precision: 'fp16', objective: 'throughput' },
    { h100: { throughput: 180, latency_ms: 700 } },
  );

  it('interval width, layer and the nearest measurement', () => {
    const s = confidenceSentence(r.top!, 'throughput', [
      row({ model_id: 'llama-2-13b', batch_size: 8, value: 500 }),
      row({}),
      row({ hardware_id: 'a100' }),
    ]);
    expect(s).toBe(
      '80% interval 144–216 tokens/s (±20%), learned efficiency model; 2 measurements of llama-2 (2 models) on H100 SXM5 80GB; nearest: llama-2-7b fp16 batch 1 decode_tokens_s = 170 tokens/s (same model, same precision, same batch)',
    );
  });

  it('says when there are none', () => {
    expect(confidenceSentence(r.top!, 'throughput', [row({ hardware_id: 'a100' })])).toMatch(
      /no measurements of llama-2 on H100 SXM5 80GB in the snapshot$/,
    );
  });

  it('explainRanking fills every part for every row', () => {
    const e = explainRanking(r, [row({})]);
    expect(e).toHaveLength(1);
    expect(e[0]!.phases).toHaveLength(2);
    expect(e[0]!.phases[0]).toMatch(/^prefill is /);
    expect(e[0]!.versusNext).toBeNull();
    expect(e[0]!.whatIf).toHaveLength(3);
  });
});
