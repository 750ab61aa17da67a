import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { decadeTicks, type RooflineData } from '../../core/select/chart-data.ts';
import { sig3 } from '../../core/format.ts';
import { ChartFrame } from './chart-frame.tsx';
import { colorAt, INK } from './chart-theme.ts';

const POINT_COLOR = INK;
type Datum = { x: number; y: number; label?: string };

function Tip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const entry = active ? payload?.[0] : undefined;
  const d = entry?.payload as Datum | undefined;
  if (!d) return null;
  return (
    <div className="chart-tip">
      <strong>{d.label ?? String(entry?.name ?? '')}</strong>
      <div>
        {sig3(d.x)} FLOP/byte · {sig3(d.y)} TFLOPS
      </div>
    </div>
  );
}

/**
 * Log-log roofline: attainable TFLOPS against arithmetic intensity (FLOP/byte). Each device's ceiling is its
 * bandwidth slope up to the ridge, then its compute roof at the chosen precision; the workload's operating
 * points (one per phase and device) are black crosses.
 * - `data`: from `rooflineData(rooflineDevices(hardware, precision), operatingPoints(...))`.
 * - `precision`: named in the caption and axis label.
 */
export function RooflineChart({
  data,
  precision,
  title,
  filename = 'rooflight-roofline',
}: {
  data: RooflineData;
  precision: string;
  title?: string;
  filename?: string;
}) {
  const points: Datum[] = data.points.map((p) => ({ x: p.intensity, y: p.tflops, label: p.label }));
  const legend = [
    ...data.ceilings.map((c, i) => ({ label: c.label, color: colorAt(i) })),
    ...(points.length ? [{ label: 'Workload', color: POINT_COLOR }] : []),
  ];
  const label =
    `Log-log roofline chart at ${precision}: attainable TFLOPS against arithmetic intensity (FLOP/byte); ceilings for ` +
    data.ceilings
      .map(
        (c) => `${c.label} (roof ${sig3(c.points.at(-1)?.y ?? 0)} TFLOPS, ridge ${sig3(c.ridge)} FLOP/byte)`,
      )
      .join(', ') +
    (points.length
      ? `; operating points: ${points.map((p) => `${p.label} at ${sig3(p.x)} FLOP/byte, ${sig3(p.y)} TFLOPS`).join(', ')}`
      : '');
  const csvRows = [
    ...data.ceilings.flatMap((c) =>
      c.points.map((p) => ({ series: c.label, kind: 'ceiling', intensity: p.x, tflops: p.y })),
    ),
    ...points.map((p) => ({ series: p.label, kind: 'operating point', intensity: p.x, tflops: p.y })),
  ];
  return (
    <ChartFrame
      title={title ?? `Roofline at ${precision}`}
      label={label}
      filename={filename}
      legend={legend}
      height={360}
      csv={{ columns: ['series', 'kind', 'intensity', 'tflops'], rows: csvRows }}
    >
      <ComposedChart
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 24, bottom: 24, left: 28 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          scale="log"
          domain={data.xDomain}
          ticks={decadeTicks(data.xDomain)}
          allowDataOverflow
          tickFormatter={(v: number) => sig3(v)}
          label={{ value: 'Arithmetic intensity (FLOP/byte, log)', position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          width={72}
          dataKey="y"
          type="number"
          scale="log"
          domain={data.yDomain}
          ticks={decadeTicks(data.yDomain)}
          allowDataOverflow
          tickFormatter={(v: number) => sig3(v)}
          label={{
            value: `Attainable ${precision} TFLOPS (log)`,
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle' },
          }}
        />
        <Tooltip content={<Tip />} />
        <Legend verticalAlign="top" itemSorter={null} />
        {data.ceilings.map((c, i) => (
          <Line
            key={c.key}
            data={c.points}
            dataKey="y"
            name={c.label}
            stroke={colorAt(i)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {points.length > 0 && (
          <Scatter
            data={points}
            dataKey="y"
            name="Workload"
            fill={POINT_COLOR}
            shape="cross"
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
