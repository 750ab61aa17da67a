/**
 * The one number formatter of every page, the CLI and the explanations: three significant figures,
 * thousands separators (en-US), units where they apply, and an en dash for a missing value.
 */

/** What every page shows for a missing or non-finite value. */
export const DASH = '–';

const missing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || !Number.isFinite(v);

/** Three significant figures; values ≥ 1,000 get separators ("1,950", "121,000"), small values keep 3 figures. */
export function sig3(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Number(v.toPrecision(3)).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a === 0) return '0';
  return Number(v.toPrecision(3)).toString();
}

export const fmtGB = (bytes: number): string => `${sig3(bytes / 1e9)} GB`;

/** Bandwidth given in GB/s: TB/s from 1,000 GB/s up. */
export const fmtBandwidth = (gbs: number): string =>
  gbs >= 1000 ? `${sig3(gbs / 1000)} TB/s` : `${sig3(gbs)} GB/s`;

/** A FLOP count: TFLOP / GFLOP / MFLOP. */
export function fmtFlop(flop: number): string {
  if (flop >= 1e12) return `${sig3(flop / 1e12)} TFLOP`;
  if (flop >= 1e9) return `${sig3(flop / 1e9)} GFLOP`;
  return `${sig3(flop / 1e6)} MFLOP`;
}

export const fmtTflops = (tflops: number): string => `${sig3(tflops)} TFLOPS`;

/** Seconds → µs / ms / s. */
export function fmtSeconds(s: number): string {
  if (s >= 10) return `${sig3(s)} s`;
  if (s >= 1e-3) return `${sig3(s * 1e3)} ms`;
  return `${sig3(s * 1e6)} µs`;
}

export const fmtMs = (ms: number): string => fmtSeconds(ms / 1e3);

export const fmtUsd = (usd: number): string =>
  usd >= 100 ? `$${Math.round(usd).toLocaleString('en-US')}` : `$${sig3(usd)}`;

/** A ratio such as 2.8× (two significant figures under 10). */
export const fmtRatio = (r: number): string => `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;

/** A value with three significant figures and an optional unit ("12.3 GB"), or a dash. */
export const num = (v: number | null | undefined, unit = ''): string =>
  missing(v) ? DASH : `${sig3(v)}${unit ? ` ${unit}` : ''}`;

/** A percentage with one decimal ("32.8%"), or a dash. */
export const pct = (v: number | null | undefined): string => (missing(v) ? DASH : `${v.toFixed(1)}%`);

/** A signed whole percentage ("+12%", "-3%"), or a dash. */
export const signedPct = (v: number | null | undefined): string =>
  missing(v) ? DASH : `${v > 0 ? '+' : ''}${v.toFixed(0)}%`;

/** A factor such as an interval width ("5.9×", "12×"), or a dash. */
export const factor = (v: number | null | undefined): string =>
  missing(v) ? DASH : `${v < 10 ? v.toFixed(1) : sig3(v)}×`;

/** A count with separators ("57,471"). */
export const count = (n: number): string => n.toLocaleString('en-US');
