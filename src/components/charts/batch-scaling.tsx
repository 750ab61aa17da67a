import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { BatchScalingData } from '../../core/select/chart-data.ts';
import { sig3 } from '../../core/format.ts';
import { ChartFrame } from './chart-frame.tsx';
import { colorAt } from './chart-theme.ts';

/**
 * A metric against batch size, one line per device (log₂ batch axis).
 * - `data`: from `batchScalingData(points)` — devices and wide rows `{batch, [deviceKey]: value | null}`.
 * - `metric` / `unit`: e.g. "Throughput" / "items/s" or "Latency" / "ms".
 * - `xName` / `xLabel`: what the x values are when they are not batch sizes (e.g. "prompt tokens"), for the
 *   axis, tooltip, description and the CSV's first column.
 */
export function BatchScaling({
  data,
  metric,
  unit,
  title,
  filename = 'rooflight-batch-scaling',
  xName = 'batch size',
  xLabel = 'Batch size (items, log scale)',
}: {
  data: BatchScalingData;
  metric: string;
  unit: string;
  title?: string;
  filename?: string;
  xName?: string;
  xLabel?: string;
}) {
  const batches = data.rows.map((r) => r.batch);
  const legend = data.devices.map((d, i) => ({ label: d.label, color: colorAt(i) }));
  const xColumn = xName === 'batch size' ? 'batch' : xName.replaceAll(' ', '_');
  const csv = {
    columns: [xColumn, ...data.devices.map((d) => d.key)],
    rows: xColumn === 'batch' ? data.rows : data.rows.map(({ batch, ...r }) => ({ [xColumn]: batch, ...r })),
  };
  const label =
    `Line chart: ${metric.toLowerCase()} (${unit}) against ${xName} ${batches.join(', ')} for ` +
    `${data.devices.length} device${data.devices.length === 1 ? '' : 's'}: ${data.devices.map((d) => d.label).join(', ')}`;
  return (
    <ChartFrame
      title={title ?? `${metric} vs ${xName}`}
      label={label}
      filename={filename}
      legend={legend}
      csv={csv}
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
          label={{ value: xLabel, position: 'insideBottom', offset: -14 }}
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
          labelFormatter={(b) => `${xName} ${String(b)}`}
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
