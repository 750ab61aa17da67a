import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
} from 'recharts';
import { ChartFrame } from '../../components/charts/chart-frame.tsx';
import { INK, colorAt } from '../../components/charts/chart-theme.ts';
import { logTicks, type LogAxis } from '../../components/charts/log-ticks.ts';
import type { HoldoutPoint } from '../../core/sql/accuracy.ts';
import { count, pct, sig3 } from '../../core/format.ts';

/** Ticks and domain for a log axis: whole decades over wide ranges, the shared 1-2-5 ticks over narrow ones. */
function logAxis(lo: number, hi: number): LogAxis {
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  if (last - first < 4) return logTicks(lo, hi);
  const step = Math.ceil((last - first) / 7);
  const ticks: number[] = [];
  for (let e = first; ticks.length === 0 || ticks.at(-1)! < hi; e += step)
    ticks.push(Number((10 ** e).toPrecision(12)));
  return { domain: [ticks[0]!, ticks.at(-1)!], ticks };
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });
const tick = (v: number): string => (v >= 1e4 ? compact.format(v) : sig3(v));

/** The ±25% band's edges: predicted = truth × (1 ± 0.25). */
const BAND = [0.75, 1.25] as const;

const CSV_COLUMNS: (keyof HoldoutPoint)[] = [
  'source_id',
  'source_file',
  'source_row',
  'hardware_id',
  'model_id',
  'metric',
  'runtime_class',
  'kind',
  'batch_size',
  'precision',
  'truth',
  'predicted',
  'low',
  'high',
  'ape',
  'layer',
  'evidence',
  'fold',
];

/** The ±25% band between the two edges, drawn in the plot's own coordinates (both axes share a domain). */
function Band({ lo, hi }: { lo: number; hi: number }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const [under, over] = BAND;
  const corners: [number, number][] = [
    [lo / under, lo],
    [hi, hi * under],
    [hi, hi],
    [hi / over, hi],
    [lo, lo * over],
    [lo, lo],
  ];
  const pts = corners.map(([a, b]) => [x(a), y(b)]);
  if (pts.some(([a, b]) => a === undefined || b === undefined)) return null;
  return (
    <polygon
      className="acc-band"
      points={pts.map(([a, b]) => `${a},${b}`).join(' ')}
      fill="var(--accent)"
      fillOpacity={0.18}
      stroke="none"
      pointerEvents="none"
    />
  );
}

function PointTip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const p = active ? (payload?.[0]?.payload as HoldoutPoint | undefined) : undefined;
  if (!p) return null;
  return (
    <div className="chart-tip">
      <strong>{p.hardware_name ?? p.hardware_id}</strong>
      <div>
        {p.model_name ?? p.model_id} · {p.metric}
      </div>
      <div>
        measured {sig3(p.truth)}, predicted {sig3(p.predicted)} ({pct(p.ape)} off)
      </div>
      <div className="muted">click for the row</div>
    </div>
  );
}

/**
 * Predicted against measured on log axes, one point per held-out row (coloured by the prediction's layer),
 * with y = x and the ±25% band. Clicking a point selects its row.
 */
export function AccuracyScatter({
  points,
  total,
  mdape,
  onSelect,
}: {
  points: readonly HoldoutPoint[];
  /** Answered rows under the filters (the points are all of them or a fixed sample). */
  total: number;
  mdape: number | null;
  onSelect: (p: HoldoutPoint) => void;
}) {
  const values = points.flatMap((p) => [p.truth, p.predicted]);
  const axis = values.length ? logAxis(Math.min(...values), Math.max(...values)) : null;
  const layers = [...new Set(points.map((p) => p.layer))].sort();
  const series = layers.map((layer, i) => ({
    layer,
    color: colorAt(i),
    data: points.filter((p) => p.layer === layer),
  }));
  const sampled = points.length < total;
  const label =
    `Log-log scatter chart: predicted against measured for ${count(points.length)} held-out rows` +
    (sampled ? ` (a fixed sample of ${count(total)})` : '') +
    `, with the line predicted = measured and the band within ±25%` +
    (mdape !== null ? `; median error ${pct(mdape)}` : '') +
    `. Layers: ${series.map((s) => `${s.layer} (${count(s.data.length)})`).join(', ')}.`;
  const [lo, hi] = axis?.domain ?? [1, 10];
  return (
    <ChartFrame
      title={`Predicted vs measured on held-out devices${sampled ? ` (${count(points.length)} of ${count(total)} rows)` : ''}`}
      label={label}
      filename="rooflight-accuracy-scatter"
      height={420}
      legend={series.map((s) => ({ label: s.layer, color: s.color }))}
      csv={{ columns: CSV_COLUMNS, rows: points }}
    >
      <ScatterChart
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 24, bottom: 24, left: 28 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="truth"
          type="number"
          scale="log"
          domain={[lo, hi]}
          allowDataOverflow
          {...(axis ? { ticks: axis.ticks } : {})}
          tickFormatter={tick}
          name="Measured"
          label={{ value: 'Measured', position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          width={72}
          dataKey="predicted"
          type="number"
          scale="log"
          domain={[lo, hi]}
          allowDataOverflow
          {...(axis ? { ticks: axis.ticks } : {})}
          tickFormatter={tick}
          name="Predicted"
          label={{ value: 'Predicted', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
        />
        <ZAxis range={[28, 28]} />
        {axis && <Band lo={lo} hi={hi} />}
        {axis && (
          <ReferenceLine
            segment={[
              { x: lo, y: lo },
              { x: hi, y: hi },
            ]}
            stroke={INK}
            strokeWidth={1.5}
            ifOverflow="hidden"
          />
        )}
        <Tooltip content={<PointTip />} cursor={{ strokeDasharray: '3 3' }} />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.map((s) => (
          <Scatter
            key={s.layer}
            name={s.layer}
            data={s.data}
            fill={s.color}
            shape="circle"
            isAnimationActive={false}
            className={`acc-points acc-layer-${s.layer}`}
            onClick={(item) => onSelect(item.payload as HoldoutPoint)}
          />
        ))}
      </ScatterChart>
    </ChartFrame>
  );
}
