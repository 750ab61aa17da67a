/**
 * Physics as the last check of a row: no rate above its roofline bound and no time below it (beyond a small
 * tolerance), no memory beyond what the devices hold. A row the roofline cannot bound is kept, flagged.
 */
import type { HardwareRow, MeasurementRow, ModelRow } from '../catalog/schema.ts';
import { boundValue, RATE_METRICS, workloadOf } from '../predict/observation.ts';
import { deviceCapacity } from '../roofline/capacity.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';

/** A measured rate may beat its roofline bound by this much (spec sheets round; boost clocks) before it is refused. */
export const ROOFLINE_TOLERANCE = 1.05;

export const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3));

export type Physics =
  | { kind: 'ok' }
  /** Impossible on these devices: a bad row (unless above the roofline is allowed: then flagged). */
  | { kind: 'beyond'; reason: string; flag: 'exceeds-roofline' }
  | { kind: 'impossible'; reason: string }
  /** Kept, flagged: nothing to check against. */
  | { kind: 'unchecked'; reason: string; flag: 'no-roofline' };

export function physicsOf(row: MeasurementRow, hw: HardwareRow, model: ModelRow): Physics {
  const { value, metric, unit, n_devices: n } = row;
  if (metric === 'memory_mb') {
    const cap = deviceCapacity(hw);
    if (cap && value * 1e6 > cap.bytes * n * ROOFLINE_TOLERANCE)
      return {
        kind: 'impossible',
        reason: `${fmt(value)} MB is more memory than ${n} × ${hw.name} hold (${fmt((cap.bytes * n) / 1e6)} MB)`,
      };
    return { kind: 'ok' };
  }
  const est = rooflineEstimate(workloadOf(row, model), hw);
  if (!est.ok) return { kind: 'unchecked', reason: `no roofline bound (${est.reason})`, flag: 'no-roofline' };
  const bound = boundValue(est, metric);
  if (bound === null)
    return {
      kind: 'unchecked',
      reason: `the roofline has no ${metric} for this workload`,
      flag: 'no-roofline',
    };
  const rate = RATE_METRICS.has(metric);
  const beyond = rate ? value / bound : bound / value;
  if (beyond <= ROOFLINE_TOLERANCE) return { kind: 'ok' };
  const where = `${n} × ${hw.name} at ${row.precision}`;
  return {
    kind: 'beyond',
    flag: 'exceeds-roofline',
    reason: rate
      ? `${fmt(value)} ${unit} is ${beyond.toFixed(2)}× the roofline bound (${fmt(bound)} ${unit} at most on ${where})`
      : `${fmt(value)} ms is ${beyond.toFixed(2)}× faster than the roofline bound (${fmt(bound)} ms at least on ${where})`,
  };
}
