/** When two measurements are the same one: same device, model, workload, metric, runtime and value. */
import type { MeasurementRow } from '../catalog/schema.ts';

/** Everything that makes two rows the same workload: the configuration, not the metric, value or provenance. */
export function workloadFields(r: MeasurementRow): (string | number)[] {
  return [
    r.hardware_id,
    r.n_devices,
    r.model_id,
    r.mode,
    r.scenario ?? '',
    r.precision,
    r.batch_size ?? '',
    r.seq_len ?? '',
    r.prompt_tokens ?? '',
    r.gen_tokens ?? '',
    r.image_size ?? '',
    r.runtime_class,
    r.runtime ?? '',
  ];
}

/**
 * The identity of a measurement, provenance aside. With `withValue` false: its configuration only (two
 * rows with one configuration and different values are repeated runs, not duplicates).
 */
export function duplicateKey(r: MeasurementRow, withValue = true): string {
  return [...workloadFields(r), r.metric, withValue ? Number(r.value.toPrecision(9)) : ''].join('\u0001');
}
