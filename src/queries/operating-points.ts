/**
 * The Predict page's answers for the selection: each device's operating point (runtime chosen or auto, single
 * stream or the offline search) and every metric there; and the same workload under each runtime measured on
 * a device. The selection becomes engine queries in core (`queriesForSelection`), as for the CLI.
 */
import { queryOptions } from '@tanstack/react-query';
import type { BrowserEngine } from '../adapters/engine-browser.ts';
import type { RuntimeClass } from '../core/catalog/runtime.ts';
import type { HardwareRow, Metric, Mode, ModelRow } from '../core/catalog/schema.ts';
import type { OperatingPoint } from '../core/predict/operating-point.ts';
import { chooseRuntime } from '../core/predict/runtime-choice.ts';
import type { Prediction } from '../core/predict/types.ts';
import { isGenerative } from '../core/roofline/workload.ts';
import { coalesce } from '../core/select/offline-plan.ts';
import {
  queriesAt,
  queriesForSelection,
  selectionCases,
  selectionWorkloadKey,
  type PlannedDevice,
  type QueryEngine,
  type SelectionCase,
  type SelectionFailure,
} from '../core/share/selection-queries.ts';
import type { Selection } from '../core/share/selection.ts';

export interface DeviceAnswer {
  hw: HardwareRow;
  /** The runtime, batch and layout the answers assume; null with `error` when there is none. */
  point: OperatingPoint | null;
  error: string | null;
  answers: { metric: Metric; prediction: Prediction }[];
}

/** The engine for the operating-point searches, batched into one call per round. */
const queryEngine = (e: BrowserEngine): QueryEngine => ({
  predictMany: coalesce((qs) => e.engine.predictMany(qs, { consistency: false })),
  evidence: e.evidence(),
});

/** Answers every planned query in one batched prediction. */
async function answer(e: BrowserEngine, planned: readonly PlannedDevice[]): Promise<DeviceAnswer[]> {
  const predictions = await e.engine.predictMany(planned.flatMap((p) => p.queries));
  let at = 0;
  return planned.map((p) => ({
    hw: p.hw,
    point: p.point,
    error: p.error,
    answers: p.queries.map((q) => ({ metric: q.metric, prediction: predictions[at++]! })),
  }));
}

/** Every metric of the selection's workload on each device, at its operating point. */
export async function predictSelection(
  e: BrowserEngine,
  s: Selection,
  model: ModelRow,
  devices: readonly HardwareRow[],
): Promise<DeviceAnswer[]> {
  return answer(e, await queriesForSelection(s, model, devices, queryEngine(e)));
}

export interface RuntimeRow extends DeviceAnswer {
  runtime: RuntimeClass;
  /** Snapshot rows measured on this device with this runtime (any model). */
  evidenceRows: number;
  /** Whether `auto` picks this runtime here. */
  auto: boolean;
}

/** The runtimes compared on a device: those measured on it (most rows first), plus auto's pick. */
export function runtimesToCompare(
  e: BrowserEngine,
  model: ModelRow,
  hw: HardwareRow,
  mode: Mode,
  precision: string,
): { runtime: RuntimeClass; rows: number; auto: boolean }[] {
  const pick = chooseRuntime('auto', mode, hw, model, precision, e.evidence()).runtime;
  const measured = e.evidence().runtimesOn(hw.id, isGenerative(model));
  const list = measured.some((m) => m.runtime === pick)
    ? measured
    : [...measured, { runtime: pick, rows: 0 }];
  return list.map((m) => ({ ...m, auto: m.runtime === pick }));
}

/** For each device, the selection's throughput and latency under each runtime to compare. */
export async function compareRuntimes(
  e: BrowserEngine,
  s: Selection,
  model: ModelRow,
  devices: readonly HardwareRow[],
): Promise<{ hw: HardwareRow; rows: RuntimeRow[] }[]> {
  const engine = queryEngine(e);
  const base = selectionCases(s, model, devices, engine.evidence);
  const cases: {
    c: SelectionCase | SelectionFailure;
    r: { runtime: RuntimeClass; rows: number; auto: boolean };
  }[] = base.flatMap((c) => {
    const precision = 'error' in c ? s.precision : c.workload.precision;
    return runtimesToCompare(e, model, c.hw, s.mode, precision).map((r) => ({
      c: 'error' in c ? c : { ...c, choice: { runtime: r.runtime, scenario: s.scenario } },
      r,
    }));
  });
  const answers = await answer(
    e,
    await queriesAt(
      cases.map((x) => x.c),
      model,
      ['throughput', 'latency_ms'],
      engine,
    ),
  );
  return devices.map((hw) => ({
    hw,
    rows: cases.flatMap((x, i) =>
      x.c.hw === hw ? [{ ...answers[i]!, runtime: x.r.runtime, evidenceRows: x.r.rows, auto: x.r.auto }] : [],
    ),
  }));
}

/** What the Predict page's answers depend on: the workload the model uses, and the devices. */
const predictKey = (s: Selection, model: ModelRow, devices: readonly HardwareRow[]) => [
  selectionWorkloadKey(s, model),
  model.id,
  devices.map((d) => d.id),
];

/** The Predict page's table, cached by what it depends on; every metric the model's workload answers. */
export function devicePredictionsQuery(
  engine: BrowserEngine | undefined,
  s: Selection,
  model: ModelRow | null,
  devices: readonly HardwareRow[],
) {
  return queryOptions({
    queryKey: ['device-predictions', ...(model ? predictKey(s, model, devices) : [])],
    queryFn: () => predictSelection(engine!, s, model!, devices),
    enabled: engine !== undefined && model !== null && devices.length > 0,
    staleTime: Infinity,
  });
}

/** The compare-runtimes tables, cached by what they depend on. */
export function runtimeComparisonQuery(
  engine: BrowserEngine | undefined,
  s: Selection,
  model: ModelRow | null,
  devices: readonly HardwareRow[],
  enabled: boolean,
) {
  return queryOptions({
    queryKey: ['runtime-comparison', ...(model ? predictKey(s, model, devices) : [])],
    queryFn: () => compareRuntimes(engine!, s, model!, devices),
    enabled: enabled && engine !== undefined && model !== null && devices.length > 0,
    staleTime: Infinity,
  });
}
