/**
 * Pure data shaping for the charts: ranked bars with intervals, batch-scaling series, the Pareto front,
 * memory breakdowns in GB and roofline ceilings with operating points. Plain numbers in, plain rows out.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import type { PhaseBound } from '../roofline/bound.ts';
import { usableGb } from '../roofline/capacity.ts';
import type { MemoryBreakdown } from '../roofline/memory.ts';
import { precisionSupport } from '../roofline/precision.ts';
import type { Objective, RankedRow } from './rank.ts';

/** One bar: a value with its interval; `error` is [value − low, high − value] for an asymmetric whisker. */
export interface BarDatum {
  id: string;
  label: string;
  value: number;
  low: number;
  high: number;
  error: [number, number];
}

export interface BarSeries {
  metric: string;
  unit: string;
  /** Latency: shorter bars are better. */
  lowerIsBetter: boolean;
  data: BarDatum[];
}

const OBJECTIVE_LABEL: Record<Objective, string> = {
  latency: 'Latency',
  throughput: 'Throughput',
  throughput_per_dollar: 'Throughput per dollar',
  throughput_per_watt: 'Throughput per watt',
};

const bar = (id: string, label: string, value: number, low: number, high: number): BarDatum => {
  const lo = Math.min(low, value);
  const hi = Math.max(high, value);
  return { id, label, value, low: lo, high: hi, error: [value - lo, hi - value] };
};

/**
 * Bars for a ranking's objective, in rank order. Ratio objectives scale the throughput interval by the
 * score (the divisor is exact), so the whiskers keep their relative width.
 */
export function rankedBarData(ranking: { objective: Objective; ranked: readonly RankedRow[] }): BarSeries {
  const latency = ranking.objective === 'latency';
  const data = ranking.ranked.flatMap((r) => {
    const m = latency ? r.latency : r.throughput;
    if (!m) return [];
    const k = latency || m.value === 0 ? 1 : r.score / m.value;
    const v = latency ? m.value : r.score;
    return [bar(r.hardware.id, r.hardware.name, v, m.low * k, m.high * k)];
  });
  return {
    metric: OBJECTIVE_LABEL[ranking.objective],
    unit: ranking.ranked[0]?.scoreUnit ?? (latency ? 'ms' : 'items/s'),
    lowerIsBetter: latency,
    data,
  };
}

/** One prediction at one batch size (what a `predict(batch)` loop collects). */
export interface BatchPoint {
  device: string;
  label?: string;
  batch: number;
  /** null: no prediction (unsupported, does not fit). */
  value: number | null;
}

export interface BatchScalingData {
  devices: { key: string; label: string }[];
  /** Wide rows: `batch` plus one column per device key (null where not predicted). */
  rows: ({ batch: number } & Record<string, number | null>)[];
}

/** Pivot predict(batch) results into one row per batch size, one column per device (first-seen order). */
export function batchScalingData(points: readonly BatchPoint[]): BatchScalingData {
  const devices = new Map<string, string>();
  const byBatch = new Map<number, Record<string, number | null>>();
  for (const p of points) {
    if (!Number.isFinite(p.batch) || p.batch <= 0) continue;
    if (!devices.has(p.device)) devices.set(p.device, p.label ?? p.device);
    const row = byBatch.get(p.batch) ?? {};
    row[p.device] = p.value !== null && Number.isFinite(p.value) ? p.value : null;
    byBatch.set(p.batch, row);
  }
  const keys = [...devices.keys()];
  const rows = [...byBatch.entries()]
    .sort(([a], [b]) => a - b)
    .map(([batch, vals]) => {
      const row = { batch } as { batch: number } & Record<string, number | null>;
      for (const k of keys) row[k] = vals[k] ?? null;
      return row;
    });
  return { devices: keys.map((key) => ({ key, label: devices.get(key)! })), rows };
}

export interface ParetoPoint {
  id: string;
  label: string;
  cost: number;
  throughput: number;
}

/**
 * The Pareto front for minimizing cost and maximizing throughput, sorted by cost: a point is on it when no
 * other point costs no more and delivers at least as much, one of the two strictly. Equal points all stay.
 */
export function paretoFront<T extends ParetoPoint>(points: readonly T[]): T[] {
  const ok = points.filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.throughput));
  const sorted = [...ok].sort((a, b) => a.cost - b.cost || b.throughput - a.throughput);
  const front: T[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    const last = front.at(-1);
    if (p.throughput > best) {
      front.push(p);
      best = p.throughput;
    } else if (last && p.cost === last.cost && p.throughput === last.throughput) front.push(p);
  }
  return front;
}

export type CostBasis = 'purchase' | 'cloud' | 'power';

export const COST_AXIS: Record<CostBasis, { label: string; unit: string }> = {
  purchase: { label: 'Purchase price', unit: '$' },
  cloud: { label: 'Cloud price', unit: '$/h' },
  power: { label: 'Power', unit: 'W' },
};

/** Ranked rows as (cost, throughput) points; rows without the cost or a throughput are left out. */
export function paretoPoints(rows: readonly RankedRow[], basis: CostBasis): ParetoPoint[] {
  return rows.flatMap((r) => {
    const cost = basis === 'purchase' ? r.cost.purchaseUsd : basis === 'cloud' ? r.cost.cloudUsdHr : r.powerW;
    if (cost === null || !r.throughput) return [];
    return [{ id: r.hardware.id, label: r.hardware.name, cost, throughput: r.throughput.value }];
  });
}

export const MEMORY_PARTS = [
  'weights',
  'kvCache',
  'activations',
  'gradients',
  'optimizer',
  'overhead',
] as const;
export type MemoryPart = (typeof MEMORY_PARTS)[number];

export type MemoryBar = { id: string; label: string; totalGb: number; capacityGb: number | null } & Record<
  MemoryPart,
  number
>;

/** Byte breakdowns → GB per part, with the device capacity (GB) for the reference mark. */
export function memoryBars(
  items: readonly { id: string; label: string; memory: MemoryBreakdown; capacityGb: number | null }[],
): MemoryBar[] {
  return items.map(({ id, label, memory, capacityGb }) => {
    const gb = Object.fromEntries(MEMORY_PARTS.map((k) => [k, memory[k] / 1e9])) as Record<
      MemoryPart,
      number
    >;
    return { id, label, ...gb, totalGb: memory.total / 1e9, capacityGb };
  });
}

/** Memory bars from ranked rows: each run's footprint (all devices together) against one device's capacity. */
export function memoryBarsFromRanking(rows: readonly RankedRow[]): MemoryBar[] {
  return memoryBars(
    rows.map((r) => ({
      id: r.hardware.id,
      label: r.hardware.name,
      memory: r.estimate.memory,
      capacityGb: usableGb(r.hardware),
    })),
  );
}

export interface RooflineDevice {
  id: string;
  label: string;
  peakTflops: number;
  bandwidthGbs: number;
}

/** Devices' roofs at a precision (peak of the best compute class that precision runs on); unsupported ones drop. */
export function rooflineDevices(hardware: readonly HardwareRow[], precision: string): RooflineDevice[] {
  return hardware.flatMap((hw) => {
    const s = precisionSupport(hw, precision);
    if (!s.ok || !hw.mem_bw_gbs) return [];
    return [{ id: hw.id, label: hw.name, peakTflops: s.peakTflops, bandwidthGbs: hw.mem_bw_gbs }];
  });
}

/** Attainable TFLOPS at `intensity` FLOP/byte: min(peak, bandwidth × intensity). */
export const attainableTflops = (d: RooflineDevice, intensity: number): number =>
  Math.min(d.peakTflops, (d.bandwidthGbs * intensity) / 1000);

/** The intensity where the bandwidth slope meets the compute roof, FLOP/byte. */
export const ridgeIntensity = (d: RooflineDevice): number => (d.peakTflops * 1000) / d.bandwidthGbs;

export interface OperatingPoint {
  label: string;
  intensity: number;
  tflops: number;
}

/** A workload's phases on a device as operating points: FLOPs per second achieved at the roofline bound. */
export function operatingPoints(
  phases: readonly PhaseBound[],
  peakTflops: number,
  label: string,
): OperatingPoint[] {
  return phases
    .filter((p) => Number.isFinite(p.intensity) && p.intensity > 0 && p.seconds > 0)
    .map((p) => ({
      label: `${label} · ${p.phase}`,
      intensity: p.intensity,
      tflops: (peakTflops * p.computeSeconds) / p.seconds,
    }));
}

export interface RooflineData {
  /** Log-axis domain, whole decades. */
  xDomain: [number, number];
  yDomain: [number, number];
  /** Per device: the ceiling polyline (x = intensity, y = TFLOPS) through the domain's ends and the ridge. */
  ceilings: { key: string; label: string; ridge: number; points: { x: number; y: number }[] }[];
  points: OperatingPoint[];
}

const decadeFloor = (v: number) => 10 ** Math.floor(Math.log10(v));
const decadeCeil = (v: number) => 10 ** Math.ceil(Math.log10(v));

/** Ceilings and points on a shared log-log domain covering every ridge and point (at least 0.1–1,000 FLOP/byte). */
export function rooflineData(
  devices: readonly RooflineDevice[],
  points: readonly OperatingPoint[],
): RooflineData {
  const xs = [0.1, 1000, ...devices.map(ridgeIntensity), ...points.map((p) => p.intensity)].filter(
    (v) => Number.isFinite(v) && v > 0,
  );
  const xDomain: [number, number] = [decadeFloor(Math.min(...xs)), decadeCeil(Math.max(...xs))];
  const ceilings = devices.map((d) => {
    const ridge = ridgeIntensity(d);
    const xsOf = [xDomain[0], ...(ridge > xDomain[0] && ridge < xDomain[1] ? [ridge] : []), xDomain[1]];
    return { key: d.id, label: d.label, ridge, points: xsOf.map((x) => ({ x, y: attainableTflops(d, x) })) };
  });
  const ys = [...ceilings.flatMap((c) => c.points.map((p) => p.y)), ...points.map((p) => p.tflops)].filter(
    (v) => Number.isFinite(v) && v > 0,
  );
  const yDomain: [number, number] = ys.length
    ? [decadeFloor(Math.min(...ys)), decadeCeil(Math.max(...ys))]
    : [0.01, 1000];
  return { xDomain, yDomain, ceilings, points: [...points] };
}

/** Powers of ten within a log domain, for axis ticks. */
export function decadeTicks([lo, hi]: readonly [number, number]): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}
