/**
 * The held-out evaluation, row by row: each measurement predicted by an engine that never saw its device
 * (leave-one-hardware-out), beside the baselines. `npm run eval` writes it as public/data/holdout.parquet;
 * the Accuracy page reads it into DuckDB.
 */
import type { Columns } from '../catalog/columns.ts';

export interface HoldoutRow {
  fold: number;
  source_id: string;
  source_file: string;
  source_row: number;
  hardware_id: string;
  model_id: string;
  metric: string;
  runtime_class: string;
  kind: string;
  batch_size: number | null;
  precision: string;
  truth: number;
  /** The engine's answer and its 80% interval; null where it could not answer. */
  predicted: number | null;
  low: number | null;
  high: number | null;
  layer: string;
  evidence: string | null;
  /** Baselines (null where a baseline has no answer). */
  roofline_constant: number | null;
  knn: number | null;
  same_model_scaled: number | null;
  same_model_runtime: number | null;
  roofline_runtime: number | null;
}

const c = <K extends keyof HoldoutRow & string>(
  name: K,
  type: 'VARCHAR' | 'DOUBLE' | 'INTEGER',
  nullable = true,
) => ({ name, type, nullable });

export const HOLDOUT_COLUMNS: Columns<HoldoutRow> = [
  c('fold', 'INTEGER', false),
  c('source_id', 'VARCHAR', false),
  c('source_file', 'VARCHAR', false),
  c('source_row', 'INTEGER', false),
  c('hardware_id', 'VARCHAR', false),
  c('model_id', 'VARCHAR', false),
  c('metric', 'VARCHAR', false),
  c('runtime_class', 'VARCHAR', false),
  c('kind', 'VARCHAR', false),
  c('batch_size', 'INTEGER'),
  c('precision', 'VARCHAR', false),
  c('truth', 'DOUBLE', false),
  c('predicted', 'DOUBLE'),
  c('low', 'DOUBLE'),
  c('high', 'DOUBLE'),
  c('layer', 'VARCHAR', false),
  c('evidence', 'VARCHAR'),
  c('roofline_constant', 'DOUBLE'),
  c('knn', 'DOUBLE'),
  c('same_model_scaled', 'DOUBLE'),
  c('same_model_runtime', 'DOUBLE'),
  c('roofline_runtime', 'DOUBLE'),
];
