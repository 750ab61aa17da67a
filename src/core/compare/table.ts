/**
 * The Compare page's side-by-side table: one line per metric or spec, one cell per device, each number with
 * its 80% interval where it is a prediction; and the same lines as CSV rows.
 */
import { RUNTIME_LABELS } from '../catalog/runtime.ts';
import type { HardwareRow, Metric } from '../catalog/schema.ts';
import { usableGb } from '../roofline/capacity.ts';
import { dominantPhase } from '../select/explain.ts';
import { fmtUsd, sig3 } from '../format.ts';
import { itemUnit } from '../select/plan.ts';
import type { MetricValue, RankedRow } from '../select/rank.ts';

/** One compared device: its ranked row, or why it cannot run the workload. */
export interface CompareEntry {
  hardware: HardwareRow;
  row: RankedRow | null;
  /** Why there is no row (does not fit, unsupported precision, no prediction). */
  reason: string | null;
}

export interface CompareCell {
  text: string;
  /** "8.1–15.2": the 80% interval, when the cell is a prediction. */
  interval: string | null;
  /** The number behind the text (for CSV and "best"); null for text cells or missing values. */
  value: number | null;
  low: number | null;
  high: number | null;
  /** The prediction's evidence level, on the line that names the layer ("predictions like this one"). */
  evidence?: string;
}

export interface CompareLine {
  key: string;
  label: string;
  unit: string;
  cells: CompareCell[];
  /** The index of the best cell where "best" means something (higher or lower is better); else null. */
  best: number | null;
}

const DASH = '–';
const textCell = (text: string): CompareCell => ({
  text,
  interval: null,
  value: null,
  low: null,
  high: null,
});
const numCell = (v: number | null, f: (v: number) => string = sig3): CompareCell =>
  v === null || !Number.isFinite(v)
    ? textCell(DASH)
    : { text: f(v), interval: null, value: v, low: null, high: null };
const predCell = (m: MetricValue | undefined | null, scale = 1): CompareCell =>
  m
    ? {
        text: sig3(m.value * scale),
        interval: `${sig3(m.low * scale)}–${sig3(m.high * scale)}`,
        value: m.value * scale,
        low: m.low * scale,
        high: m.high * scale,
      }
    : textCell(DASH);

/** Index of the best numeric cell (ties: the first); null with fewer than two numbers. */
function bestOf(cells: readonly CompareCell[], better: 'higher' | 'lower'): number | null {
  let best: number | null = null;
  let n = 0;
  cells.forEach((c, i) => {
    if (c.value === null) return;
    n++;
    const b = best === null ? null : cells[best]!.value!;
    if (b === null || (better === 'higher' ? c.value > b : c.value < b)) best = i;
  });
  return n >= 2 ? best : null;
}

const PHASE_WORD: Record<string, string> = {
  decode: 'decode',
  prefill: 'prefill',
  forward: 'forward',
  'train-step': 'training step',
};

/** "decode: memory-bound (1.9 FLOP/B; ridge 295)": where the dominant phase sits on the device's roofline. */
export function boundText(row: RankedRow): string {
  const p = dominantPhase(row.workload, row.estimate);
  const bw = row.hardware.mem_bw_gbs;
  const ridge = bw ? (row.estimate.peakTflops * 1000) / bw : null;
  const place = `${sig3(p.intensity)} FLOP/B${ridge === null ? '' : `; ridge ${sig3(ridge)}`}`;
  return `${PHASE_WORD[p.phase] ?? p.phase}: ${row.bound ?? p.bound}-bound (${place})`;
}

/** Joules per item: the run's power (TDP × devices) over its throughput. */
export function energyPerItem(row: RankedRow): number | null {
  const thr = row.throughput?.value;
  return row.powerW !== null && thr ? row.powerW / thr : null;
}

/** The lines of the side-by-side table for the compared devices, in the devices' order. */
export function compareLines(entries: readonly CompareEntry[]): CompareLine[] {
  const first = entries.find((e) => e.row)?.row;
  const unit = first ? itemUnit(first.workload) : 'items/s';
  const item = unit.split('/')[0]!.replace(/s$/, '');
  const cells = (
    f: (r: RankedRow, hw: HardwareRow) => CompareCell,
    whenNone?: (e: CompareEntry) => CompareCell,
  ) => entries.map((e) => (e.row ? f(e.row, e.hardware) : (whenNone?.(e) ?? textCell(DASH))));
  const line = (
    key: string,
    label: string,
    lineUnit: string,
    c: CompareCell[],
    better: 'higher' | 'lower' | null = null,
  ): CompareLine => ({ key, label, unit: lineUnit, cells: c, best: better ? bestOf(c, better) : null });
  const metric = (
    m: Metric,
    label: string,
    lineUnit: string,
    better: 'higher' | 'lower' | null,
    scale = 1,
  ) => {
    const c = cells((r) => predCell(r.metrics[m], scale));
    return c.some((x) => x.value !== null) ? [line(m, label, lineUnit, c, better)] : [];
  };
  return [
    line(
      'runs',
      'Runs it?',
      '',
      cells(
        (r) => textCell(`${r.precision} · ${r.fitLabel}`),
        (e) => textCell(`cannot run: ${e.reason ?? 'no prediction'}`),
      ),
    ),
    line(
      'runtime',
      'Runtime · batch · layout',
      '',
      cells((r) =>
        textCell(
          `${r.runtime ? RUNTIME_LABELS[r.runtime.runtime] : 'default'} · ${r.scenario === 'offline' ? 'offline · ' : ''}batch ${r.batch} · ${r.layout}`,
        ),
      ),
    ),
    line(
      'bound',
      'Bound (place on the roofline)',
      '',
      cells((r) => textCell(boundText(r))),
    ),
    line(
      'layer',
      'Prediction layer · error on unseen devices',
      '',
      cells((r) => ({ ...textCell(r.layer), evidence: r.evidence })),
    ),
    ...metric('throughput', 'Throughput', unit, 'higher'),
    ...metric('latency_ms', 'Latency', 'ms', 'lower'),
    ...metric('ttft_ms', 'Time to first token', 'ms', 'lower'),
    ...metric('tpot_ms', 'Time per output token', 'ms', 'lower'),
    ...metric('decode_tokens_s', 'Decode speed', 'tokens/s', 'higher'),
    ...metric('memory_mb', 'Memory (per device)', 'GB', null, 1 / 1000),
    line(
      'capacity',
      'Memory capacity (usable)',
      'GB',
      entries.map((e) => numCell(usableGb(e.hardware))),
    ),
    line(
      'bandwidth',
      'Memory bandwidth',
      'GB/s',
      entries.map((e) => numCell(e.hardware.mem_bw_gbs)),
    ),
    line(
      'peak',
      'Compute peak at the precision',
      'TFLOPS',
      cells((r) => numCell(r.estimate.peakTflops)),
    ),
    line(
      'purchase',
      'Purchase price (all devices)',
      '$',
      cells(
        (r) => numCell(r.cost.purchaseUsd, fmtUsd),
        (e) => numCell(e.hardware.price_usd, fmtUsd),
      ),
      'lower',
    ),
    line(
      'cloud',
      'Cloud price (all devices)',
      '$/h',
      cells(
        (r) => numCell(r.cost.cloudUsdHr, fmtUsd),
        (e) => numCell(e.hardware.cloud_usd_hr, fmtUsd),
      ),
      'lower',
    ),
    line(
      'per-million',
      `Cost per million ${item}s (cloud)`,
      '$',
      cells((r) => numCell(r.cost.usdPerMillionItems, fmtUsd)),
      'lower',
    ),
    line(
      'power',
      'Power (TDP, all devices)',
      'W',
      cells(
        (r) => numCell(r.powerW),
        (e) => numCell(e.hardware.tdp_w),
      ),
    ),
    line(
      'energy',
      `Energy per ${item}`,
      `J/${item}`,
      cells((r) => numCell(energyPerItem(r))),
      'lower',
    ),
  ];
}

/** The table as CSV: one row per line; per device its value, low and high (text where not a number). */
export function compareCsv(
  entries: readonly CompareEntry[],
  lines: readonly CompareLine[],
): { columns: string[]; rows: Record<string, string | number | null>[] } {
  const ids = entries.map((e) => e.hardware.id);
  const columns = ['line', 'unit', ...ids.flatMap((id) => [id, `${id}_low`, `${id}_high`])];
  const rows = lines.map((l) => {
    const out: Record<string, string | number | null> = { line: l.label, unit: l.unit };
    l.cells.forEach((c, i) => {
      const id = ids[i]!;
      out[id] = c.value ?? (c.text === DASH ? null : c.text);
      out[`${id}_low`] = c.low;
      out[`${id}_high`] = c.high;
    });
    return out;
  });
  return { columns, rows };
}
