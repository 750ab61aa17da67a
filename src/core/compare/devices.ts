/**
 * The Compare page's device list (`hardware=` in the link): which ids the catalog knows, the 2–6 compared,
 * and the edits the picker makes. Pure: the catalog comes in as a lookup.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import { MAX_HARDWARE, NO_CONSTRAINTS, PLATFORMS, type Selection } from '../share/selection.ts';

/** Fewest devices a comparison needs. */
export const MIN_COMPARE = 2;
/** Most devices compared side by side (a link may name up to MAX_HARDWARE; the rest wait). */
export const MAX_COMPARE = 6;

export interface CompareDevices {
  /** Known devices, in the link's order, at most MAX_COMPARE. */
  devices: HardwareRow[];
  /** Ids the catalog does not have, in the link's order. */
  unknown: string[];
  /** Known devices past MAX_COMPARE: listed, not compared. */
  overflow: HardwareRow[];
  /** What stops the comparison, in words; null when 2–6 known devices are chosen. */
  problem: string | null;
}

/** Resolves the link's hardware ids against the catalog (and the lab's browser devices). */
export function resolveCompareDevices(
  ids: readonly string[],
  catalog: ReadonlyMap<string, HardwareRow>,
): CompareDevices {
  const known: HardwareRow[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const hw = catalog.get(id);
    if (hw) known.push(hw);
    else unknown.push(id);
  }
  const devices = known.slice(0, MAX_COMPARE);
  const overflow = known.slice(MAX_COMPARE);
  const problem =
    devices.length >= MIN_COMPARE
      ? null
      : devices.length === 0
        ? `Choose at least ${MIN_COMPARE} devices to compare.`
        : `Choose at least one more device: ${devices[0]!.name} is the only one chosen.`;
  return { devices, unknown, overflow, problem };
}

/** The list with `id` added at the end (no repeats; at most MAX_HARDWARE, the link's limit). */
export function addDevice(ids: readonly string[], id: string): string[] {
  if (ids.includes(id) || ids.length >= MAX_HARDWARE) return [...ids];
  return [...ids, id];
}

/** The list without `id`. */
export function removeDevice(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/**
 * The devices a "compare with…" link from a ranking opens: the row's device beside the top pick (the top
 * pick's own row pairs it with the runner-up). Null when there is nothing to compare it with.
 */
export function compareWith(rowId: string, rankedIds: readonly string[]): string[] | null {
  const top = rankedIds[0];
  if (top === undefined) return null;
  if (rowId !== top) return [top, rowId];
  const next = rankedIds[1];
  return next === undefined ? null : [top, next];
}

/**
 * The selection as a comparison ranks it: every chosen device is compared, so no constraints or platform
 * filters; the objective is latency or throughput (a $ or W objective would drop unpriced devices; cost and
 * energy are columns instead); browser devices come in the device list, not from the lab profile.
 */
export function comparedSelection(s: Selection): Selection {
  return {
    ...s,
    constraints: { ...NO_CONSTRAINTS },
    platforms: [...PLATFORMS],
    objective: s.objective === 'latency' ? 'latency' : 'throughput',
    lab: null,
  };
}

/** A stable key of what a comparison depends on: the workload, the objective's metric and the devices. */
export function compareKey(s: Selection): string {
  const c = comparedSelection(s);
  return JSON.stringify([
    c.model,
    c.custom,
    c.mode,
    c.precision,
    c.runtime,
    c.scenario,
    c.batch,
    c.seq,
    c.prompt,
    c.gen,
    c.image,
    c.devices,
    c.objective,
    s.hardware,
    s.lab,
  ]);
}
