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
import { sig3 } from '../../core/format.ts';
import { ChartFrame } from './chart-frame.tsx';
import { ALERT, colorAt } from './chart-theme.ts';

const PART_LABEL: Record<MemoryPart, string> = {
  weights: 'Weights',
  kvCache: 'KV cache',
  activations: 'Activations',
  gradients: 'Gradients',
  optimizer: 'Optimizer state',
  overhead: 'Runtime overhead',
};
const ROW_PX = 40;

/** A tall dash across the bar's row: one device's capacity. */
function CapacityMark(props: { cx?: number; cy?: number }) {
  if (props.cx === undefined || props.cy === undefined) return <g />;
  return (
    <line
      x1={props.cx}
      x2={props.cx}
      y1={props.cy - ROW_PX / 2 + 4}
      y2={props.cy + ROW_PX / 2 - 4}
      stroke={ALERT}
      strokeWidth={3}
      strokeDasharray="6 3"
    />
  );
}

/**
 * Memory footprint per device as horizontal stacked bars (weights, KV cache, activations, gradients, optimizer,
 * overhead; GB), one row per device named on the left, each device's capacity as a dashed red mark (and a
 * reference line, its value in the legend, when all capacities agree).
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
  const capacityName =
    caps.length === 1 && caps[0] !== undefined ? `Device capacity (${sig3(caps[0])} GB)` : 'Device capacity';
  const legend = [
    ...parts.map((k) => ({ label: PART_LABEL[k], color: colorAt(MEMORY_PARTS.indexOf(k)) })),
    { label: capacityName, color: ALERT },
  ];
  return (
    <ChartFrame
      title={title}
      label={label}
      filename={filename}
      legend={legend}
      height={110 + bars.length * ROW_PX}
      csv={{ columns: ['id', 'label', ...MEMORY_PARTS, 'totalGb', 'capacityGb'], rows: bars }}
    >
      <ComposedChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={bars as MemoryBar[]}
        layout="vertical"
        margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={(v: number) => sig3(v)}
          label={{ value: 'Memory (GB)', position: 'insideBottom', offset: -14 }}
        />
        <YAxis type="category" dataKey="label" width={150} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => `${sig3(Number(v))} GB`} />
        <Legend verticalAlign="top" itemSorter={null} />
        {parts.map((k) => (
          <Bar
            key={k}
            dataKey={k}
            name={PART_LABEL[k]}
            stackId="mem"
            fill={colorAt(MEMORY_PARTS.indexOf(k))}
            maxBarSize={ROW_PX - 14}
            isAnimationActive={false}
          />
        ))}
        <Line
          dataKey="capacityGb"
          name={capacityName}
          stroke={ALERT}
          strokeWidth={0}
          dot={<CapacityMark />}
          activeDot={false}
          legendType="plainline"
          isAnimationActive={false}
        />
        {caps.length === 1 && caps[0] !== undefined && (
          <ReferenceLine x={caps[0]} stroke={ALERT} strokeDasharray="4 4" />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
