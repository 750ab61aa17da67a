import { describe, expect, it } from 'vitest';
import { LLAMA2_70B, LLAMA2_7B } from '../roofline/fixtures.test-util.ts';
import { A100P, fakePredictions, H100P, RTX, V100P, XEONP } from './fixtures.test-util.ts';
import { SAMPLE_PROFILE } from '../lab/fixtures.test-util.ts';
import { browserDevices } from '../lab/profile.ts';
import { planRanking, rankHardware, type RankRequest } from './rank.ts';

const llm = { model: LLAMA2_7B, mode: 'inference' as const, batch: 1, promptTokens: 128, genTokens: 128 };
const PRED = {
  h100: {
    latency_ms: 600,
    throughput: 1000,
    memory_mb: 14000,
    ttft_ms: 20,
    tpot_ms: 4.5,
    decode_tokens_s: 220,
  },
  a100: {
    latency_ms: 900,
    throughput: 600,
    memory_mb: 14000,
    ttft_ms: 40,
    tpot_ms: 6.8,
    decode_tokens_s: 147,
  },
  v100: {
    latency_ms: 2000,
    throughput: 300,
    memory_mb: 14000,
    ttft_ms: 90,
    tpot_ms: 15,
    decode_tokens_s: 66,
  },
  rtx: { latency_ms: 1500, throughput: 400, memory_mb: 14000, ttft_ms: 60, tpot_ms: 11, decode_tokens_s: 90 },
  xeon: {
    latency_ms: 20000,
    throughput: 30,
    memory_mb: 14000,
    ttft_ms: 900,
    tpot_ms: 150,
    decode_tokens_s: 6.7,
  },
};

function rank(over: Partial<RankRequest>) {
  const req: RankRequest = {
    workload: llm,
    candidates: [H100P, A100P, V100P, RTX, XEONP],
    precision: 'fp16',
    objective: 'throughput',
    ...over,
  };
  return rankHardware(req, fakePredictions(planRanking(req).queries, PRED));
}
const ids = (r: ReturnType<typeof rank>) => r.ranked.map((x) => x.hardware.id);
const excl = (r: ReturnType<typeof rank>, id: string) => r.excluded.find((e) => e.hardware.id === id);

describe('rankHardware objectives', () => {
  it('throughput: highest first, with top pick and two fallbacks', () => {
    const r = rank({});
    expect(ids(r)).toEqual(['h100', 'a100', 'rtx', 'v100', 'xeon']);
    expect(r.top?.hardware.id).toBe('h100');
    expect(r.fallbacks.map((x) => x.hardware.id)).toEqual(['a100', 'rtx']);
    expect(r.ranked[0]!.rank).toBe(1);
  });

  it('latency: lowest first', () => {
    expect(ids(rank({ objective: 'latency' }))).toEqual(['h100', 'a100', 'rtx', 'v100', 'xeon']);
    expect(rank({ objective: 'latency' }).top?.score).toBe(600);
  });

  it('throughput_per_dollar: purchase basis; missing prices are excluded, not scored 0', () => {
    const r = rank({ objective: 'throughput_per_dollar' });
    // rtx 400/1600 = 0.25, a100 600/15000 = 0.04, h100 1000/30000 = 0.033, xeon 30/10000 = 0.003
    expect(ids(r)).toEqual(['rtx', 'a100', 'h100', 'xeon']);
    expect(excl(r, 'v100')).toMatchObject({ code: 'missing-price' });
    expect(excl(r, 'v100')!.reason).toMatch(/no purchase price/);
  });

  it('throughput_per_dollar on cloud basis', () => {
    const r = rank({ objective: 'throughput_per_dollar', costBasis: 'cloud' });
    // a100 600/1.8 = h100 1000/3 = 333.3 items/s per $/h: a tie, broken by id
    expect(ids(r)).toEqual(['a100', 'h100']);
    expect(r.excluded.map((e) => e.hardware.id)).toEqual(['rtx', 'v100', 'xeon']);
    expect(r.top!.scoreUnit).toBe('items/s per $/h');
  });

  it('throughput_per_watt: missing TDP excluded', () => {
    const r = rank({ objective: 'throughput_per_watt' });
    // a100 600/400 = 1.5, h100 1000/700 = 1.43, v100 300/300 = 1, rtx 400/450 = 0.89
    expect(ids(r)).toEqual(['a100', 'h100', 'v100', 'rtx']);
    expect(excl(r, 'xeon')).toMatchObject({ code: 'missing-power' });
  });

  it('reports costs, power and intervals', () => {
    const h = rank({}).top!;
    expect(h.cost.purchaseUsd).toBe(30000);
    expect(h.cost.cloudUsdHr).toBe(3);
    expect(h.cost.usdPerMillionItems).toBeCloseTo((3 / (1000 * 3600)) * 1e6, 6);
    expect(h.powerW).toBe(700);
    expect(h.throughputPerW).toBeCloseTo(1000 / 700);
    expect(h.throughput).toMatchObject({ value: 1000, low: 800, high: 1200, layer: 'learned' });
    expect(h.metrics.decode_tokens_s?.value).toBe(220);
    expect(h.fitLabel).toBe('fits on 1 device');
  });
});

describe('rankHardware constraints', () => {
  it('maxLatencyMs and minThroughput exclude with the numbers', () => {
    const r = rank({ constraints: { maxLatencyMs: 1000, minThroughput: 500 } });
    expect(ids(r)).toEqual(['h100', 'a100']);
    expect(excl(r, 'rtx')!.reason).toBe('latency 1,500 ms > max 1,000 ms');
    const t = rank({ constraints: { minThroughput: 500 } });
    expect(excl(t, 'rtx')!.reason).toBe('throughput 400 < min 500 items/s');
  });

  it('minMemoryGb, maxPriceUsd, maxCloudUsdHr, maxPowerW, platforms', () => {
    expect(excl(rank({ constraints: { minMemoryGb: 40 } }), 'v100')!.reason).toBe('memory 16 GB < min 40 GB');
    expect(excl(rank({ constraints: { minMemoryGb: 40 } }), 'xeon')!.reason).toMatch(/memory unknown/);
    const p = rank({ constraints: { maxPriceUsd: 20000 } });
    expect(ids(p)).toEqual(['a100', 'rtx', 'xeon']);
    expect(excl(p, 'h100')!.reason).toBe('price $30,000 > max $20,000');
    expect(excl(p, 'v100')!.reason).toBe('price unknown in the catalog');
    expect(ids(rank({ constraints: { maxCloudUsdHr: 2 } }))).toEqual(['a100']);
    expect(excl(rank({ constraints: { maxPowerW: 350 } }), 'h100')!.reason).toBe('power 700 W > max 350 W');
    const plat = rank({ constraints: { platforms: ['consumer-gpu', 'cpu'] } });
    expect(ids(plat)).toEqual(['rtx', 'xeon']);
    expect(excl(plat, 'h100')!.reason).toMatch(/platform datacenter-gpu is not among consumer-gpu, cpu/);
  });

  it('unsupported precision and does-not-fit exclusions; needs-N-devices rows', () => {
    const r = rank({ precision: 'fp8' });
    expect(excl(r, 'a100')).toMatchObject({ code: 'unsupported-precision' });
    expect(excl(r, 'a100')!.reason).toMatch(/no fp8 support/);
    const big = rank({ workload: { ...llm, model: LLAMA2_70B }, constraints: { maxDevices: 4 } });
    expect(excl(big, 'v100')).toMatchObject({ code: 'does-not-fit' });
    expect(excl(big, 'v100')!.reason).toMatch(/needs 9 × 16 GB devices.*more than the 4 allowed/);
    const h = big.ranked.find((x) => x.hardware.id === 'h100')!;
    expect(h).toMatchObject({ devicesNeeded: 2, fit: 'needs-devices', fitLabel: 'needs 2 devices' });
    expect(h.cost.purchaseUsd).toBe(60000);
    expect(h.powerW).toBe(1400);
  });

  it('never shards over browser pages: a model over the page memory does not fit', () => {
    const [webgpu] = browserDevices({ ...SAMPLE_PROFILE, memoryGb: 8 });
    const r = rank({
      candidates: [webgpu!, H100P],
      precision: 'fp32',
      workload: { ...llm, model: LLAMA2_70B },
    });
    expect(excl(r, 'this-browser-webgpu')).toMatchObject({ code: 'does-not-fit' });
    expect(excl(r, 'this-browser-webgpu')!.reason).toMatch(/more than the 8 GB this browser gives one page/);
  });

  it('devices without predictions are excluded, not ranked', () => {
    const req: RankRequest = {
      workload: llm,
      candidates: [H100P, A100P],
      precision: 'fp16',
      objective: 'throughput',
    };
    const r = rankHardware(req, fakePredictions(planRanking(req).queries, { h100: PRED.h100 }));
    expect(ids(r)).toEqual(['h100']);
    expect(r.excluded[0]).toMatchObject({ code: 'no-prediction' });
  });
});

describe("'best' precision and determinism", () => {
  it('fp8 on Hopper, bf16 on Ampere, fp16 on Volta, bf16 on CPU; int8 on CPU when quantization is allowed', () => {
    const pick = (allowQuantized: boolean) =>
      Object.fromEntries(
        planRanking({
          workload: llm,
          candidates: [H100P, A100P, V100P, XEONP],
          precision: 'best',
          objective: 'throughput',
          allowQuantized,
        }).runs.map((r) => [r.hardware.id, r.precision]),
      );
    expect(pick(false)).toEqual({ h100: 'fp8', a100: 'bf16', v100: 'fp16', xeon: 'bf16' });
    expect(pick(true)).toEqual({ h100: 'fp8', a100: 'int8', v100: 'fp16', xeon: 'int8' });
  });

  it('prefers the precision needing fewer devices', () => {
    const plan = planRanking({
      workload: { ...llm, model: LLAMA2_70B },
      candidates: [H100P],
      precision: 'best',
      objective: 'latency',
      precisionCandidates: ['fp32', 'fp16', 'fp8'],
    });
    expect(plan.runs[0]).toMatchObject({ precision: 'fp8', devicesNeeded: 1 });
  });

  it('breaks exact ties by id, whatever the input order', () => {
    const twinA = { ...A100P, id: 'a100-b' };
    const twinB = { ...A100P, id: 'a100-a' };
    const table = { 'a100-a': PRED.a100, 'a100-b': PRED.a100, h100: PRED.h100 };
    const run = (c: RankRequest['candidates']) => {
      const req: RankRequest = { workload: llm, candidates: c, precision: 'fp16', objective: 'throughput' };
      return rankHardware(req, fakePredictions(planRanking(req).queries, table)).ranked.map(
        (x) => x.hardware.id,
      );
    };
    expect(run([twinA, H100P, twinB])).toEqual(['h100', 'a100-a', 'a100-b']);
    expect(run([twinB, twinA, H100P])).toEqual(['h100', 'a100-a', 'a100-b']);
  });
});
