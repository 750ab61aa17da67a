/** The compatibility matrix as a file: one JSON document (CLI and page write the same shape) or flat CSV rows. */
import type { CompatMatrix, CompatStatus } from './compatibility.ts';

export const COMPAT_STATUSES = [
  'supported',
  'limited',
  'unsupported',
  'unknown',
] as const satisfies readonly CompatStatus[];

export interface CompatDocument extends CompatMatrix {
  kind: 'compatibility';
  /** Snapshot version from the manifest, when known. */
  snapshot: string | null;
  counts: Record<CompatStatus, number>;
}

/** Cells per status (every status present, zeros included). */
export function compatCounts(m: CompatMatrix): Record<CompatStatus, number> {
  const counts = Object.fromEntries(COMPAT_STATUSES.map((s) => [s, 0])) as Record<CompatStatus, number>;
  for (const c of m.cells) counts[c.status]++;
  return counts;
}

export function compatDocument(m: CompatMatrix, snapshot: string | null): CompatDocument {
  return { kind: 'compatibility', snapshot, counts: compatCounts(m), ...m };
}

export const COMPAT_CSV_COLUMNS = [
  'family',
  'platform',
  'status',
  'reason',
  'model',
  'measured_rows',
  'devices_total',
  'devices_full',
  'devices_reduced',
  'devices_sharded',
  'devices_cannot',
] as const;

/** One flat row per cell, keyed by COMPAT_CSV_COLUMNS. */
export function compatCsvRows(
  m: CompatMatrix,
): Record<(typeof COMPAT_CSV_COLUMNS)[number], string | number | null>[] {
  return m.cells.map((c) => ({
    family: c.family,
    platform: c.platform,
    status: c.status,
    reason: c.reason,
    model: c.model,
    measured_rows: c.measuredRows,
    devices_total: c.devices.total,
    devices_full: c.devices.full,
    devices_reduced: c.devices.reduced,
    devices_sharded: c.devices.sharded,
    devices_cannot: c.devices.cannot,
  }));
}
