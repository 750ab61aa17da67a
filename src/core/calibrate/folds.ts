/**
 * Deterministic k-fold assignment of your rows for calibration's cross-validation. Rows of one workload
 * (the same device, model, layout, precision, batch, lengths and runtime: repeated runs, or the several
 * metrics one run reports) always share a fold, so no held-out row has a twin among the rows it is
 * tuned on. The assignment depends on the rows' content only, never on their order.
 */
import type { MeasurementRow } from '../catalog/schema.ts';
import { workloadFields } from '../import/duplicates.ts';

/** Most folds: k = min(MAX_FOLDS, workloads). */
export const MAX_FOLDS = 5;

/** Two rows of one workload (core/import/duplicates.ts workloadFields) share a fold. */
export function workloadKey(r: MeasurementRow): string {
  return workloadFields(r).join('|');
}

/** FNV-1a of a string: a stable, order-free shuffle key. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface FoldAssignment {
  /** Folds used: min(maxFolds, workloads); 0 when there are no rows. */
  k: number;
  /** The fold (0…k−1) of each row, in the order given. */
  fold: number[];
  /** Distinct workloads among the rows. */
  workloads: number;
}

/**
 * Assign each row a fold: workloads in a hash-shuffled order, largest first, each into the fold holding
 * the fewest rows so far (ties: the lower fold), so folds are balanced by rows.
 */
export function assignFolds(rows: readonly MeasurementRow[], maxFolds = MAX_FOLDS): FoldAssignment {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = workloadKey(r);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const k = Math.min(Math.max(1, Math.floor(maxFolds)), groups.size);
  const fold = new Array<number>(rows.length).fill(0);
  if (k === 0) return { k: 0, fold, workloads: 0 };
  const order = [...groups.entries()]
    .map(([key, members]) => ({ key, members, h: fnv1a(key) }))
    .sort((a, b) => b.members.length - a.members.length || a.h - b.h || (a.key < b.key ? -1 : 1));
  const load = new Array<number>(k).fill(0);
  for (const g of order) {
    const f = load.indexOf(Math.min(...load));
    for (const i of g.members) fold[i] = f;
    load[f]! += g.members.length;
  }
  return { k, fold, workloads: groups.size };
}
