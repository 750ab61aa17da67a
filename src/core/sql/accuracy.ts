/**
 * SQL for the Accuracy page over the `holdout` table (public/data/holdout.parquet: every measurement
 * predicted by an engine that never saw its device, beside the baselines; see core/predict/holdout.ts),
 * joined with the snapshot's `hardware`, `models` and `sources`. Every figure is the one `npm run eval`
 * reports (core/predict/accuracy.ts): absolute percentage error |predicted − truth| / truth × 100 over the
 * rows the engine answered, its median, the share within ±25%, the share of truths inside the 80% interval
 * and the median interval width high ÷ low. Builders only: nothing here runs SQL.
 */
import type { Statement } from '../db.ts';
import { HOLDOUT_COLUMNS } from '../predict/holdout.ts';
import { quoteIdent } from './ddl.ts';

/** The table the page loads holdout.parquet into. */
export const HOLDOUT_TABLE = 'holdout';
/** Your imported rows predicted by the shipped engine, in the same schema (the page's "your rows" set). */
export const YOURS_HOLDOUT_TABLE = 'holdout_yours';

/** `CREATE TABLE holdout` (or another name) with the column types and NOT NULLs of HOLDOUT_COLUMNS. */
export function createHoldoutTableSql(table: string = HOLDOUT_TABLE): string {
  const defs = HOLDOUT_COLUMNS.map((c) => `${quoteIdent(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`);
  return `CREATE TABLE ${quoteIdent(table)} (${defs.join(', ')})`;
}

/** The baselines in the file, in the order the eval reports them, with their names in words. */
export const BASELINES = [
  ['roofline_constant', 'Roofline × one constant efficiency'],
  ['knn', 'k nearest measured neighbours'],
  ['same_model_scaled', 'Same model, peak-scaled'],
  ['same_model_runtime', 'Same model + runtime, bound-scaled'],
  ['roofline_runtime', 'Roofline × runtime efficiency'],
] as const;
export type Baseline = (typeof BASELINES)[number][0];
export const BASELINE_LABELS: Readonly<Record<Baseline, string>> = Object.fromEntries(BASELINES) as Record<
  Baseline,
  string
>;

/** Filters of the Accuracy page; each optional, an empty string means "any". */
export interface AccuracyFilters {
  /** Which rows: `yours` (your imported rows, predicted live) or, by default, the public held-out evaluation. */
  set?: string;
  source?: string;
  metric?: string;
  /** Runtime class (`runtime_class`). */
  runtime?: string;
  /** Device kind (gpu, cpu, soc-gpu, …). */
  kind?: string;
  /**
   * Evidence level, or a prefix of one at a `:` boundary (`transfer` matches `transfer:runtime:near`). Rows
   * without an evidence level match their layer (`roofline`, `error`, …).
   */
  evidence?: string;
}
export const ACCURACY_FILTER_KEYS = ['set', 'source', 'metric', 'runtime', 'kind', 'evidence'] as const;
export type AccuracyFilterKey = (typeof ACCURACY_FILTER_KEYS)[number];
/** The filters that narrow rows within a set (every key but `set`). */
export type AccuracyRowFilterKey = Exclude<AccuracyFilterKey, 'set'>;

/** The table a set's rows are in. */
export const tableOfSet = (set: string | undefined): string =>
  set === 'yours' ? YOURS_HOLDOUT_TABLE : HOLDOUT_TABLE;

/** A row's evidence level, or its layer where the engine gave none. */
const EVIDENCE = 'coalesce(h.evidence, h.layer)';
/** The model's family from the catalog, or the id's first word for a model the catalog lacks. */
const FAMILY = `coalesce(nullif(mo.family, ''), split_part(h.model_id, '-', 1))`;
const APE = (value: string) => `abs(${value} - h.truth) / h.truth * 100`;

const fromOf = (filters: AccuracyFilters) => `FROM ${tableOfSet(filters.set)} h
  LEFT JOIN hardware hw ON hw.id = h.hardware_id
  LEFT JOIN models mo ON mo.id = h.model_id
  LEFT JOIN sources s ON s.id = h.source_id`;

/** The WHERE clause and its parameters for the filters (`TRUE` when none apply). */
export function holdoutWhere(filters: AccuracyFilters): Statement {
  const parts: string[] = [];
  const params: unknown[] = [];
  const eq = (expr: string, value: string | undefined) => {
    if (!value) return;
    parts.push(`${expr} = ?`);
    params.push(value);
  };
  eq('h.source_id', filters.source);
  eq('h.metric', filters.metric);
  eq('h.runtime_class', filters.runtime);
  eq('h.kind', filters.kind);
  if (filters.evidence) {
    parts.push(`(${EVIDENCE} = ? OR starts_with(${EVIDENCE}, ?))`);
    params.push(filters.evidence, `${filters.evidence}:`);
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** How the error tables group rows. `all`: one row for everything the filters keep. */
export const ACCURACY_GROUPS = ['source', 'hardware', 'family', 'metric', 'runtime', 'evidence'] as const;
export type AccuracyGroup = (typeof ACCURACY_GROUPS)[number] | 'all';

const GROUP_EXPR: Record<AccuracyGroup, { key: string; label: string }> = {
  all: { key: `'all'`, label: `'All rows'` },
  source: { key: 'h.source_id', label: 'coalesce(s.title, h.source_id)' },
  hardware: { key: 'h.hardware_id', label: 'coalesce(hw.name, h.hardware_id)' },
  family: { key: FAMILY, label: FAMILY },
  metric: { key: 'h.metric', label: 'h.metric' },
  runtime: { key: 'h.runtime_class', label: 'h.runtime_class' },
  evidence: { key: EVIDENCE, label: EVIDENCE },
};

/** One row of an error table (percentages in %, widths as factors; null where no row qualifies). */
export interface AccuracyGroupRow {
  key: string;
  label: string;
  /** Held-out rows in the group. */
  rows: number;
  /** Rows the engine answered: the rows every engine figure is over. */
  answered: number;
  /** Median absolute percentage error. */
  mdape: number | null;
  /** Share of answered rows within ±25% of the truth. */
  within25: number | null;
  /** Share of truths inside the 80% interval. */
  coverage80: number | null;
  /** Median of high ÷ low. */
  median_width: number | null;
  /** The baseline with the lowest MdAPE on the rows it answers (null when none answers a row). */
  best_baseline: Baseline | null;
  /** Rows that baseline answers (and the engine too). */
  best_n: number | null;
  best_mdape: number | null;
  /** The engine's MdAPE on exactly those rows. */
  ours_on_best_rows: number | null;
}

/**
 * The error table for a grouping: per group the engine's MdAPE, share within ±25%, 80%-interval coverage,
 * median interval width and row counts, beside the best baseline (lowest MdAPE on the rows it answers) and
 * the engine's MdAPE on exactly those rows. Largest groups first.
 */
export function accuracyByGroup(group: AccuracyGroup, filters: AccuracyFilters): Statement {
  const { key, label } = GROUP_EXPR[group];
  const where = holdoutWhere(filters);
  const baselineCols = BASELINES.map(([b]) => quoteIdent(b)).join(', ');
  const sql = `WITH base AS (
  SELECT ${key} AS key, ${label} AS label, h.truth, h.low, h.high,
    ${APE('h.predicted')} AS ape, ${baselineCols}
  ${fromOf(filters)}
  WHERE ${where.sql}
), groups AS (
  SELECT key, min(label) AS label, count(*)::INTEGER AS rows, count(ape)::INTEGER AS answered,
    median(ape) AS mdape,
    100.0 * avg(CASE WHEN ape IS NULL THEN NULL WHEN ape <= 25 THEN 1.0 ELSE 0.0 END) AS within25,
    100.0 * avg(CASE WHEN ape IS NULL OR low IS NULL OR high IS NULL THEN NULL
      WHEN low <= truth AND truth <= high THEN 1.0 ELSE 0.0 END) AS coverage80,
    median(high / greatest(low, 1e-300)) FILTER (WHERE ape IS NOT NULL AND low IS NOT NULL AND high IS NOT NULL)
      AS median_width
  FROM base GROUP BY key
), per_baseline AS (
  SELECT key, baseline, count(*)::INTEGER AS n, median(abs(value - truth) / truth * 100) AS mdape,
    median(ape) AS ours
  FROM (UNPIVOT (SELECT key, truth, ape, ${baselineCols} FROM base WHERE ape IS NOT NULL)
    ON ${baselineCols} INTO NAME baseline VALUE value)
  GROUP BY key, baseline
), best AS (
  SELECT key, baseline AS best_baseline, n AS best_n, mdape AS best_mdape, ours AS ours_on_best_rows
  FROM per_baseline
  QUALIFY row_number() OVER (PARTITION BY key ORDER BY mdape, baseline) = 1
)
SELECT g.key, g.label, g.rows, g.answered, g.mdape, g.within25, g.coverage80, g.median_width,
  b.best_baseline, b.best_n, b.best_mdape, b.ours_on_best_rows
FROM groups g LEFT JOIN best b ON b.key = g.key
ORDER BY g.rows DESC, g.key`;
  return { sql, params: where.params };
}

/** A held-out row as the scatter and the row detail show it. */
export interface HoldoutPoint {
  fold: number;
  source_id: string;
  source_title: string | null;
  source_file: string;
  source_row: number;
  hardware_id: string;
  hardware_name: string | null;
  model_id: string;
  model_name: string | null;
  family: string;
  metric: string;
  runtime_class: string;
  kind: string;
  batch_size: number | null;
  precision: string;
  truth: number;
  predicted: number;
  low: number | null;
  high: number | null;
  layer: string;
  evidence: string | null;
  /** Absolute percentage error of the engine. */
  ape: number;
  roofline_constant: number | null;
  knn: number | null;
  same_model_scaled: number | null;
  same_model_runtime: number | null;
  roofline_runtime: number | null;
}

const POINT_COLUMNS = `h.fold, h.source_id, s.title AS source_title, h.source_file, h.source_row, h.hardware_id,
  hw.name AS hardware_name, h.model_id, mo.name AS model_name, ${FAMILY} AS family, h.metric, h.runtime_class,
  h.kind, h.batch_size, h.precision, h.truth, h.predicted, h.low, h.high, h.layer, h.evidence,
  ${APE('h.predicted')} AS ape, ${BASELINES.map(([b]) => `h.${quoteIdent(b)}`).join(', ')}`;
/** A stable order that does not follow any column, so a cut is an even sample of the rows. */
const SAMPLE_ORDER = `hash(h.source_id, h.source_file, h.source_row, h.metric, h.hardware_id, h.model_id, h.fold),
  h.source_id, h.source_file, h.source_row, h.metric`;

const checkLimit = (limit: number): number => {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`limit must be a positive integer, got ${limit}`);
  return limit;
};

/**
 * Answered rows with a positive truth and prediction (a log-log scatter can draw them), at most `limit`:
 * a fixed, even sample when there are more (the same rows on every load).
 */
export function holdoutPoints(filters: AccuracyFilters, limit: number): Statement {
  const where = holdoutWhere(filters);
  return {
    sql: `SELECT ${POINT_COLUMNS} ${fromOf(filters)}
WHERE ${where.sql} AND h.predicted > 0 AND h.truth > 0
ORDER BY ${SAMPLE_ORDER} LIMIT ?`,
    params: [...where.params, checkLimit(limit)],
  };
}

/** The `limit` answered rows with the largest errors, largest first. */
export function largestErrors(filters: AccuracyFilters, limit: number): Statement {
  const where = holdoutWhere(filters);
  return {
    sql: `SELECT ${POINT_COLUMNS} ${fromOf(filters)}
WHERE ${where.sql} AND h.predicted IS NOT NULL
ORDER BY ape DESC, ${SAMPLE_ORDER} LIMIT ?`,
    params: [...where.params, checkLimit(limit)],
  };
}

/** One option of a filter dropdown: the value, its label and its held-out rows. */
export interface AccuracyOption {
  value: string;
  label: string;
  n: number;
}

const OPTION_SQL: Record<Exclude<AccuracyRowFilterKey, 'evidence'>, (table: string) => string> = {
  source: (
    t,
  ) => `SELECT h.source_id AS value, coalesce(any_value(s.title), h.source_id) AS label, count(*)::INTEGER AS n
    FROM ${t} h LEFT JOIN sources s ON s.id = h.source_id GROUP BY h.source_id ORDER BY label, value`,
  metric: (t) =>
    `SELECT metric AS value, metric AS label, count(*)::INTEGER AS n FROM ${t} GROUP BY metric ORDER BY value`,
  runtime: (t) => `SELECT runtime_class AS value, runtime_class AS label, count(*)::INTEGER AS n
    FROM ${t} GROUP BY runtime_class ORDER BY value`,
  kind: (t) =>
    `SELECT kind AS value, kind AS label, count(*)::INTEGER AS n FROM ${t} GROUP BY kind ORDER BY value`,
};

/** Rows of every evidence level and of each of its prefixes (`transfer`, `transfer:runtime`, …). */
const evidenceLevels = (
  table: string,
) => `SELECT array_to_string(string_split(e, ':')[1:i], ':') AS level, truth, predicted, low, high
  FROM (SELECT coalesce(evidence, layer) AS e, truth, predicted, low, high,
      unnest(range(1, len(string_split(coalesce(evidence, layer), ':')) + 1)) AS i
    FROM ${table})`;

/**
 * The values a filter can take in a set (default the public held-out rows), with their rows; evidence lists
 * every level and its prefixes.
 */
export function accuracyOptions(field: AccuracyRowFilterKey, set?: string): Statement {
  const table = tableOfSet(set);
  if (field === 'evidence')
    return {
      sql: `SELECT level AS value, level AS label, count(*)::INTEGER AS n FROM (${evidenceLevels(table)})
        GROUP BY level ORDER BY value`,
      params: [],
    };
  return { sql: OPTION_SQL[field](table), params: [] };
}

/** Accuracy of one evidence level (or prefix) over every held-out row: what "predictions like this one" did. */
export interface EvidenceStat {
  evidence: string;
  /** Answered rows. */
  n: number;
  mdape: number;
  within25: number;
  coverage80: number | null;
}

/** Per evidence level and per prefix of one: answered rows, MdAPE, share within ±25% and coverage. */
export function evidenceStats(): Statement {
  return {
    sql: `SELECT level AS evidence, count(*)::INTEGER AS n,
    median(abs(predicted - truth) / truth * 100) AS mdape,
    100.0 * avg(CASE WHEN abs(predicted - truth) / truth * 100 <= 25 THEN 1.0 ELSE 0.0 END) AS within25,
    100.0 * avg(CASE WHEN low IS NULL OR high IS NULL THEN NULL
      WHEN low <= truth AND truth <= high THEN 1.0 ELSE 0.0 END) AS coverage80
  FROM (${evidenceLevels(HOLDOUT_TABLE)}) WHERE predicted IS NOT NULL
  GROUP BY level ORDER BY level`,
    params: [],
  };
}
