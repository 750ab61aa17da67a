import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarSeries } from '../../core/select/chart-data.ts';
import { sig3 } from '../../core/format.ts';
import { ChartFrame } from './chart-frame.tsx';
import { colorAt, INK } from './chart-theme.ts';

/**
 * Ranked devices as horizontal bars with interval whiskers.
 * - `series`: from `rankedBarData(ranking)` — metric name, unit, bars in rank order ({id, label, value, low, high, error}).
 * - `title`: caption (default "<metric> by device"); `filename`: export name (default "rooflight-ranking").
 */
export function RankedBars({
  series,
  title,
  filename = 'rooflight-ranking',
}: {
  series: BarSeries;
  title?: string;
  filename?: string;
}) {
  const { metric, unit, data } = series;
  const caption = title ?? `${metric} by device`;
  const best = data[0];
  const label =
    `Bar chart: ${metric.toLowerCase()} (${unit}) for ${data.length} devices in rank order, with prediction intervals` +
    (best
      ? `; best ${best.label} at ${sig3(best.value)} ${unit} (${sig3(best.low)}–${sig3(best.high)})`
      : '');
  return (
    <ChartFrame
      title={caption}
      label={label}
      filename={filename}
      height={Math.max(160, 60 + data.length * 40)}
      csv={{
        columns: ['rank', 'id', 'label', 'value', 'low', 'high', 'unit'],
        rows: data.map((d, i) => ({ rank: i + 1, ...d, unit })),
      }}
    >
      <BarChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={(v: number) => sig3(v)}
          label={{ value: `${metric} (${unit})`, position: 'insideBottom', offset: -14 }}
        />
        <YAxis type="category" dataKey="label" width={170} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip
          formatter={(v, _n, item) => {
            const d = item.payload as (typeof data)[number];
            return [`${sig3(Number(v))} ${unit} (${sig3(d.low)}–${sig3(d.high)})`, metric];
          }}
        />
        <Bar dataKey="value" name={metric} fill={colorAt(0)} isAnimationActive={false}>
          <ErrorBar dataKey="error" direction="x" width={6} stroke={INK} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
