/** Number formatting with units for explanation strings: three significant figures, thousands separators. */

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
