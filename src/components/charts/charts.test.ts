import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  batchScalingData,
  memoryBarsFromRanking,
  operatingPoints,
  paretoPoints,
  rankedBarData,
  rooflineData,
  rooflineDevices,
} from '../../core/select/chart-data.ts';
import { A100P, fakePredictions, H100P, RTX, XEONP } from '../../core/select/fixtures.test-util.ts';
import { planRanking, rankHardware, type RankRequest } from '../../core/select/rank.ts';
import { LLAMA2_7B } from '../../core/roofline/fixtures.test-util.ts';
import { BatchScaling } from './batch-scaling.tsx';
import { MemoryBreakdown } from './memory-breakdown.tsx';
import { ParetoChart } from './pareto-chart.tsx';
import { RankedBars } from './ranked-bars.tsx';
import { RooflineChart } from './roofline-chart.tsx';

const req: RankRequest = {
  workload: { model: LLAMA2_7B, mode: 'inference', batch: 1 },
  candidates: [H100P, A100P, RTX, XEONP],
  precision: 'fp16',
  objective: 'throughput',
};
const ranking = rankHardware(
  req,
  fakePredictions(planRanking(req).queries, {
    h100: { latency_ms: 600, throughput: 1000, memory_mb: 14000 },
    a100: { latency_ms: 900, throughput: 600, memory_mb: 14000 },
    rtx: { latency_ms: 1500, throughput: 400, memory_mb: 14000 },
    xeon: { latency_ms: 20000, throughput: 30, memory_mb: 14000 },
  }),
);
const top = ranking.ranked[0]!;

/** The accessible name of the `role="img"` wrapper and the figure caption in static markup. */
function a11y(el: ReactElement) {
  const html = renderToStaticMarkup(el);
  const label = /role="img" aria-label="([^"]*)"/.exec(html)?.[1] ?? '';
  const caption = /<figcaption[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
  return { html, label, caption };
}

describe('charts render to static markup with an accessible name', () => {
  it('RankedBars', () => {
    const r = a11y(h(RankedBars, { series: rankedBarData(ranking) }));
    expect(r.caption).toBe('Throughput by device');
    expect(r.label).toMatch(
      /^Bar chart: throughput \(items\/s\) for 4 devices.*best H100 SXM5 80GB at 1,000/,
    );
    expect(r.html).toMatch(/<summary>Export<\/summary>/);
    expect(r.html).toContain('recharts-wrapper');
  });

  it('BatchScaling', () => {
    const data = batchScalingData(
      [1, 8, 32].flatMap((batch) => [
        { device: 'h100', label: 'H100', batch, value: 100 * batch },
        { device: 'a100', label: 'A100', batch, value: 60 * batch },
      ]),
    );
    const r = a11y(h(BatchScaling, { data, metric: 'Throughput', unit: 'items/s' }));
    expect(r.caption).toBe('Throughput vs batch size');
    expect(r.label).toBe(
      'Line chart: throughput (items/s) against batch size 1, 8, 32 for 2 devices: H100, A100',
    );
  });

  it('ParetoChart', () => {
    const r = a11y(h(ParetoChart, { points: paretoPoints(ranking.ranked, 'purchase'), basis: 'purchase' }));
    expect(r.caption).toBe('Throughput vs purchase price');
    expect(r.label).toMatch(
      /for 4 devices; Pareto front: RTX test 24GB \(\$1,600, 400 items\/s\), A100 SXM4 80GB \(\$15,000, 600 items\/s\), H100 SXM5 80GB \(\$30,000, 1,000 items\/s\)$/,
    );
  });

  it('MemoryBreakdown', () => {
    const r = a11y(h(MemoryBreakdown, { bars: memoryBarsFromRanking(ranking.ranked) }));
    expect(r.caption).toBe('Memory footprint by device');
    expect(r.label).toMatch(/^Stacked bar chart: memory \(GB\).*H100 SXM5 80GB 1\d\.?\d* of 85.9 GB/);
  });

  it('RooflineChart', () => {
    const devices = rooflineDevices([H100P, A100P], 'fp16');
    const pts = operatingPoints(top.estimate.phases, top.estimate.peakTflops, 'H100');
    const r = a11y(h(RooflineChart, { data: rooflineData(devices, pts), precision: 'fp16' }));
    expect(r.caption).toBe('Roofline at fp16');
    expect(r.label).toMatch(
      /^Log-log roofline chart at fp16.*H100 SXM5 80GB \(roof 989 TFLOPS.*operating points: H100 · /,
    );
  });
});
