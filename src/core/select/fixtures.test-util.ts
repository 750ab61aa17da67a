/** Priced fixture devices and hand-set predictions for ranking tests. */
import type { HardwareRow, Metric } from '../catalog/schema.ts';
import { METRIC_UNITS } from '../catalog/schema.ts';
import type { Prediction } from '../predict/types.ts';
import { A100, H100, V100, XEON } from '../roofline/fixtures.test-util.ts';
import type { PlannedQuery } from './rank.ts';

export const H100P: HardwareRow = { ...H100, price_usd: 30000, cloud_usd_hr: 3 };
export const A100P: HardwareRow = { ...A100, price_usd: 15000, cloud_usd_hr: 1.8 };
export const V100P: HardwareRow = { ...V100, price_usd: null, cloud_usd_hr: null };
export const XEONP: HardwareRow = { ...XEON, price_usd: 10000, tdp_w: null };
/** A consumer card for platform filters. */
export const RTX: HardwareRow = {
  ...A100,
  id: 'rtx',
  name: 'RTX test 24GB',
  segment: 'consumer',
  memory_gb: 24,
  mem_bw_gbs: 1000,
  fp16_tflops: 165,
  bf16_tflops: 165,
  int8_tops: 330,
  tdp_w: 450,
  price_usd: 1600,
  cloud_usd_hr: null,
};

/** Predictions: per device id, a value per metric; interval ±20%; absent devices are left unpredicted. */
export function fakePredictions(
  queries: readonly PlannedQuery[],
  table: Record<string, Partial<Record<Metric, number>>>,
): Map<string, Prediction> {
  const out = new Map<string, Prediction>();
  for (const q of queries) {
    const v = table[q.hardware.id]?.[q.metric];
    if (v === undefined) continue;
    out.set(q.key, {
      ok: true,
      metric: q.metric,
      value: v,
      low: v * 0.8,
      high: v * 1.2,
      unit: METRIC_UNITS[q.metric],
      layer: 'learned',
      bound: 'memory',
      boundValue: null,
      explanation: '',
    });
  }
  return out;
}
