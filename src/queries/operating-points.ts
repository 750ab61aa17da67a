/**
 * The Predict page's answers: each device's operating point (runtime chosen or auto, single stream or the
 * offline search) and every metric there; and the same workload under each runtime measured on a device.
 */
import { queryOptions } from '@tanstack/react-query';
import type { BrowserEngine } from '../adapters/engine-browser.ts';
import type { RuntimeClass } from '../core/catalog/runtime.ts';
import type { HardwareRow, Metric, Mode, ModelRow } from '../core/catalog/schema.ts';
import {
  operatingPoint,
  type OperatingChoice,
  type OperatingPoint,
} from '../core/predict/operating-point.ts';
import { chooseRuntime } from '../core/predict/runtime-choice.ts';
import type { Prediction, Query } from '../core/predict/types.ts';
import type { Workload } from '../core/roofline/workload.ts';
import { coalesce } from '../core/select/offline-plan.ts';
import type { Scenario } from '../core/share/selection.ts';

/** The workload the Predict page describes, with catalog ids. */
export interface WorkloadInput {
  model: string;
  hardware: string[];
  mode: Mode;
  precision: string;
  batch: number;
  nDevices: number;
  seqLen: number;
  promptTokens: number;
  genTokens: number;
  imageSize: number;
}

export interface DeviceAnswer {
  hw: HardwareRow;
  /** The runtime, batch and layout the answers assume; null with `error` when there is none. */
  point: OperatingPoint | null;
  error: string | null;
  answers: { metric: Metric; prediction: Prediction }[];
}

interface Resolved {
  model: ModelRow;
  devices: HardwareRow[];
  workload: Workload;
}

function resolve(e: BrowserEngine, input: WorkloadInput): Resolved {
  const model = e.snapshot.models.find((m) => m.id === input.model);
  if (!model) throw new Error(`unknown model id "${input.model}"`);
  const byId = new Map(e.snapshot.hardware.map((h) => [h.id, h]));
  const devices = input.hardware.map((id) => {
    const hw = byId.get(id);
    if (!hw) throw new Error(`unknown hardware id "${id}"`);
    return hw;
  });
  const workload: Workload = {
    model,
    mode: input.mode,
    batch: input.batch,
    precision: input.precision,
    nDevices: input.nDevices,
    seqLen: input.seqLen,
    promptTokens: input.promptTokens,
    genTokens: input.genTokens,
    imageSize: input.imageSize,
  };
  return { model, devices, workload };
}

/** Each device's operating point, then `metrics` there: one batched search, one batched prediction. */
async function answer(
  e: BrowserEngine,
  model: ModelRow,
  cases: readonly { hw: HardwareRow; workload: Workload; choice: OperatingChoice }[],
  metrics: readonly Metric[],
): Promise<DeviceAnswer[]> {
  const batched = coalesce((qs) => e.engine.predictMany(qs, { consistency: false }));
  const points = await Promise.all(
    cases.map((c) => operatingPoint(batched, e.evidence(), model, c.hw, c.workload, c.choice)),
  );
  const out: DeviceAnswer[] = cases.map((c, i) => {
    const p = points[i]!;
    return 'error' in p
      ? { hw: c.hw, point: null, error: p.error, answers: [] }
      : { hw: c.hw, point: p, error: null, answers: [] };
  });
  const queries: Query[] = [];
  const slots: [DeviceAnswer, Metric][] = [];
  for (const d of out) {
    if (!d.point) continue;
    for (const metric of metrics) {
      const runtime = d.point.runtime.runtime;
      queries.push({ workload: d.point.workload, hw: d.hw, model, metric, runtime });
      slots.push([d, metric]);
    }
  }
  const predictions = await e.engine.predictMany(queries);
  predictions.forEach((prediction, i) => {
    const [d, metric] = slots[i]!;
    d.answers.push({ metric, prediction });
  });
  return out;
}

/** Every metric of the workload on each chosen device, at the operating point of `choice`. */
export async function predictDevices(
  e: BrowserEngine,
  input: WorkloadInput,
  metrics: readonly Metric[],
  choice: OperatingChoice,
): Promise<DeviceAnswer[]> {
  const { model, devices, workload } = resolve(e, input);
  return answer(
    e,
    model,
    devices.map((hw) => ({ hw, workload, choice })),
    metrics,
  );
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
  const measured = e.evidence().runtimesOn(hw.id);
  const list = measured.some((m) => m.runtime === pick)
    ? measured
    : [...measured, { runtime: pick, rows: 0 }];
  return list.map((m) => ({ ...m, auto: m.runtime === pick }));
}

/** For each chosen device, the workload's throughput and latency under each runtime to compare. */
export async function compareRuntimes(
  e: BrowserEngine,
  input: WorkloadInput,
  scenario: Scenario,
): Promise<{ hw: HardwareRow; rows: RuntimeRow[] }[]> {
  const { model, devices, workload } = resolve(e, input);
  const cases = devices.flatMap((hw) =>
    runtimesToCompare(e, model, hw, input.mode, input.precision).map((r) => ({
      hw,
      workload,
      choice: { runtime: r.runtime, scenario },
      r,
    })),
  );
  const answers = await answer(e, model, cases, ['throughput', 'latency_ms']);
  return devices.map((hw) => ({
    hw,
    rows: cases.flatMap((c, i) =>
      c.hw === hw ? [{ ...answers[i]!, runtime: c.r.runtime, evidenceRows: c.r.rows, auto: c.r.auto }] : [],
    ),
  }));
}

/** The Predict page's table, cached by its inputs. */
export function devicePredictionsQuery(
  engine: BrowserEngine | undefined,
  input: WorkloadInput,
  metrics: readonly Metric[],
  choice: OperatingChoice,
) {
  return queryOptions({
    queryKey: ['device-predictions', input, metrics, choice],
    queryFn: () => predictDevices(engine!, input, metrics, choice),
    enabled: engine !== undefined && input.hardware.length > 0,
    staleTime: Infinity,
  });
}

/** The compare-runtimes tables, cached by their inputs. */
export function runtimeComparisonQuery(
  engine: BrowserEngine | undefined,
  input: WorkloadInput,
  scenario: Scenario,
  enabled: boolean,
) {
  return queryOptions({
    queryKey: ['runtime-comparison', input, scenario],
    queryFn: () => compareRuntimes(engine!, input, scenario),
    enabled: enabled && engine !== undefined && input.hardware.length > 0,
    staleTime: Infinity,
  });
}
