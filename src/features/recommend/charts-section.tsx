import { useQuery } from '@tanstack/react-query';
import type { BrowserEngine } from '../../adapters/engine-browser.ts';
import { BatchScaling } from '../../components/charts/batch-scaling.tsx';
import { MemoryBreakdown } from '../../components/charts/memory-breakdown.tsx';
import { ParetoChart } from '../../components/charts/pareto-chart.tsx';
import { RankedBars } from '../../components/charts/ranked-bars.tsx';
import { RooflineChart } from '../../components/charts/roofline-chart.tsx';
import type { ModelRow } from '../../core/catalog/schema.ts';
import {
  batchScalingData,
  memoryBarsFromRanking,
  operatingPoints,
  paretoPoints,
  rankedBarData,
  rooflineData,
  rooflineDevices,
} from '../../core/select/chart-data.ts';
import { itemUnit } from '../../core/select/plan.ts';
import { batchScalingQuery } from '../../queries/batch-scaling.ts';
import type { RankingResult } from '../../queries/ranking.ts';

const BAR_ROWS = 12;
const DETAIL_ROWS = 3;

/** The ranking drawn: objective bars, cost vs throughput, memory, batch scaling and the roofline of the top devices. */
export function ChartsSection(props: {
  result: RankingResult;
  engine: BrowserEngine | undefined;
  model: ModelRow | null;
  rankKey: string;
}) {
  const { ranking } = props.result;
  const top = ranking.ranked.slice(0, DETAIL_ROWS);
  const scaling = useQuery(
    batchScalingQuery(props.result.kind, props.rankKey, props.engine, top, props.model),
  );
  if (ranking.ranked.length === 0) return null;
  const first = ranking.ranked[0]!;
  const unit = itemUnit(first.workload);
  const basis = first.cost.purchaseUsd !== null ? 'purchase' : 'cloud';
  const roof = rooflineData(
    rooflineDevices(
      top.map((r) => r.hardware),
      first.precision,
    ),
    top.flatMap((r) => operatingPoints(r.estimate.phases, r.estimate.peakTflops, r.hardware.name)),
  );
  return (
    <section aria-label="Charts" className="charts">
      <h2>Charts</h2>
      <div className="chart-grid">
        <RankedBars
          series={rankedBarData({ objective: ranking.objective, ranked: ranking.ranked.slice(0, BAR_ROWS) })}
        />
        <ParetoChart points={paretoPoints(ranking.ranked, basis)} basis={basis} unit={unit} logScale />
        <MemoryBreakdown bars={memoryBarsFromRanking(ranking.ranked.slice(0, 8))} />
        {scaling.data ? (
          <BatchScaling
            data={batchScalingData(scaling.data)}
            metric="Throughput"
            unit={unit}
            title={`Throughput by batch size (${top.length} top devices)`}
          />
        ) : (
          <p className="muted">{scaling.isError ? scaling.error.message : 'Predicting batch scaling…'}</p>
        )}
        <RooflineChart data={roof} precision={first.precision} />
      </div>
    </section>
  );
}
