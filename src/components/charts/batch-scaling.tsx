import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { BatchScalingData } from '../../core/select/chart-data.ts';
import { sig3 } from '../../core/select/format.ts';
import { ChartFrame } from './chart-frame.tsx';
import { colorAt } from './chart-theme.ts';

/**
 * A metric against batch size, one line per device (log₂ batch axis).
 * - `data`: from `batchScalingData(points)` — devices and wide rows `{batch, [deviceKey]: value | null}`.
 * - `metric` / `unit`: e.g. "Throughput" / "items/s" or "Latency" / "ms".
 */
export function BatchScaling({
  data,
  metric,
  unit,
  title,
  filename = 'rooflight-batch-scaling',
}: {
  data: BatchScalingData;
  metric: string;
  unit: string;
  title?: string;
  filename?: string;
}) {
  const batches = data.rows.map((r) => r.batch);
  const legend = data.devices.map((d, i) => ({ label: d.label, color: colorAt(i) }));
  const label =
    `Line chart: ${metric.toLowerCase()} (${unit}) against batch size ${batches.join(', ')} for ` +
    `${data.devices.length} device${data.devices.length === 1 ? '' : 's'}: ${data.devices.map((d) => d.label).join(', ')}`;
  return (
    <ChartFrame
      title={title ?? `${metric} vs batch size`}
      label={label}
      filename={filename}
      legend={legend}
      csv={{ columns: ['batch', ...data.devices.map((d) => d.key)], rows: data.rows }}
    >
      <LineChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={data.rows}
        margin={{ top: 8, right: 24, bottom: 24, left: 28 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="batch"
          type="number"
          scale="log"
          domain={['dataMin', 'dataMax']}
          ticks={batches}
          label={{ value: 'Batch size (items, log scale)', position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          width={72}
          tickFormatter={(v: number) => sig3(v)}
          label={{
            value: `${metric} (${unit})`,
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle' },
          }}
        />
        <Tooltip
          labelFormatter={(b) => `batch ${String(b)}`}
          formatter={(v) => `${sig3(Number(v))} ${unit}`}
        />
        <Legend verticalAlign="top" itemSorter={null} />
        {data.devices.map((d, i) => (
          <Line
            key={d.key}
            dataKey={d.key}
            name={d.label}
            stroke={colorAt(i)}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
