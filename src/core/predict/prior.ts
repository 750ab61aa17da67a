/**
 * The runtime's typical efficiency: the median achieved fraction of the roofline per runtime class × device
 * kind × metric, with coarser fallbacks. The learned layer leans on it where the network has no evidence of
 * the same model (the "roofline × the runtime's efficiency" baseline, made part of the engine).
 */
import type { HardwareRow, Metric } from '../catalog/schema.ts';
import { runtimeClass } from './featurize.ts';

export type PriorTable = Record<string, number>;

/** Keys from the most to the least specific. */
export function priorKeys(runtime: string | null, kind: string, metric: Metric): string[] {
  const rt = runtimeClass(runtime);
  return [`${rt}|${kind}|${metric}`, `${rt}|*|${metric}`, `*|${kind}|${metric}`, `*|*|${metric}`];
}

/** Median log-efficiency (efficiency capped at the bound) of every key with at least `minRows` rows. */
export function buildPrior(
  rows: readonly {
    runtime: string | null;
    hw: Pick<HardwareRow, 'kind'>;
    metric: Metric;
    efficiency: number;
  }[],
  minRows = 20,
): PriorTable {
  const groups = new Map<string, number[]>();
  for (const r of rows)
    for (const k of priorKeys(r.runtime, r.hw.kind, r.metric)) {
      const g = groups.get(k);
      const l = Math.log(Math.min(r.efficiency, 1));
      if (g) g.push(l);
      else groups.set(k, [l]);
    }
  const out: PriorTable = {};
  for (const [k, g] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
    if (g.length >= minRows) out[k] = [...g].sort((a, b) => a - b)[g.length >> 1]!;
  return out;
}

/** The prior's log-efficiency for a query, or null when no key has enough rows. */
export function priorLogEff(
  table: PriorTable,
  runtime: string | null,
  kind: string,
  metric: Metric,
): number | null {
  for (const k of priorKeys(runtime, kind, metric)) {
    const v = table[k];
    if (v !== undefined) return v;
  }
  return null;
}

/** The runtime's own typical efficiency for a query (its runtime-specific keys only), or null. */
export function runtimePrior(
  table: PriorTable,
  runtime: string | null,
  kind: string,
  metric: Metric,
): number | null {
  for (const k of priorKeys(runtime, kind, metric).slice(0, 2)) {
    const v = table[k];
    if (v !== undefined) return v;
  }
  return null;
}

/** Whether the table holds any row of the runtime's class (a runtime the training data never saw holds none). */
export function runtimeSeen(table: PriorTable, runtime: string | null): boolean {
  const prefix = `${runtimeClass(runtime)}|`;
  return Object.keys(table).some((k) => k.startsWith(prefix));
}

/** Training rows at which the network gets half its blend weight (see PredictionEngine.support). */
export const SUPPORT_ROWS = 30;

/** The support table's key: runtime feature class × device vendor × kind. */
export const supportKey = (runtime: string | null, vendor: string, kind: string) =>
  `${runtimeClass(runtime)}|${vendor.toLowerCase()}|${kind}`;

/** Training rows per runtime class × vendor × kind: how much evidence the network had near a query. */
export function buildSupport(
  rows: readonly { runtime: string | null; hw: { vendor: string; kind: string } }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = supportKey(r.runtime, r.hw.vendor, r.hw.kind);
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
