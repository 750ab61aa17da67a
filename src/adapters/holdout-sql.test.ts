import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accuracy, type Scored } from '../core/predict/accuracy.ts';
import type { HoldoutRow } from '../core/predict/holdout.ts';
import { HOLDOUT_COLUMNS } from '../core/predict/holdout.ts';
import {
  BASELINES,
  YOURS_HOLDOUT_TABLE,
  accuracyByGroup,
  createHoldoutTableSql,
  accuracyOptions,
  evidenceStats,
  holdoutPoints,
  holdoutWhere,
  largestErrors,
  type AccuracyFilters,
  type AccuracyGroupRow,
  type AccuracyOption,
  type Baseline,
  type EvidenceStat,
  type HoldoutPoint,
} from '../core/sql/accuracy.ts';
import { fixtureStatements } from '../core/sql/testing/fixture.ts';
import { createNodeDb, type NodeDb } from './duckdb-node.ts';
import { HOLDOUT_FILE, HoldoutMissingError, loadHoldout } from './holdout-loader.ts';
import { rowsToParquet } from './parquet-export.ts';
import { columnsToArrow } from './yours-db.ts';
import { MODELS_DIR, SNAPSHOT_DIR } from './snapshot-files.ts';

/**
 * Test rows for the SQL, not data: the fixture catalog's devices and models (core/sql/testing/fixture.ts)
 * with made-up truths and predictions chosen to exercise every case (an unanswered row, a model the catalog
 * lacks, a row without an evidence level, baselines that answer only some rows, an interval that misses).
 */
const row = (r: Partial<HoldoutRow> & Pick<HoldoutRow, 'source_row' | 'truth'>): HoldoutRow => ({
  fold: 0,
  source_id: 'src-a',
  source_file: 'src-a/file.csv',
  hardware_id: 'gpu-big',
  model_id: 'llama-8b',
  metric: 'decode_tokens_s',
  runtime_class: 'llama.cpp-cuda',
  kind: 'gpu',
  batch_size: 1,
  precision: 'fp16',
  predicted: null,
  low: null,
  high: null,
  layer: 'transfer',
  evidence: 'transfer:runtime:near',
  roofline_constant: null,
  knn: null,
  same_model_scaled: null,
  same_model_runtime: null,
  roofline_runtime: null,
  ...r,
});
const ROWS: HoldoutRow[] = [
  row({ source_row: 1, truth: 100, predicted: 110, low: 80, high: 130, roofline_constant: 150, knn: 90 }),
  row({ source_row: 2, truth: 200, predicted: 150, low: 120, high: 190, roofline_constant: 260, knn: 230 }),
  row({
    source_row: 3,
    truth: 50,
    predicted: 52,
    low: 40,
    high: 70,
    roofline_constant: 80,
    knn: 49,
    same_model_runtime: 51,
    evidence: 'transfer:other:far',
  }),
  row({
    source_row: 4,
    truth: 10,
    hardware_id: 'gpu-small',
    predicted: 20,
    low: 8,
    high: 40,
    roofline_constant: 12,
    knn: 30,
    layer: 'learned',
    evidence: 'learned:prior',
  }),
  row({
    source_row: 5,
    truth: 45.5,
    metric: 'ttft_ms',
    layer: 'error',
    evidence: null,
    roofline_constant: 60,
  }),
  row({
    source_id: 'src-b',
    source_file: 'src-b/b.csv',
    source_row: 1,
    truth: 3000,
    model_id: 'resnet50',
    metric: 'throughput',
    runtime_class: 'pytorch',
    batch_size: 64,
    predicted: 2500,
    low: 2000,
    high: 3500,
    roofline_constant: 4000,
    knn: 2900,
    same_model_scaled: 3300,
  }),
  row({
    source_id: 'src-b',
    source_file: 'src-b/b.csv',
    source_row: 2,
    truth: 1200,
    hardware_id: 'gpu-small',
    model_id: 'resnet50',
    metric: 'throughput',
    runtime_class: 'pytorch',
    batch_size: 64,
    predicted: 1300,
    low: 900,
    high: 1500,
    roofline_constant: 2000,
    knn: 1000,
    same_model_scaled: 1250,
  }),
  row({
    source_id: 'src-b',
    source_file: 'src-b/c.csv',
    source_row: 3,
    truth: 90,
    hardware_id: 'cpu-x',
    kind: 'cpu',
    model_id: 'mystery-net-2',
    metric: 'throughput',
    runtime_class: 'onnxruntime',
    precision: 'fp32',
    batch_size: 64,
    predicted: 40,
    low: 20,
    high: 60,
    layer: 'roofline',
    evidence: null,
    roofline_constant: 100,
    knn: 300,
  }),
];

/** The eval's own accuracy() over the rows a predicate keeps: what the SQL must reproduce. */
function expected(
  keep: (r: HoldoutRow) => boolean,
  pick: (r: HoldoutRow) => number | null = (r) => r.predicted,
) {
  const scored: Scored[] = ROWS.filter((r) => keep(r) && r.predicted !== null).flatMap((r) => {
    const p = pick(r);
    return p === null
      ? []
      : [{ truth: r.truth, pred: p, low: r.low ?? undefined, high: r.high ?? undefined }];
  });
  return accuracy(scored);
}

const readSnapshotFile = async (file: string): Promise<ArrayBuffer> => {
  const b = readFileSync(join(SNAPSHOT_DIR, file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

let db: NodeDb;
const query = async <T>(st: { sql: string; params: unknown[] }) => db.query<T>(st.sql, st.params);
const groups = (group: Parameters<typeof accuracyByGroup>[0], filters: AccuracyFilters = {}) =>
  query<AccuracyGroupRow>(accuracyByGroup(group, filters));

beforeAll(async () => {
  db = await createNodeDb();
  for (const sql of fixtureStatements()) await db.query(sql);
  const bytes = rowsToParquet(HOLDOUT_COLUMNS, ROWS);
  // As in the browser: the configuration is locked before the page loads the held-out rows.
  await db.query('SET enable_external_access=false');
  expect(await loadHoldout(db.raw, async () => bytes)).toBe(ROWS.length);
});
afterAll(() => db.close());

describe('loadHoldout', () => {
  it('creates a typed holdout table', async () => {
    const types = await db.query<{ column_name: string; column_type: string }>(
      "SELECT column_name, column_type FROM (DESCRIBE holdout) WHERE column_name IN ('fold', 'truth', 'evidence')",
    );
    expect(types).toEqual([
      { column_name: 'fold', column_type: 'INTEGER' },
      { column_name: 'truth', column_type: 'DOUBLE' },
      { column_name: 'evidence', column_type: 'VARCHAR' },
    ]);
  });

  it('passes a missing file through and names the file on bad bytes', async () => {
    const missing = () => Promise.reject(new HoldoutMissingError('no file'));
    await expect(loadHoldout(db.raw, missing)).rejects.toThrow(HoldoutMissingError);
    const bad = async () => new TextEncoder().encode('not parquet').buffer as ArrayBuffer;
    await expect(loadHoldout(db.raw, bad)).rejects.toThrow(`Could not load ${HOLDOUT_FILE}`);
    // The failed loads left the table alone.
    expect((await db.query<{ n: number }>('SELECT count(*)::INT AS n FROM holdout'))[0]?.n).toBe(ROWS.length);
  });
});

describe('accuracy SQL', () => {
  it('builds parameterized filters, evidence matching whole levels', () => {
    expect(holdoutWhere({})).toEqual({ sql: 'TRUE', params: [] });
    const w = holdoutWhere({ source: 'src-a', metric: '', evidence: 'transfer' });
    expect(w.params).toEqual(['src-a', 'transfer', 'transfer:']);
    expect(w.sql).not.toContain('src-a');
  });

  it('computes the overall figures exactly as the eval does', async () => {
    const [all] = await groups('all');
    const e = expected(() => true)!;
    expect(all).toMatchObject({ key: 'all', rows: ROWS.length, answered: e.n });
    expect(all!.mdape).toBeCloseTo(e.mdape, 2);
    expect(all!.within25).toBeCloseTo(e.within25, 1);
    expect(all!.coverage80).toBeCloseTo(e.coverage80!, 1);
    expect(all!.median_width).toBeCloseTo(e.medianWidth!, 3);
  });

  it('groups by source with names, and picks the best baseline on the rows it answers', async () => {
    const rows = await groups('source');
    expect(rows.map((r) => [r.key, r.label, r.rows, r.answered])).toEqual([
      ['src-a', 'Source A', 5, 4],
      ['src-b', 'Source "B"', 3, 3],
    ]);
    for (const r of rows) {
      const inGroup = (x: HoldoutRow) => x.source_id === r.key;
      expect(r.mdape).toBeCloseTo(expected(inGroup)!.mdape, 2);
      const scores = BASELINES.map(([b]) => [b, expected(inGroup, (x) => x[b as Baseline])] as const)
        .filter(([, s]) => s !== null)
        .sort(([a, x], [b, y]) => x!.mdape - y!.mdape || a.localeCompare(b));
      const [best, score] = scores[0]!;
      expect(r.best_baseline).toBe(best);
      expect(r.best_n).toBe(score!.n);
      expect(r.best_mdape).toBeCloseTo(score!.mdape, 2);
      const oursThere = expected((x) => inGroup(x) && x[best as Baseline] !== null)!;
      expect(r.ours_on_best_rows).toBeCloseTo(oursThere.mdape, 2);
    }
    // src-a: same_model_runtime answers one row, 2% off, so it is the best there (the engine: 4% there).
    expect(rows[0]).toMatchObject({ best_baseline: 'same_model_runtime', best_n: 1 });
  });

  it('groups by family from the catalog, else the model id prefix; by evidence, else the layer', async () => {
    const fam = await groups('family');
    expect(fam.map((r) => [r.key, r.rows]).sort()).toEqual([
      ['llama', 5],
      ['mystery', 1],
      ['resnet', 2],
    ]);
    const ev = await groups('evidence');
    expect(new Set(ev.map((r) => r.key))).toEqual(
      new Set(['transfer:runtime:near', 'transfer:other:far', 'learned:prior', 'error', 'roofline']),
    );
    const err = ev.find((r) => r.key === 'error');
    expect(err).toMatchObject({ rows: 1, answered: 0, mdape: null, best_baseline: null });
  });

  it('filters by source, metric, runtime, kind and evidence prefix', async () => {
    const count = async (f: AccuracyFilters) => (await groups('all', f))[0]?.rows ?? 0;
    expect(await count({ source: 'src-b' })).toBe(3);
    expect(await count({ metric: 'throughput', kind: 'cpu' })).toBe(1);
    expect(await count({ runtime: 'pytorch' })).toBe(2);
    expect(await count({ evidence: 'transfer' })).toBe(5);
    expect(await count({ evidence: 'transfer:runtime' })).toBe(4);
    expect(await count({ evidence: 'transfer:run' })).toBe(0);
    expect(await count({ evidence: 'roofline' })).toBe(1);
    expect(await count({ source: "x' OR 1=1 --" })).toBe(0);
  });

  it('samples answered points in a fixed order with names, and lists the largest errors', async () => {
    const points = await query<HoldoutPoint>(holdoutPoints({}, 100));
    expect(points).toHaveLength(7);
    expect(points).toEqual(await query<HoldoutPoint>(holdoutPoints({}, 100)));
    const three = await query<HoldoutPoint>(holdoutPoints({}, 3));
    expect(three).toEqual(points.slice(0, 3));
    const p = points.find((x) => x.model_id === 'resnet50' && x.hardware_id === 'gpu-big')!;
    expect(p).toMatchObject({
      source_title: 'Source "B"',
      hardware_name: 'Big GPU',
      model_name: 'ResNet-50 (100%_top)',
      family: 'resnet',
      same_model_scaled: 3300,
    });
    expect(p.ape).toBeCloseTo((500 / 3000) * 100, 9);
    const worst = await query<HoldoutPoint>(largestErrors({ source: 'src-a' }, 2));
    expect(worst.map((w) => w.source_row)).toEqual([4, 2]);
    expect(() => holdoutPoints({}, 0)).toThrow(/positive integer/);
  });

  it('lists filter options with counts, evidence with its prefixes', async () => {
    const opts = async (f: Parameters<typeof accuracyOptions>[0]) =>
      query<AccuracyOption>(accuracyOptions(f));
    // Sorted by title: `Source "B"` before `Source A`.
    expect((await opts('source')).map((o) => [o.value, o.n])).toEqual([
      ['src-b', 3],
      ['src-a', 5],
    ]);
    expect((await opts('kind')).map((o) => o.value)).toEqual(['cpu', 'gpu']);
    const ev = Object.fromEntries((await opts('evidence')).map((o) => [o.value, o.n]));
    expect(ev).toMatchObject({ transfer: 5, 'transfer:runtime': 4, 'transfer:runtime:near': 4, learned: 1 });
  });

  it('reads your rows from holdout_yours when the set is yours, and the public rows otherwise', async () => {
    const mine = [
      row({ source_id: 'yours:run', source_file: 'run.csv', source_row: 1, truth: 100, predicted: 120 }),
      row({ source_id: 'yours:run', source_file: 'run.csv', source_row: 2, truth: 50, predicted: null }),
    ];
    await db.query(createHoldoutTableSql(YOURS_HOLDOUT_TABLE));
    await db.raw.insertArrow(columnsToArrow(HOLDOUT_COLUMNS, mine), YOURS_HOLDOUT_TABLE);
    const [yours] = await groups('all', { set: 'yours' });
    expect(yours).toMatchObject({ rows: 2, answered: 1, mdape: 20, best_baseline: null });
    expect((await groups('all'))[0]!.rows).toBe(ROWS.length);
    const options = await query<AccuracyOption>(accuracyOptions('source', 'yours'));
    expect(options).toEqual([{ value: 'yours:run', label: 'yours:run', n: 2 }]);
    const points = await query<HoldoutPoint>(holdoutPoints({ set: 'yours', source: 'yours:run' }, 10));
    expect(points.map((p) => p.source_row)).toEqual([1]);
    await db.query(`DROP TABLE ${YOURS_HOLDOUT_TABLE}`);
  });

  it('gives evidence stats per level and prefix over answered rows', async () => {
    const stats = await query<EvidenceStat>(evidenceStats());
    const t = stats.find((s) => s.evidence === 'transfer')!;
    const e = expected((r) => r.evidence?.startsWith('transfer:') ?? false)!;
    expect(t.n).toBe(e.n);
    expect(t.mdape).toBeCloseTo(e.mdape, 2);
    expect(t.within25).toBeCloseTo(e.within25, 1);
    expect(stats.some((s) => s.evidence === 'error')).toBe(false);
  });
});

// The committed file: the page's figures are the eval's (models/metrics.json, written by the same run).
const metricsFile = join(MODELS_DIR, 'metrics.json');
describe('the real holdout.parquet', () => {
  let real: NodeDb;
  beforeAll(async () => {
    real = await createNodeDb();
    const { loadSnapshot } = await import('./snapshot-loader.ts');
    await loadSnapshot(real.raw, readSnapshotFile);
    await loadHoldout(real.raw, readSnapshotFile);
  }, 120_000);
  afterAll(() => real?.close());

  it('reproduces metrics.json per source (leave-one-hardware-out)', async () => {
    type Scores = { n: number; mdape: number; within25: number; coverage80: number; medianWidth: number };
    const metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as {
      splits: { hardware: { bySource: Record<string, Record<string, Scores | null>> } };
    };
    const bySource = metrics.splits.hardware.bySource;
    const rows = await real.query<AccuracyGroupRow>(accuracyByGroup('source', {}).sql);
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(bySource).sort());
    for (const r of rows) {
      const m = bySource[r.key]!;
      expect(r.answered).toBe(m.ours!.n);
      expect(r.mdape).toBeCloseTo(m.ours!.mdape, 2);
      expect(r.within25).toBeCloseTo(m.ours!.within25, 1);
      expect(r.coverage80).toBeCloseTo(m.ours!.coverage80, 1);
      expect(r.median_width).toBeCloseTo(m.ours!.medianWidth, 3);
      const best = BASELINES.map(([b]) => [b, m[b]] as const)
        .filter(([, s]) => s)
        .sort(([, a], [, b]) => a!.mdape - b!.mdape)[0];
      if (best) {
        expect(r.best_baseline).toBe(best[0]);
        expect(r.best_mdape).toBeCloseTo(best[1]!.mdape, 2);
      }
    }
  });
});
