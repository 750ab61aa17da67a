import {
  CartesianGrid,
  Legend,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { COST_AXIS, paretoFront, type CostBasis, type ParetoPoint } from '../../core/select/chart-data.ts';
import { fmtUsd, sig3 } from '../../core/format.ts';
import { ChartFrame } from './chart-frame.tsx';
import { colorAt } from './chart-theme.ts';
import { logTicks, type LogAxis } from './log-ticks.ts';

type Point = ParetoPoint & { onFront: boolean };

const FRONT_COLOR = colorAt(1);
const OTHER_COLOR = colorAt(0);

/** Log-axis ticks over the values, or undefined (no values: Recharts' own). */
function logAxis(values: readonly number[]): LogAxis | undefined {
  return values.length ? logTicks(Math.min(...values), Math.max(...values)) : undefined;
}

const fmtCost = (basis: CostBasis, v: number): string =>
  basis === 'purchase' ? fmtUsd(v) : basis === 'cloud' ? `${fmtUsd(v)}/h` : `${sig3(v)} W`;

function PointTip({
  active,
  payload,
  basis,
  unit,
}: Partial<TooltipContentProps<number, string>> & { basis: CostBasis; unit: string }) {
  const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!p) return null;
  return (
    <div className="chart-tip">
      <strong>{p.label}</strong>
      <div>
        {fmtCost(basis, p.cost)} · {sig3(p.throughput)} {unit}
      </div>
      {p.onFront && <div>on the Pareto front</div>}
    </div>
  );
}

/**
 * Cost against throughput, one point per device, the Pareto front (no cheaper device is at least as fast)
 * drawn as a line through diamond markers.
 * - `points`: `{id, label, cost, throughput}` (see `paretoPoints(rows, basis)`).
 * - `basis`: what cost is — 'purchase' ($), 'cloud' ($/h) or 'power' (W). `unit`: throughput unit (items/s).
 * - `logScale`: log axes, for catalogs spanning orders of magnitude.
 */
export function ParetoChart({
  points,
  basis,
  unit = 'items/s',
  logScale = false,
  title,
  filename = 'rooflight-pareto',
}: {
  points: readonly ParetoPoint[];
  basis: CostBasis;
  unit?: string;
  logScale?: boolean;
  title?: string;
  filename?: string;
}) {
  const axis = COST_AXIS[basis];
  const usable = logScale ? points.filter((p) => p.cost > 0 && p.throughput > 0) : points;
  const front = paretoFront(usable);
  const onFront = new Set(front.map((p) => p.id));
  const all: Point[] = usable.map((p) => ({ ...p, onFront: onFront.has(p.id) }));
  const others = all.filter((p) => !p.onFront);
  const frontPts: Point[] = front.map((p) => ({ ...p, onFront: true }));
  const label =
    `Scatter chart: ${axis.label.toLowerCase()} (${axis.unit}) against throughput (${unit}) for ${all.length} devices; ` +
    `Pareto front: ${front.map((p) => `${p.label} (${fmtCost(basis, p.cost)}, ${sig3(p.throughput)} ${unit})`).join(', ') || 'none'}`;
  const scale = logScale ? ('log' as const) : ('auto' as const);
  // Recharts' log scale labels only the ends of a short range: give it 1-2-5 / 1-3 / decade ticks.
  const xLog = logScale ? logAxis(all.map((p) => p.cost)) : undefined;
  const yLog = logScale ? logAxis(all.map((p) => p.throughput)) : undefined;
  return (
    <ChartFrame
      title={title ?? `Throughput vs ${axis.label.toLowerCase()}`}
      label={label}
      filename={filename}
      legend={[
        { label: 'Pareto front', color: FRONT_COLOR },
        { label: 'Other devices', color: OTHER_COLOR },
      ]}
      csv={{ columns: ['id', 'label', 'cost', 'throughput', 'onFront'], rows: all }}
    >
      <ScatterChart
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 24, bottom: 24, left: 28 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="cost"
          type="number"
          scale={scale}
          domain={xLog?.domain ?? (logScale ? ['auto', 'auto'] : [0, 'auto'])}
          {...(xLog ? { ticks: xLog.ticks } : {})}
          tickFormatter={(v: number) => sig3(v)}
          name={axis.label}
          label={{ value: `${axis.label} (${axis.unit})`, position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          width={72}
          dataKey="throughput"
          type="number"
          scale={scale}
          domain={yLog?.domain ?? (logScale ? ['auto', 'auto'] : [0, 'auto'])}
          {...(yLog ? { ticks: yLog.ticks } : {})}
          tickFormatter={(v: number) => sig3(v)}
          name="Throughput"
          label={{
            value: `Throughput (${unit})`,
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle' },
          }}
        />
        <Tooltip content={<PointTip basis={basis} unit={unit} />} />
        <Legend verticalAlign="top" itemSorter={null} />
        <Scatter
          name="Other devices"
          data={others}
          fill={OTHER_COLOR}
          shape="circle"
          isAnimationActive={false}
        />
        <Scatter
          name="Pareto front"
          data={frontPts}
          fill={FRONT_COLOR}
          line={{ stroke: FRONT_COLOR, strokeWidth: 2 }}
          shape="diamond"
          isAnimationActive={false}
        />
      </ScatterChart>
    </ChartFrame>
  );
}
