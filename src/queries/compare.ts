/**
 * The Compare page's answers: the chosen devices ranked on one workload (every metric with its interval, or
 * why a device cannot run it), the context-length curve, and the runtimes each device has evidence for.
 */
import { queryOptions } from '@tanstack/react-query';
import type { BrowserEngine } from '../adapters/engine-browser.ts';
import type { RuntimeClass } from '../core/catalog/runtime.ts';
import type { HardwareRow, ModelRow } from '../core/catalog/schema.ts';
import { compareKey, comparedSelection } from '../core/compare/devices.ts';
import { smallestFootprint } from '../core/compare/memory.ts';
import { atLength, type LengthSweep } from '../core/compare/sweep.ts';
import type { CompareEntry } from '../core/compare/table.ts';
import type { MemoryBreakdown } from '../core/roofline/memory.ts';
import { BEST_CANDIDATES } from '../core/select/plan.ts';
import { rankSelection } from '../core/select/rank-selection.ts';
import type { RankedRow } from '../core/select/rank.ts';
import { rankRequestFor } from '../core/select/selection-request.ts';
import type { Scenario, Selection } from '../core/share/selection.ts';
import { sweepScaling } from './batch-scaling.ts';
import { compareRuntimes, runtimesToCompare, type RuntimeRow } from './operating-points.ts';
import type { EngineKind } from './ranking.ts';

export interface CompareResult {
  kind: EngineKind;
  /** One per compared device, in the link's order. */
  entries: CompareEntry[];
  /** For devices that cannot run it: their smallest footprint (the memory chart shows it against capacity). */
  footprints: Map<string, { precision: string; memory: MemoryBreakdown }>;
  /** The scenario compared: the selection's, except that the roofline answer stays single-stream. */
  scenario: Scenario;
  ms: number;
}

/** Rank only the chosen devices (no constraints), on one engine; see comparedSelection. */
export async function computeComparison(
  kind: EngineKind,
  e: BrowserEngine,
  selection: Selection,
  model: ModelRow,
  devices: readonly HardwareRow[],
): Promise<CompareResult> {
  const t0 = performance.now();
  const s = comparedSelection(selection);
  const scenario = kind === 'learned' ? s.scenario : 'single-stream';
  const { ranking } = await rankSelection(
    {
      engine: e.engine,
      snapshot: { hardware: devices, models: e.snapshot.models, measurements: [] },
      evidence: e.evidence(),
    },
    s,
    model,
    scenario,
  );
  const entries: CompareEntry[] = devices.map((hw) => {
    const row = ranking.ranked.find((r) => r.hardware.id === hw.id) ?? null;
    const why = ranking.excluded.find((x) => x.hardware.id === hw.id);
    return { hardware: hw, row, reason: row ? null : (why?.reason ?? 'no prediction') };
  });
  const base = rankRequestFor(s, model, devices).workload;
  const precisions = s.precision === 'best' ? BEST_CANDIDATES : [s.precision];
  const footprints = new Map(
    entries.flatMap((x) => {
      if (x.row) return [];
      const f = smallestFootprint(base, x.hardware, precisions);
      return f ? [[x.hardware.id, f] as const] : [];
    }),
  );
  return { kind, entries, footprints, scenario, ms: performance.now() - t0 };
}

/** The comparison on one engine, cached by what it depends on. */
export function comparisonQuery(
  kind: EngineKind,
  selection: Selection,
  engine: BrowserEngine | undefined,
  model: ModelRow | null,
  devices: readonly HardwareRow[],
) {
  return queryOptions({
    queryKey: ['compare', kind, compareKey(selection), devices.map((d) => d.id)],
    queryFn: () => computeComparison(kind, engine!, selection, model!, devices),
    enabled: engine !== undefined && model !== null && devices.length > 0,
    staleTime: Infinity,
  });
}

/** Throughput along the context-length sweep, for each row's device and precision. */
export function lengthScalingQuery(
  kind: EngineKind,
  key: string,
  engine: BrowserEngine | undefined,
  rows: readonly RankedRow[],
  model: ModelRow | null,
  sweep: LengthSweep | null,
) {
  return queryOptions({
    queryKey: ['length-scaling', kind, key, rows.map((r) => r.hardware.id), sweep?.field],
    queryFn: () => sweepScaling(engine!, rows, model!, sweep!.values, (w, v) => atLength(w, sweep!, v)),
    enabled: engine !== undefined && model !== null && sweep !== null && rows.length > 0,
    staleTime: Infinity,
  });
}

export interface DeviceRuntimes {
  hw: HardwareRow;
  /** The runtimes measured on the device (snapshot rows, any model), most first, and auto's pick. */
  evidence: { runtime: RuntimeClass; rows: number; auto: boolean }[];
  /** The workload under each of those runtimes, at the row's precision and device count. */
  predicted: RuntimeRow[];
}

/** For each compared device that runs the workload: the runtimes it has evidence for, each predicted. */
export async function compareDeviceRuntimes(
  e: BrowserEngine,
  selection: Selection,
  model: ModelRow,
  rows: readonly RankedRow[],
): Promise<DeviceRuntimes[]> {
  const s = comparedSelection(selection);
  return Promise.all(
    rows.map(async (r) => {
      const at: Selection = { ...s, precision: r.precision, devices: r.devicesNeeded };
      const [d] = await compareRuntimes(e, at, model, [r.hardware]);
      return {
        hw: r.hardware,
        evidence: runtimesToCompare(e, model, r.hardware, s.mode, r.precision),
        predicted: d?.rows ?? [],
      };
    }),
  );
}

/** The runtimes section, cached by the comparison it belongs to. */
export function deviceRuntimesQuery(
  key: string,
  engine: BrowserEngine | undefined,
  selection: Selection,
  model: ModelRow | null,
  rows: readonly RankedRow[],
) {
  return queryOptions({
    queryKey: [
      'compare-runtimes',
      key,
      rows.map((r) => `${r.hardware.id}|${r.precision}|${r.devicesNeeded}`),
    ],
    queryFn: () => compareDeviceRuntimes(engine!, selection, model!, rows),
    enabled: engine !== undefined && model !== null && rows.length > 0,
    staleTime: Infinity,
  });
}
