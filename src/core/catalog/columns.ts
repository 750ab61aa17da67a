/**
 * Column types of the snapshot tables, in table order. The ingest creates its tables from this list and the
 * browser builds typed Arrow vectors from it, so the Parquet files and the DuckDB tables cannot drift apart.
 */
import type { HardwareRow, MeasurementRow, ModelRow, SourceRow } from './schema.ts';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER';
export type Columns<T> = readonly { name: keyof T & string; type: ColumnType; nullable: boolean }[];

const col = <T>(name: keyof T & string, type: ColumnType, nullable = true) => ({ name, type, nullable });

export const HARDWARE_COLUMNS: Columns<HardwareRow> = [
  col('id', 'VARCHAR', false),
  col('name', 'VARCHAR', false),
  col('aliases', 'VARCHAR', false),
  col('vendor', 'VARCHAR', false),
  col('kind', 'VARCHAR', false),
  col('segment', 'VARCHAR'),
  col('architecture', 'VARCHAR'),
  col('release_date', 'VARCHAR'),
  col('memory_gb', 'DOUBLE'),
  col('mem_bw_gbs', 'DOUBLE'),
  col('fp32_tflops', 'DOUBLE'),
  col('tf32_tflops', 'DOUBLE'),
  col('fp16_tflops', 'DOUBLE'),
  col('fp16_acc32_tflops', 'DOUBLE'),
  col('bf16_tflops', 'DOUBLE'),
  col('fp8_tflops', 'DOUBLE'),
  col('fp4_tflops', 'DOUBLE'),
  col('int8_tops', 'DOUBLE'),
  col('int4_tops', 'DOUBLE'),
  col('tdp_w', 'DOUBLE'),
  col('interconnect', 'VARCHAR'),
  col('interconnect_gbs', 'DOUBLE'),
  col('price_usd', 'DOUBLE'),
  col('cloud_usd_hr', 'DOUBLE'),
  col('cores', 'INTEGER'),
  col('spec_sources', 'VARCHAR', false),
  col('notes', 'VARCHAR'),
];

export const MODEL_COLUMNS: Columns<ModelRow> = [
  col('id', 'VARCHAR', false),
  col('name', 'VARCHAR', false),
  col('aliases', 'VARCHAR', false),
  col('family', 'VARCHAR', false),
  col('modality', 'VARCHAR', false),
  col('architecture', 'VARCHAR', false),
  col('params_m', 'DOUBLE'),
  col('active_params_m', 'DOUBLE'),
  col('layers', 'INTEGER'),
  col('hidden', 'INTEGER'),
  col('heads', 'INTEGER'),
  col('kv_heads', 'INTEGER'),
  col('ffn', 'INTEGER'),
  col('vocab', 'INTEGER'),
  col('max_seq', 'INTEGER'),
  col('image_size', 'INTEGER'),
  col('n_experts', 'INTEGER'),
  col('experts_per_token', 'INTEGER'),
  col('attention', 'VARCHAR'),
  col('head_dim', 'INTEGER'),
  col('kv_lora_rank', 'INTEGER'),
  col('qk_rope_dim', 'INTEGER'),
  col('sliding_window', 'INTEGER'),
  col('sliding_layers', 'INTEGER'),
  col('attn_layers', 'INTEGER'),
  col('ssm_state_elems', 'DOUBLE'),
  col('kv_precision', 'VARCHAR'),
  col('gflops_per_sample', 'DOUBLE'),
  col('gflops_per_token', 'DOUBLE'),
  col('source', 'VARCHAR', false),
  col('notes', 'VARCHAR'),
];

export const MEASUREMENT_COLUMNS: Columns<MeasurementRow> = [
  col('source_id', 'VARCHAR', false),
  col('source_file', 'VARCHAR', false),
  col('source_row', 'INTEGER', false),
  col('hardware_id', 'VARCHAR', false),
  col('n_devices', 'INTEGER', false),
  col('model_id', 'VARCHAR', false),
  col('mode', 'VARCHAR', false),
  col('scenario', 'VARCHAR'),
  col('precision', 'VARCHAR', false),
  col('batch_size', 'INTEGER'),
  col('seq_len', 'INTEGER'),
  col('prompt_tokens', 'INTEGER'),
  col('gen_tokens', 'INTEGER'),
  col('image_size', 'INTEGER'),
  col('metric', 'VARCHAR', false),
  col('value', 'DOUBLE', false),
  col('unit', 'VARCHAR', false),
  col('runtime', 'VARCHAR'),
  col('runtime_class', 'VARCHAR', false),
  col('date', 'VARCHAR'),
  col('provenance', 'VARCHAR', false),
  col('flags', 'VARCHAR', false),
];

export const SOURCE_COLUMNS: Columns<SourceRow> = [
  col('id', 'VARCHAR', false),
  col('title', 'VARCHAR', false),
  col('repository', 'VARCHAR', false),
  col('paths', 'VARCHAR', false),
  col('commit', 'VARCHAR'),
  col('license', 'VARCHAR', false),
  col('row_count', 'INTEGER', false),
  col('kind', 'VARCHAR', false),
];

/** The snapshot's tables: name → file under public/data/ and column list. */
export const SNAPSHOT_TABLES = {
  hardware: { file: 'hardware.parquet', columns: HARDWARE_COLUMNS },
  models: { file: 'models.parquet', columns: MODEL_COLUMNS },
  measurements: { file: 'measurements.parquet', columns: MEASUREMENT_COLUMNS },
  sources: { file: 'sources.parquet', columns: SOURCE_COLUMNS },
} as const;
export type SnapshotTable = keyof typeof SNAPSHOT_TABLES;
