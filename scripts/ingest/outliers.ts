/** Flags rows for review: values far from their peers, and throughputs a device's peak cannot deliver. */
import type { HardwareRow, MeasurementRow, ModelRow } from '../../src/core/catalog/schema.ts';

export interface OutlierFinding {
  row: MeasurementRow;
  flag: 'outlier' | 'exceeds-peak';
  detail: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Peak dense TFLOPS a precision can use on a device (falls back to fp32 when the precision has no figure). */
function peakFor(hw: HardwareRow, precision: string): number | null {
  const p = precision.toLowerCase();
  const half = hw.fp16_tflops ?? hw.bf16_tflops;
  if (p === 'fp16' || p === 'mixed' || p === 'mixed-bf16' || p === 'bf16')
    return Math.max(half ?? 0, hw.fp32_tflops ?? 0) || null;
  if (p === 'fp8') return hw.fp8_tflops ?? half ?? hw.fp32_tflops;
  if (p === 'int8') return hw.int8_tops ?? hw.fp8_tflops ?? half ?? hw.fp32_tflops;
  if (p === 'fp4' || p === 'int4')
    return hw.fp4_tflops ?? hw.int4_tops ?? hw.int8_tops ?? half ?? hw.fp32_tflops;
  if (p === 'tf32') return hw.tf32_tflops ?? hw.fp32_tflops;
  return Math.max(hw.fp32_tflops ?? 0, hw.tf32_tflops ?? 0, half ?? 0) || null;
}

/**
 * Marks rows in place (row.flags) and returns the findings:
 * - `outlier`: more than 5× from the median of rows with the same model, device, count, metric, precision, batch and mode;
 * - `exceeds-peak`: an inference throughput of a model with known GFLOPs/sample that would need more than the
 *   device's peak at that precision (or its fastest peak) times the device count.
 */
export function flagOutliers(
  rows: MeasurementRow[],
  hardware: ReadonlyMap<string, HardwareRow>,
  models: ReadonlyMap<string, ModelRow>,
): OutlierFinding[] {
  const findings: OutlierFinding[] = [];
  const groups = new Map<string, MeasurementRow[]>();
  for (const r of rows) {
    const k = [
      r.model_id,
      r.hardware_id,
      r.n_devices,
      r.metric,
      r.precision,
      r.batch_size,
      r.mode,
      r.prompt_tokens,
      r.gen_tokens,
    ].join('|');
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  for (const g of groups.values()) {
    if (g.length < 3) continue;
    const m = median(g.map((r) => r.value));
    for (const r of g) {
      const ratio = r.value / m;
      if (ratio > 5 || ratio < 0.2)
        findings.push({
          row: r,
          flag: 'outlier',
          detail: `${ratio.toFixed(2)}× the median of ${g.length} peers`,
        });
    }
  }
  for (const r of rows) {
    if (r.metric !== 'throughput' || r.mode !== 'inference') continue;
    const model = models.get(r.model_id);
    const hw = hardware.get(r.hardware_id);
    if (!model?.gflops_per_sample || !hw) continue;
    const peak = peakFor(hw, r.precision);
    if (!peak) continue;
    const needed = (r.value * model.gflops_per_sample) / 1000; // TFLOP/s
    const available = peak * r.n_devices;
    if (needed > available * 1.05)
      findings.push({
        row: r,
        flag: 'exceeds-peak',
        detail: `needs ${needed.toFixed(1)} TFLOP/s, peak ${available.toFixed(1)}`,
      });
  }
  for (const f of findings) f.row.flags = f.row.flags ? `${f.row.flags};${f.flag}` : f.flag;
  return findings;
}
