import { useQuery } from '@tanstack/react-query';
import type { BrowserEngine } from '../../adapters/engine-browser.ts';
import { BatchScaling } from '../../components/charts/batch-scaling.tsx';
import { MemoryBreakdown } from '../../components/charts/memory-breakdown.tsx';
import { RooflineChart } from '../../components/charts/roofline-chart.tsx';
import type { ModelRow } from '../../core/catalog/schema.ts';
import { perDeviceBreakdown } from '../../core/compare/memory.ts';
import { lengthSweep } from '../../core/compare/sweep.ts';
import { usableGb } from '../../core/roofline/capacity.ts';
import {
  batchScalingData,
  memoryBars,
  operatingPoints,
  rooflineData,
  type RooflineDevice,
} from '../../core/select/chart-data.ts';
import { itemUnit } from '../../core/select/plan.ts';
import { batchScalingQuery } from '../../queries/batch-scaling.ts';
import { lengthScalingQuery, type CompareResult } from '../../queries/compare.ts';

/** The compared devices drawn: batch and context-length curves, memory against capacity, the roofline. */
export function CompareCharts(props: {
  result: CompareResult;
  engine: BrowserEngine | undefined;
  model: ModelRow | null;
  compareKey: string;
}) {
  const { result, model } = props;
  const rows = result.entries.flatMap((e) => (e.row ? [e.row] : []));
  const first = rows[0];
  const sweep = first && model ? lengthSweep(model, first.workload.mode) : null;
  const key = `compare|${props.compareKey}`;
  const batch = useQuery(batchScalingQuery(result.kind, key, props.engine, rows, model));
  const length = useQuery(lengthScalingQuery(result.kind, key, props.engine, rows, model, sweep));

  const bars = memoryBars(
    result.entries.flatMap((e) => {
      const capacityGb = usableGb(e.hardware);
      const r = e.row;
      if (r) {
        const n = r.devicesNeeded;
        return [
          {
            id: e.hardware.id,
            label: n > 1 ? `${e.hardware.name} (each of ${n})` : e.hardware.name,
            memory: perDeviceBreakdown(r.estimate.memory, r.estimate.fit.perDeviceBytes),
            capacityGb,
          },
        ];
      }
      const f = result.footprints.get(e.hardware.id);
      return f
        ? [
            {
              id: e.hardware.id,
              label: `${e.hardware.name} (${f.precision}, does not run)`,
              memory: f.memory,
              capacityGb,
            },
          ]
        : [];
    }),
  );
  const precisions = [...new Set(rows.map((r) => r.precision))];
  const roofDevices: RooflineDevice[] = rows.flatMap((r) =>
    r.hardware.mem_bw_gbs
      ? [
          {
            id: r.hardware.id,
            label: precisions.length > 1 ? `${r.hardware.name} (${r.precision})` : r.hardware.name,
            peakTflops: r.estimate.peakTflops,
            bandwidthGbs: r.hardware.mem_bw_gbs,
          },
        ]
      : [],
  );
  const roof = rooflineData(
    roofDevices,
    rows.flatMap((r) => operatingPoints(r.estimate.phases, r.estimate.peakTflops, r.hardware.name)),
  );
  const unit = first ? itemUnit(first.workload) : 'items/s';
  const pending = (q: { isError: boolean; error: Error | null }, what: string) => (
    <p className="muted">{q.isError ? q.error?.message : `Predicting ${what}…`}</p>
  );
  return (
    <section aria-label="Charts" className="charts">
      <h2>Charts</h2>
      <div className="chart-grid">
        {rows.length > 0 &&
          (batch.data ? (
            <BatchScaling
              data={batchScalingData(batch.data)}
              metric="Throughput"
              unit={unit}
              title="Throughput by batch size"
              filename="rooflight-compare-batch"
            />
          ) : (
            pending(batch, 'batch scaling')
          ))}
        {rows.length > 0 &&
          sweep &&
          (length.data ? (
            <BatchScaling
              data={batchScalingData(length.data)}
              metric="Throughput"
              unit={unit}
              title={`Throughput by ${sweep.name}`}
              filename="rooflight-compare-length"
              xName={sweep.name}
              xLabel={sweep.label}
            />
          ) : (
            pending(length, `${sweep.name} scaling`)
          ))}
        {bars.length > 0 && (
          <MemoryBreakdown
            bars={bars}
            title="Memory per device against its capacity"
            filename="rooflight-compare-memory"
          />
        )}
        {roofDevices.length > 0 && (
          <RooflineChart
            data={roof}
            precision={precisions.length === 1 ? precisions[0]! : 'each device’s precision'}
            title="Each device on its roofline"
            filename="rooflight-compare-roofline"
          />
        )}
      </div>
    </section>
  );
}
