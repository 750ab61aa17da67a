/** `predict --model … --hardware …`: every metric of one workload on each device, in one predictMany call. */
import type { HardwareRow, Metric } from '../core/catalog/schema.ts';
import type { PredictionEngine } from '../core/predict/engine.ts';
import {
  operatingPoint,
  type OperatingChoice,
  type OperatingPoint,
} from '../core/predict/operating-point.ts';
import type { RuntimeEvidence } from '../core/predict/runtime-choice.ts';
import type { Prediction, Query } from '../core/predict/types.ts';
import type { Workload } from '../core/roofline/workload.ts';
import type { ResolvedModel } from './model-arg.ts';
import { fitError, isLlmInference, queryFor, workloadFor, type WorkloadSpec } from './request.ts';

const BASE_METRICS: Metric[] = ['throughput', 'latency_ms', 'memory_mb'];
const LLM_METRICS: Metric[] = ['ttft_ms', 'tpot_ms', 'decode_tokens_s', 'prefill_tokens_s'];

type Answer = Extract<Prediction, { ok: true }>;

export interface DeviceResult {
  input: string;
  hw: HardwareRow;
  via: 'exact' | 'tolerant';
  /** Set when the device cannot run the workload at all. */
  error: string | null;
  /** The runtime, scenario, batch and layout this device's answers assume. */
  point: OperatingPoint | null;
  metrics: Partial<Record<Metric, Answer | { ok: false; error: string }>>;
}

export interface SingleResult {
  model: ResolvedModel;
  workload: Workload;
  devices: DeviceResult[];
}

export async function predictDevices(
  engine: PredictionEngine,
  model: ResolvedModel,
  devices: readonly { input: string; entry: HardwareRow; via: 'exact' | 'tolerant' }[],
  spec: WorkloadSpec,
  choice: OperatingChoice = { runtime: 'auto', scenario: 'single-stream' },
  evidence: RuntimeEvidence | null = null,
): Promise<SingleResult> {
  const workload = workloadFor(model.row, spec);
  const metrics = isLlmInference(model.row, spec.mode) ? [...BASE_METRICS, ...LLM_METRICS] : BASE_METRICS;
  const results: DeviceResult[] = [];
  for (const d of devices) {
    const r: DeviceResult = {
      input: d.input,
      hw: d.entry,
      via: d.via,
      error: null,
      point: null,
      metrics: {},
    };
    results.push(r);
    if (choice.scenario !== 'offline' && (r.error = fitError(workload, d.entry))) continue;
    const op = await operatingPoint(
      (qs) => engine.predictMany(qs, { consistency: false }),
      evidence,
      model.row,
      d.entry,
      workload,
      choice,
    );
    if ('error' in op) r.error = op.error;
    else r.point = op;
  }
  const queries: Query[] = [];
  const slots: [DeviceResult, Metric][] = [];
  for (const r of results) {
    if (r.error || !r.point) continue;
    for (const m of metrics) {
      queries.push({ ...queryFor(model.row, r.point.workload, r.hw, m), runtime: r.point.runtime.runtime });
      slots.push([r, m]);
    }
  }
  const answers = await engine.predictMany(queries);
  answers.forEach((a, i) => {
    const [r, m] = slots[i]!;
    r.metrics[m] = a.ok ? a : { ok: false, error: a.error };
  });
  for (const r of results) {
    const all = Object.values(r.metrics);
    if (!r.error && all.length > 0 && all.every((a) => !a.ok)) r.error = (all[0] as { error: string }).error;
  }
  return { model, workload, devices: results };
}

const LABELS: Record<Metric, string> = {
  throughput: 'throughput',
  latency_ms: 'latency',
  memory_mb: 'memory',
  ttft_ms: 'TTFT',
  tpot_ms: 'TPOT',
  decode_tokens_s: 'decode',
  prefill_tokens_s: 'prefill',
};

const num = (v: number) =>
  v >= 1000
    ? Math.round(v).toLocaleString('en-US')
    : v >= 10
      ? v.toFixed(1)
      : v >= 1
        ? v.toFixed(2)
        : v.toPrecision(3);

function describeWorkload(w: Workload): string {
  const parts = [w.mode, w.precision, `batch ${w.batch}`];
  if (w.promptTokens !== undefined) parts.push(`prompt ${w.promptTokens}`, `gen ${w.genTokens}`);
  if (w.seqLen !== undefined) parts.push(`seq ${w.seqLen}`);
  if (w.imageSize !== undefined) parts.push(`image ${w.imageSize}px`);
  parts.push(`${w.nDevices} device${w.nDevices > 1 ? 's' : ''}`);
  return parts.join(', ');
}

export function renderText(r: SingleResult): string {
  const lines = [`model: ${r.model.how}`, `workload: ${describeWorkload(r.workload)}`];
  for (const d of r.devices) {
    lines.push('', `${d.hw.name}  ("${d.input}" → ${d.hw.id}, ${d.via} match)`);
    if (d.error) {
      lines.push(`  cannot run: ${d.error}`);
      continue;
    }
    if (d.point) {
      const p = d.point;
      lines.push(`  runtime: ${p.runtime.why}`);
      lines.push(`  ${p.scenario}: batch ${p.batch}, ${p.layout}${p.search ? ` (${p.search})` : ''}`);
      if (p.measure) lines.push(`  measure it: ${p.measure}`);
    }
    const lead = (d.metrics.throughput ?? d.metrics.latency_ms) as Answer | { ok: false } | undefined;
    if (lead?.ok) lines.push(`  ${lead.bound ?? '?'}-bound · layer ${lead.layer}`);
    for (const [m, a] of Object.entries(d.metrics) as [Metric, DeviceResult['metrics'][Metric]][]) {
      if (!a) continue;
      const label = LABELS[m].padEnd(11);
      lines.push(
        a.ok
          ? `  ${label}${`${num(a.value)} ${a.unit}`.padEnd(22)}80%: ${num(a.low)} – ${num(a.high)}`
          : `  ${label}n/a (${a.error})`,
      );
    }
    if (lead?.ok) lines.push(`  why: ${lead.explanation}`);
    const mem = d.metrics.memory_mb;
    if (mem?.ok) lines.push(`  memory: ${mem.explanation}`);
  }
  return lines.join('\n');
}

export function renderJson(r: SingleResult): string {
  const { model: _m, ...workload } = r.workload;
  return JSON.stringify(
    {
      model: { id: r.model.row.id, name: r.model.row.name, resolved: r.model.how },
      workload,
      devices: r.devices.map((d) => ({
        input: d.input,
        id: d.hw.id,
        name: d.hw.name,
        match: d.via,
        error: d.error,
        runtime: d.point?.runtime.runtime ?? null,
        runtime_why: d.point?.runtime.why ?? null,
        scenario: d.point?.scenario ?? null,
        batch: d.point?.batch ?? null,
        layout: d.point?.layout ?? null,
        measure: d.point?.measure ?? null,
        predictions: d.error ? {} : d.metrics,
      })),
    },
    null,
    2,
  );
}
