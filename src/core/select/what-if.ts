/** "What would change the answer": the roofline re-run for a larger batch, a lower precision, more devices. */
import { rooflineEstimate } from '../roofline/estimate.ts';
import { precisionInfo, precisionSupport } from '../roofline/precision.ts';
import type { Workload } from '../roofline/workload.ts';
import { fmtGB, fmtMs, fmtRatio, sig3 } from '../format.ts';
import { itemUnit, planOne, type Objective } from './plan.ts';
import type { RankedRow } from './rank.ts';

/** Lower precisions tried, in order; the first the device supports with fewer weight bits is reported. */
const LOWER = ['fp8', 'int8', 'int4'];

/** Sentences for a larger batch, a lower precision and twice the devices, each with the roofline's numbers. */
export function whatIfSentences(row: RankedRow, objective: Objective): string[] {
  const w = row.workload;
  const out: string[] = [];
  const batch = w.batch === 1 ? 8 : w.batch * 4;
  out.push(variant(row, objective, { ...w, batch }, `batch ${batch} instead of ${w.batch}`));

  const bits = precisionInfo(w.precision)?.weightBits ?? 16;
  const lower = LOWER.filter((p) => (precisionInfo(p)?.weightBits ?? 99) < bits);
  const ok = lower.find((p) => precisionSupport(row.hardware, p).ok);
  if (ok) out.push(variant(row, objective, { ...w, precision: ok }, `${ok} instead of ${w.precision}`));
  else if (lower.length > 0) {
    const s = precisionSupport(row.hardware, lower[0]!);
    out.push(`${lower.join('/')}: not an option here (${s.ok ? 'supported' : s.reason})`);
  }

  const n = w.nDevices * 2;
  out.push(variant(row, objective, { ...w, nDevices: n }, `${n} devices instead of ${w.nDevices}`));
  return out;
}

function variant(row: RankedRow, objective: Objective, v: Workload, label: string): string {
  const base = row.estimate.metrics;
  const est = rooflineEstimate(v, row.hardware);
  if (!est.ok) {
    return `${label}: ${est.reason}`;
  }
  let devices = '';
  if (est.fit.status === 'needs-more') {
    const plan = planOne({ ...v, nDevices: v.nDevices }, row.hardware, v.precision, 64);
    devices = 'code' in plan ? ` (${plan.reason})` : ` (would need ${plan.devicesNeeded} devices to fit)`;
  }
  const m = est.metrics;
  const unit = itemUnit(row.workload);
  const mem = `memory ${fmtGB(est.fit.perDeviceBytes)}/device`;
  if (objective === 'latency') {
    const a = base.latency_ms ?? NaN;
    const b = m.latency_ms ?? NaN;
    const pred = row.latency ? row.latency.value * (b / a) : null;
    return `${label}: roofline latency ≥ ${fmtMs(a)} → ${fmtMs(b)} (${fmtRatio(a / b)} faster)${pred !== null ? `, ≈ ${fmtMs(pred)} at the same efficiency` : ''}; ${mem}${devices}`;
  }
  const a = base.throughput ?? NaN;
  const b = m.throughput ?? NaN;
  const pred = row.throughput ? row.throughput.value * (b / a) : null;
  const perDevice =
    v.nDevices !== row.workload.nDevices
      ? `, ${fmtRatio(b / a / (v.nDevices / row.workload.nDevices))} per device`
      : '';
  return `${label}: roofline throughput ≤ ${sig3(a)} → ${sig3(b)} ${unit} (${fmtRatio(b / a)}${perDevice})${pred !== null ? `, ≈ ${sig3(pred)} ${unit} at the same efficiency` : ''}, latency ≥ ${fmtMs(base.latency_ms ?? NaN)} → ${fmtMs(m.latency_ms ?? NaN)}; ${mem}${devices}`;
}
