import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { H100, LLAMA2_7B, V100 } from '../roofline/fixtures.test-util.ts';
import {
  attainableTflops,
  batchScalingData,
  decadeTicks,
  memoryBarsFromRanking,
  paretoFront,
  paretoPoints,
  rankedBarData,
  ridgeIntensity,
  rooflineData,
  rooflineDevices,
  type ParetoPoint,
} from './chart-data.ts';
import { A100P, fakePredictions, H100P, RTX, XEONP } from './fixtures.test-util.ts';
import { planRanking, rankHardware, type Objective, type RankRequest } from './rank.ts';

const PRED = {
  h100: { latency_ms: 600, throughput: 1000, memory_mb: 14000 },
  a100: { latency_ms: 900, throughput: 600, memory_mb: 14000 },
  rtx: { latency_ms: 1500, throughput: 400, memory_mb: 14000 },
  xeon: { latency_ms: 20000, throughput: 30, memory_mb: 14000 },
};
function ranking(objective: Objective) {
  const req: RankRequest = {
    workload: { model: LLAMA2_7B, mode: 'inference', batch: 1 },
    candidates: [H100P, A100P, RTX, XEONP],
    precision: 'fp16',
    objective,
  };
  return rankHardware(req, fakePredictions(planRanking(req).queries, PRED));
}

describe('rankedBarData', () => {
  it('latency: the latency with its interval, in rank order', () => {
    const s = rankedBarData(ranking('latency'));
    expect(s).toMatchObject({ metric: 'Latency', unit: 'ms', lowerIsBetter: true });
    expect(s.data.map((d) => d.id)).toEqual(['h100', 'a100', 'rtx', 'xeon']);
    expect(s.data[0]).toMatchObject({ value: 600, low: 480, high: 720 });
    expect(s.data[0]!.error[0]).toBeCloseTo(120);
  });

  it('ratio objectives scale the throughput interval by the score', () => {
    const s = rankedBarData(ranking('throughput_per_dollar'));
    expect(s.unit).toBe('items/s per $');
    const rtx = s.data[0]!;
    expect(rtx.id).toBe('rtx');
    expect(rtx.value).toBeCloseTo(0.25);
    expect(rtx.low).toBeCloseTo(0.2);
    expect(rtx.high).toBeCloseTo(0.3);
  });
});

describe('batchScalingData', () => {
  it('pivots to one row per batch, one column per device, nulls where not predicted', () => {
    const d = batchScalingData([
      { device: 'a', label: 'A', batch: 8, value: 80 },
      { device: 'a', batch: 1, value: 10 },
      { device: 'b', batch: 1, value: 12 },
      { device: 'b', batch: 8, value: null },
      { device: 'b', batch: 0, value: 3 },
    ]);
    expect(d.devices).toEqual([
      { key: 'a', label: 'A' },
      { key: 'b', label: 'b' },
    ]);
    expect(d.rows).toEqual([
      { batch: 1, a: 10, b: 12 },
      { batch: 8, a: 80, b: null },
    ]);
  });
});

describe('paretoFront', () => {
  const p = (id: string, cost: number, throughput: number): ParetoPoint => ({
    id,
    label: id,
    cost,
    throughput,
  });

  it('keeps the non-dominated points, sorted by cost', () => {
    const pts = [p('a', 10, 100), p('b', 5, 50), p('c', 20, 90), p('d', 30, 300), p('e', 5, 40)];
    expect(paretoFront(pts).map((x) => x.id)).toEqual(['b', 'a', 'd']);
  });

  it('keeps exact duplicates on the front', () => {
    expect(paretoFront([p('a', 1, 1), p('b', 1, 1), p('c', 2, 1)]).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('no front point is dominated, and every other point is', () => {
    const arb = fc.array(
      fc.record({ cost: fc.integer({ min: 0, max: 20 }), throughput: fc.integer({ min: 0, max: 20 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const pts = raw.map((r, i) => p(String(i), r.cost, r.throughput));
        const front = new Set(paretoFront(pts));
        const dominates = (x: ParetoPoint, y: ParetoPoint) =>
          x.cost <= y.cost &&
          x.throughput >= y.throughput &&
          (x.cost < y.cost || x.throughput > y.throughput);
        for (const q of pts) expect(pts.some((o) => dominates(o, q))).toBe(!front.has(q));
      }),
    );
  });

  it('paretoPoints takes the chosen cost basis and skips rows without it', () => {
    const r = ranking('throughput').ranked;
    expect(paretoPoints(r, 'purchase').map((x) => x.id)).toEqual(['h100', 'a100', 'rtx', 'xeon']);
    expect(paretoPoints(r, 'cloud').map((x) => x.id)).toEqual(['h100', 'a100']);
    expect(paretoPoints(r, 'power').find((x) => x.id === 'xeon')).toBeUndefined();
  });
});

describe('memoryBarsFromRanking', () => {
  it('parts in GB sum to the total, with capacity', () => {
    const [h100] = memoryBarsFromRanking(ranking('throughput').ranked);
    const sum =
      h100!.weights + h100!.kvCache + h100!.activations + h100!.gradients + h100!.optimizer + h100!.overhead;
    expect(sum).toBeCloseTo(h100!.totalGb);
    expect(h100!.weights).toBeGreaterThan(13);
    expect(h100!.capacityGb).toBeCloseTo(85.9, 1); // 80 GiB
  });
});

describe('roofline ceilings', () => {
  it('peak at the precision, slope below the ridge', () => {
    const [h] = rooflineDevices([H100, V100], 'fp8');
    expect(rooflineDevices([H100, V100], 'fp8')).toHaveLength(1);
    expect(h!.peakTflops).toBeCloseTo(1978.9);
    expect(ridgeIntensity(h!)).toBeCloseTo((1978.9 * 1000) / 3350);
    expect(attainableTflops(h!, 1)).toBeCloseTo(3.35);
    expect(attainableTflops(h!, 1e4)).toBeCloseTo(1978.9);
  });

  it('domain covers ridges and points; ceilings bend at the ridge', () => {
    const devs = rooflineDevices([H100, V100], 'fp16');
    const d = rooflineData(devs, [{ label: 'decode', intensity: 1, tflops: 3 }]);
    expect(d.xDomain).toEqual([0.1, 1000]);
    const c = d.ceilings[0]!;
    expect(c.points.map((p) => p.x)).toEqual([0.1, c.ridge, 1000]);
    expect(c.points[1]!.y).toBeCloseTo(989.4);
    expect(d.yDomain[0]).toBeLessThanOrEqual(0.1);
    expect(decadeTicks(d.xDomain)).toEqual([0.1, 1, 10, 100, 1000].map((v) => expect.closeTo(v)));
  });
});
