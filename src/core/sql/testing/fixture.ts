import { SNAPSHOT_TABLE_NAMES, createTableSql } from '../ddl.ts';
import { YOURS_TABLE, yoursSchemaSql } from '../yours.ts';

/** Fixture measurements: [source, row, hardware, model, precision, metric, value, batch]. */
const MEASUREMENTS: [string, number, string, string, string, string, number, number | null][] = [
  ['src-a', 1, 'gpu-big', 'llama-8b', 'fp16', 'decode_tokens_s', 120, 1],
  ['src-a', 2, 'gpu-big', 'llama-8b', 'fp16', 'decode_tokens_s', 900, 8],
  ['src-a', 3, 'gpu-big', 'llama-70b', 'fp16', 'decode_tokens_s', 30, 1],
  ['src-a', 4, 'gpu-small', 'llama-8b', 'int8', 'decode_tokens_s', 80, 1],
  ['src-a', 5, 'gpu-small', 'llama-8b', 'fp16', 'ttft_ms', 45.5, null],
  ['src-b', 1, 'gpu-big', 'resnet50', 'fp16', 'throughput', 3000, 64],
  ['src-b', 2, 'gpu-small', 'resnet50', 'fp16', 'throughput', 1200, 64],
  ['src-b', 3, 'cpu-x', 'resnet50', 'fp32', 'throughput', 90, 64],
  ['src-b', 4, 'cpu-x', 'resnet50', 'int8', 'throughput', 210, 64],
  ['src-b', 5, 'cpu-x', 'llama-8b', 'int8', 'decode_tokens_s', 9.5, 1],
];

/** Number of fixture measurements, and how many match some filters, for the suites' expectations. */
export const FIXTURE = {
  measurements: MEASUREMENTS.length,
  hardware: 3,
  sources: 2,
  count: (
    pred: (m: { source: string; hw: string; model: string; precision: string; metric: string }) => boolean,
  ) =>
    MEASUREMENTS.filter(([source, , hw, model, precision, metric]) =>
      pred({ source, hw, model, precision, metric }),
    ).length,
};

/** Statements that create the snapshot tables (columns.ts types) and fill them with a small fixture. */
export function fixtureStatements(): string[] {
  const rows = MEASUREMENTS.map(
    ([s, r, h, m, p, metric, v, b]) =>
      `('${s}', '${s}/file.csv', ${r}, '${h}', 1, '${m}', 'inference', NULL, '${p}', ${b ?? 'NULL'}, NULL, NULL, NULL, NULL, '${metric}', ${v}, 'u', NULL, 'other', NULL, 'measured', '')`,
  );
  return [
    'DROP VIEW IF EXISTS measurements_all',
    `DROP TABLE IF EXISTS ${YOURS_TABLE}`,
    ...SNAPSHOT_TABLE_NAMES.map((t) => `DROP TABLE IF EXISTS ${t}`),
    ...SNAPSHOT_TABLE_NAMES.map(createTableSql),
    `INSERT INTO hardware (id, name, aliases, vendor, kind, memory_gb, spec_sources) VALUES
      ('gpu-big', 'Big GPU', 'Big GPU', 'acme', 'gpu', 80, ''),
      ('gpu-small', 'Small GPU', 'Small GPU', 'acme', 'gpu', 24, ''),
      ('cpu-x', 'CPU X', 'CPU X', 'acme', 'cpu', NULL, '')`,
    `INSERT INTO models (id, name, aliases, family, modality, architecture, source) VALUES
      ('llama-8b', 'Llama 8B', '', 'llama', 'text', 'decoder-only', 'test'),
      ('llama-70b', 'Llama 70B', '', 'llama', 'text', 'decoder-only', 'test'),
      ('resnet50', 'ResNet-50 (100%_top)', '', 'resnet', 'vision', 'cnn', 'test')`,
    `INSERT INTO sources VALUES
      ('src-a', 'Source A', 'https://example.org/a', 'a.csv', 'abc', 'MIT', 5, 'measurements'),
      ('src-b', 'Source "B"', 'https://example.org/b', 'b.csv|c.csv', NULL, 'Apache-2.0', 5, 'measurements')`,
    `INSERT INTO measurements VALUES ${rows.join(',\n')}`,
    ...yoursSchemaSql(),
  ];
}
