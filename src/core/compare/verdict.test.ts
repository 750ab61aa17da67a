import { describe, expect, it } from 'vitest';
import { LLAMA2_7B } from '../roofline/fixtures.test-util.ts';
import { A100P, fakePredictions, H100P } from '../select/fixtures.test-util.ts';
import { planRanking, rankHardware, type RankRequest } from '../select/rank.ts';
import {
  compareVerdict,
  itemWord,
  ratioText,
  verdictRun,
  type VerdictDevice,
  type VerdictRun,
} from './verdict.ts';

const run = (over: Partial<VerdictRun>): VerdictRun => ({
  value: 100,
  unit: 'tokens/s',
  precision: 'bf16',
  devices: 1,
  phase: 'decode',
  bound: 'memory',
  peakTflops: 989.5,
  compute: 'bf16',
  bandwidthGbs: 3350,
  linkGbs: 450,
  cloudUsdHr: 2.97,
  purchaseUsd: null,
  usdPerMillion: 2.97 / (100 * 3600) / 1e-6,
  ...over,
});
const H100: VerdictDevice = { id: 'h100', name: 'H100', run: run({}), reason: null };
const H200: VerdictDevice = {
  id: 'h200',
  name: 'H200',
  run: run({ value: 140, bandwidthGbs: 4800, cloudUsdHr: 3.15, usdPerMillion: 3.15 / (140 * 3600) / 1e-6 }),
  reason: null,
};

describe('ratioText', () => {
  it('keeps two decimals under 2×, one under 10×, none above', () => {
    expect(ratioText(4800 / 3350)).toBe('1.43×');
    expect(ratioText(0.757)).toBe('0.76×');
    expect(ratioText(2.54)).toBe('2.5×');
    expect(ratioText(12.4)).toBe('12×');
  });
});

describe('compareVerdict', () => {
  it('memory-bound: names the bandwidth ratio and the cost per hour and per million tokens', () => {
    const v = compareVerdict([H100, H200], 'throughput', 'token');
    expect(v.best).toBe('h200');
    expect(v.sentences).toHaveLength(1);
    const s = v.sentences[0]!;
    expect(s).toContain('H200 delivers 1.40× the throughput of H100 here (140 vs 100 tokens/s)');
    expect(s).toContain(
      'decode is memory-bound on both and it has 1.43× the bandwidth (4.8 TB/s vs 3.35 TB/s)',
    );
    expect(s).toContain('it costs 1.06× per hour ($3.15/h vs $2.97/h)');
    expect(s).toContain('0.76× per million tokens');
  });

  it('compute-bound: names the compute peak at the precision', () => {
    const a: VerdictDevice = {
      id: 'a',
      name: 'A',
      run: run({ value: 300, bound: 'compute', phase: 'forward', peakTflops: 1979, compute: 'fp8' }),
      reason: null,
    };
    const b: VerdictDevice = {
      id: 'b',
      name: 'B',
      run: run({ value: 100, bound: 'compute', phase: 'forward', peakTflops: 660, compute: 'fp8' }),
      reason: null,
    };
    const s = compareVerdict([b, a], 'throughput').sentences[0]!;
    expect(s).toContain('A delivers 3.0× the throughput of B');
    expect(s).toContain('the forward pass is compute-bound on both and it has 3.0× the fp8 compute peak');
    expect(s).toContain('(1,980 TFLOPS vs 660 TFLOPS)');
  });

  it('different bounds and precisions are both said', () => {
    const a: VerdictDevice = {
      id: 'a',
      name: 'A',
      run: run({ value: 200, precision: 'fp8', compute: 'fp8' }),
      reason: null,
    };
    const b: VerdictDevice = {
      id: 'b',
      name: 'B',
      run: run({ value: 100, bound: 'compute', phase: 'prefill' }),
      reason: null,
    };
    const s = compareVerdict([a, b], 'throughput').sentences[0]!;
    expect(s).toContain('decode is memory-bound on A and prefill compute-bound on B');
    expect(s).toContain('it runs fp8 against bf16');
  });

  it('equal specs: the gap is the predicted efficiency', () => {
    const a: VerdictDevice = { id: 'a', name: 'A', run: run({ value: 130 }), reason: null };
    const b: VerdictDevice = { id: 'b', name: 'B', run: run({ value: 100 }), reason: null };
    const s = compareVerdict([a, b], 'throughput').sentences[0]!;
    expect(s).toContain('with the same bandwidth (3.35 TB/s)');
    expect(s).toContain('predicted efficiency');
  });

  it('latency: lower is better and says "faster"', () => {
    const a: VerdictDevice = { id: 'a', name: 'A', run: run({ value: 50 }), reason: null };
    const b: VerdictDevice = {
      id: 'b',
      name: 'B',
      run: run({ value: 80, bandwidthGbs: 2000 }),
      reason: null,
    };
    const v = compareVerdict([b, a], 'latency');
    expect(v.best).toBe('a');
    expect(v.sentences[0]).toContain('A is 1.60× faster than B here (latency 50 ms vs 80 ms)');
    expect(v.sentences[0]).toContain('1.68× the bandwidth');
  });

  it('about even: no winner claimed', () => {
    const a: VerdictDevice = { id: 'a', name: 'A', run: run({ value: 101 }), reason: null };
    const b: VerdictDevice = { id: 'b', name: 'B', run: run({ value: 100 }), reason: null };
    const s = compareVerdict([a, b], 'throughput').sentences[0]!;
    expect(s).toContain('A and B are about even here');
    expect(s).not.toContain('predicted efficiency');
    const c: VerdictDevice = {
      id: 'c',
      name: 'C',
      run: run({ value: 100, bandwidthGbs: 4800 }),
      reason: null,
    };
    expect(compareVerdict([a, c], 'throughput').sentences[0]).toContain(
      'decode is memory-bound on both; C has 1.43× the bandwidth (4.8 TB/s vs 3.35 TB/s), yet the predictions are level',
    );
  });

  it('missing prices: falls back to purchase prices, else names who has none', () => {
    const buy = (d: VerdictDevice, usd: number | null): VerdictDevice => ({
      ...d,
      run: { ...d.run!, cloudUsdHr: null, usdPerMillion: null, purchaseUsd: usd },
    });
    expect(compareVerdict([buy(H100, 30000), buy(H200, 36000)], 'throughput').sentences[0]).toContain(
      'it costs 1.20× to buy ($36,000 vs $30,000)',
    );
    expect(compareVerdict([buy(H100, 30000), buy(H200, null)], 'throughput').sentences[0]).toContain(
      'the catalog has no price for H200, so their costs cannot be compared',
    );
    expect(compareVerdict([H100, buy(H200, 36000)], 'throughput').sentences[0]).toContain(
      'their prices cannot be compared (H200: $36,000 to buy; H100: $2.97/h in the cloud)',
    );
  });

  it('a device that cannot run it gets its reason; one runnable device stands alone', () => {
    const no: VerdictDevice = { id: 'x', name: 'X', run: null, reason: 'fp16: needs 140 GB, 24 GB on X' };
    const v = compareVerdict([no, H100], 'throughput');
    expect(v.best).toBe('h100');
    expect(v.sentences).toEqual([
      'Only H100 can run this workload here (100 tokens/s).',
      'X cannot run this workload: fp16: needs 140 GB, 24 GB on X.',
    ]);
    const none = compareVerdict([no, { ...no, id: 'y', name: 'Y', reason: null }], 'throughput');
    expect(none.best).toBeNull();
    expect(none.sentences[0]).toBe('None of the chosen devices can run this workload.');
    expect(none.sentences[2]).toBe('Y cannot run this workload: no prediction.');
  });

  it('3+ devices: the best against each of the others', () => {
    const c: VerdictDevice = {
      id: 'c',
      name: 'C',
      run: run({ value: 50, bandwidthGbs: 1000 }),
      reason: null,
    };
    const v = compareVerdict([H100, H200, c], 'throughput');
    expect(v.best).toBe('h200');
    expect(v.sentences).toHaveLength(2);
    expect(v.sentences[1]).toContain('H200 delivers 2.8× the throughput of C');
  });
});

describe('verdictRun', () => {
  it('reads a ranked row: the dominant phase, its bound, the specs and the totals', () => {
    const req: RankRequest = {
      workload: { model: LLAMA2_7B, mode: 'inference', batch: 1, promptTokens: 128, genTokens: 128 },
      candidates: [H100P, A100P],
      precision: 'fp16',
      objective: 'throughput',
    };
    const ranking = rankHardware(
      req,
      fakePredictions(planRanking(req).queries, {
        h100: { throughput: 120, latency_ms: 1000, memory_mb: 14000 },
        a100: { throughput: 80, latency_ms: 1500, memory_mb: 14000 },
      }),
    );
    const row = ranking.ranked[0]!;
    const r = verdictRun(row, 'throughput')!;
    expect(r).toMatchObject({
      value: 120,
      unit: 'tokens/s',
      precision: 'fp16',
      devices: 1,
      phase: 'decode',
      bound: 'memory',
      bandwidthGbs: 3350,
      cloudUsdHr: 3,
      purchaseUsd: 30000,
    });
    expect(r.linkGbs).toBe(450);
    expect(verdictRun(row, 'latency')!.value).toBe(1000);
    expect(itemWord(row)).toBe('token');
    const v = compareVerdict(
      ranking.ranked.map((x) => ({
        id: x.hardware.id,
        name: x.hardware.name,
        run: verdictRun(x, 'throughput'),
        reason: null,
      })),
      'throughput',
      itemWord(row),
    );
    expect(v.sentences[0]).toContain('1.64× the bandwidth');
  });
});
