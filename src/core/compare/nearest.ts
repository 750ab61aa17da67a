/**
 * The real measurements nearest a workload on each compared device: the same model first, then models of
 * similar size, the same precision and batch size, the same mode.
 */
import type { MeasurementRow, Mode } from '../catalog/schema.ts';
import { totalParams } from '../roofline/cost.ts';
import type { ModelArch } from '../roofline/workload.ts';

export interface NearTarget {
  model: ModelArch;
  mode: Mode;
  batch: number;
  /** The precision each device runs (a device absent here matches no precision). */
  precisions: ReadonlyMap<string, string>;
}

/** How far a measurement is from the workload (0: same model, precision, batch and mode). */
export function measurementDistance(
  m: MeasurementRow,
  t: NearTarget,
  models: ReadonlyMap<string, ModelArch>,
): number {
  const params = totalParams(t.model);
  const other = models.get(m.model_id);
  const otherParams = other ? totalParams(other) : null;
  const model =
    m.model_id === t.model.id
      ? 0
      : (other?.family && other.family === t.model.family ? 0 : 1) +
        (params && otherParams ? Math.abs(Math.log2(otherParams / params)) : 2) +
        0.5;
  const batch = Math.abs(Math.log2((m.batch_size ?? t.batch) / t.batch));
  const precision = m.precision === t.precisions.get(m.hardware_id) ? 0 : 1;
  return model + batch + precision + (m.mode === t.mode ? 0 : 3);
}

/** Per device id, its `k` nearest measurements, nearest first (ties: source file and row). */
export function nearestByDevice(
  rows: readonly MeasurementRow[],
  deviceIds: readonly string[],
  t: NearTarget,
  models: ReadonlyMap<string, ModelArch>,
  k = 5,
): Map<string, { m: MeasurementRow; distance: number }[]> {
  const wanted = new Set(deviceIds);
  const by = new Map<string, { m: MeasurementRow; distance: number }[]>(deviceIds.map((id) => [id, []]));
  for (const m of rows) {
    if (!wanted.has(m.hardware_id)) continue;
    by.get(m.hardware_id)!.push({ m, distance: measurementDistance(m, t, models) });
  }
  for (const [id, list] of by) {
    list.sort(
      (a, b) =>
        a.distance - b.distance ||
        (a.m.source_file < b.m.source_file ? -1 : a.m.source_file > b.m.source_file ? 1 : 0) ||
        a.m.source_row - b.m.source_row,
    );
    by.set(id, list.slice(0, k));
  }
  return by;
}
