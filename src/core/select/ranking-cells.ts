/**
 * The text of a ranking's cells, shared by the Recommend page's table and the CLI's `recommend`: a value
 * with its 80% interval, money, power, the runtime's batch and layout.
 */
import { DASH, fmtUsd, num, sig3 } from '../format.ts';
import type { MetricValue, RankedRow } from './rank.ts';

export { DASH, num };

/** "12.3 (8.1–15.2)": the prediction and its 80% interval. */
export function withInterval(m: MetricValue | null, scale = 1): { value: string; interval: string } {
  if (!m) return { value: DASH, interval: '' };
  return {
    value: sig3(m.value * scale),
    interval: `${sig3(m.low * scale)}–${sig3(m.high * scale)}`,
  };
}

export const usd = (v: number | null): string => (v === null ? DASH : fmtUsd(v));
export const usdHr = (v: number | null): string => (v === null ? DASH : `${fmtUsd(v)}/h`);

/** Memory predictions are in MB; shown in GB. */
export const MB_TO_GB = 1 / 1000;

/** "batch 1 · 1 device", "offline · batch 512 · 8 replicas". */
export const operatingText = (r: Pick<RankedRow, 'scenario' | 'batch' | 'layout'>): string =>
  `${r.scenario === 'offline' ? 'offline · ' : ''}batch ${r.batch} · ${r.layout}`;
