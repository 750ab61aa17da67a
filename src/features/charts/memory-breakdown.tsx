import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ReferenceLine,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { MEMORY_PARTS, type MemoryBar, type MemoryPart } from '../../core/select/chart-data.ts';
import { sig3 } from '../../core/select/format.ts';
import { ChartFrame, colorAt } from './chart-frame.tsx';

const PART_LABEL: Record<MemoryPart, string> = {
  weights: 'Weights',
  kvCache: 'KV cache',
  activations: 'Activations',
  gradients: 'Gradients',
  optimizer: 'Optimizer state',
  overhead: 'Runtime overhead',
};
const CAPACITY_COLOR = '#b42318';

/** A wide dash across the bar slot: one device's capacity. */
function CapacityMark(props: { cx?: number; cy?: number }) {
  if (props.cx === undefined || props.cy === undefined) return <g />;
  return (
    <line
      x1={props.cx - 28}
      x2={props.cx + 28}
      y1={props.cy}
      y2={props.cy}
      stroke={CAPACITY_COLOR}
      strokeWidth={3}
      strokeDasharray="6 3"
    />
  );
}

/**
 * Memory footprint per device as stacked bars (weights, KV cache, activations, gradients, optimizer, overhead;
 * GB), each device's capacity as a dashed red mark (and a reference line when all capacities agree).
 * - `bars`: from `memoryBars(...)` or `memoryBarsFromRanking(rows)`.
 */
export function MemoryBreakdown({
  bars,
  title = 'Memory footprint by device',
  filename = 'rooflight-memory',
}: {
  bars: readonly MemoryBar[];
  title?: string;
  filename?: string;
}) {
  const parts = MEMORY_PARTS.filter((k) => bars.some((b) => b[k] > 0));
  const caps: number[] = [...new Set(bars.map((b) => b.capacityGb).filter((c): c is number => c !== null))];
  const over = bars.filter((b) => b.capacityGb !== null && b.totalGb > b.capacityGb);
  const label =
    `Stacked bar chart: memory (GB) by part for ${bars.length} devices against capacity; ` +
    bars
      .map(
        (b) =>
          `${b.label} ${sig3(b.totalGb)} of ${b.capacityGb === null ? 'unknown' : sig3(b.capacityGb)} GB`,
      )
      .join(', ') +
    (over.length ? `; over capacity: ${over.map((b) => b.label).join(', ')}` : '');
  const legend = [
    ...parts.map((k) => ({ label: PART_LABEL[k], color: colorAt(MEMORY_PARTS.indexOf(k)) })),
    { label: 'Device capacity', color: CAPACITY_COLOR },
  ];
  return (
    <ChartFrame
      title={title}
      label={label}
      filename={filename}
      legend={legend}
      csv={{ columns: ['id', 'label', ...MEMORY_PARTS, 'totalGb', 'capacityGb'], rows: bars }}
    >
      <ComposedChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={bars as MemoryBar[]}
        margin={{ top: 8, right: 24, bottom: 24, left: 28 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          interval={0}
          tick={{ fontSize: 12 }}
          label={{ value: 'Device', position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          width={72}
          tickFormatter={(v: number) => sig3(v)}
          label={{
            value: 'Memory (GB)',
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle' },
          }}
        />
        <Tooltip formatter={(v) => `${sig3(Number(v))} GB`} />
        <Legend verticalAlign="top" height={28} itemSorter={null} />
        {parts.map((k) => (
          <Bar
            key={k}
            dataKey={k}
            name={PART_LABEL[k]}
            stackId="mem"
            fill={colorAt(MEMORY_PARTS.indexOf(k))}
            isAnimationActive={false}
          />
        ))}
        <Line
          dataKey="capacityGb"
          name="Device capacity"
          stroke={CAPACITY_COLOR}
          strokeWidth={0}
          dot={<CapacityMark />}
          activeDot={false}
          legendType="plainline"
          isAnimationActive={false}
        />
        {caps.length === 1 && caps[0] !== undefined && (
          <ReferenceLine
            y={caps[0]}
            stroke={CAPACITY_COLOR}
            strokeDasharray="4 4"
            label={{
              value: `capacity ${sig3(caps[0])} GB`,
              position: 'insideTopRight',
              fill: CAPACITY_COLOR,
            }}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
