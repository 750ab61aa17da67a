/**
 * Issue 10 §5, "physics always holds": the invariants of core/predict/invariants.ts over the whole committed
 * catalog, for the roofline itself, the roofline-only engine (no learned model) and the shipped engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkInvariants,
  INVARIANTS,
  rooflinePredictor,
  type InvariantReport,
  type PredictFn,
} from '../core/predict/invariants.ts';
import { loadEngineNode, type NodeEngine } from './engine-node.ts';
import type { SnapshotRows } from './parquet-rows.ts';
import { readSnapshot } from './snapshot-files.ts';
import { selectTfBackend } from './tfjs-backend-node.ts';

const engineOf =
  (node: NodeEngine): PredictFn =>
  (queries) =>
    node.engine.predictMany(queries);

/** The counts and the 20 worst violations, one line each: what a failure prints. */
function summary({ violations, checked }: InvariantReport) {
  const counts = INVARIANTS.map(
    (id) => `${id} ${violations.filter((v) => v.invariant === id).length}/${checked[id]}`,
  ).join(', ');
  const worst = violations.slice(0, 20).map((v) => `${v.ratio.toFixed(3)}× ${v.invariant}: ${v.detail}`);
  return { counts, worst };
}

/** Every invariant was exercised: a check that compared nothing proves nothing. */
const expectEveryInvariantChecked = (r: InvariantReport) => {
  for (const id of INVARIANTS) expect(r.checked[id], id).toBeGreaterThan(0);
};

describe('physics over the catalog: the roofline bound itself', () => {
  let snapshot: SnapshotRows;
  beforeAll(async () => {
    snapshot = await readSnapshot();
  }, 60_000);

  it('holds every invariant by construction', async () => {
    const report = await checkInvariants(snapshot, rooflinePredictor(1));
    expectEveryInvariantChecked(report);
    const { counts, worst } = summary(report);
    expect(worst, counts).toEqual([]);
  }, 60_000);
});

describe('physics over the catalog: roofline-only engine (no learned model)', () => {
  let node: NodeEngine;
  beforeAll(async () => {
    node = await loadEngineNode(null);
  }, 60_000);

  it('holds every invariant', async () => {
    expect(node.engine.hasLearnedModel).toBe(false);
    const report = await checkInvariants(node.snapshot, engineOf(node));
    expectEveryInvariantChecked(report);
    const { counts, worst } = summary(report);
    expect(worst, counts).toEqual([]);
  }, 60_000);
});

describe('physics over the catalog: shipped engine (learned model + transfer)', () => {
  let node: NodeEngine;
  beforeAll(async () => {
    node = await loadEngineNode(await selectTfBackend('wasm'));
  }, 60_000);

  it('holds every invariant', async () => {
    expect(node.engine.hasLearnedModel).toBe(true);
    const report = await checkInvariants(node.snapshot, engineOf(node));
    expectEveryInvariantChecked(report);
    const { counts, worst } = summary(report);
    expect(worst, counts).toEqual([]);
  }, 60_000);
});
