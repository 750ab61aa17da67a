/** Display of the Accuracy page's figures. */
import { sig3 } from '../../core/select/format.ts';

/** A percentage with one decimal ("32.8%"), or a dash. */
export const pct = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(1)}%`;

/** An interval width as a factor ("5.9×"), or a dash. */
export const factor = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v < 10 ? v.toFixed(1) : sig3(v)}×`;

/** A measured or predicted value: three significant figures, or a dash. */
export const value = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : sig3(v);

/** A row count with separators. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** |predicted − truth| / truth in %, or null without a prediction. */
export const apeOf = (predicted: number | null, truth: number): number | null =>
  predicted === null ? null : (Math.abs(predicted - truth) / truth) * 100;
