/**
 * Tables in Rooflight's own shapes: the snapshot's measurement schema (core/catalog/schema.ts, as the Data
 * page and `npm run ingest` write it, by id or by name) and the CLI's `predict --queries` CSV with a
 * `measured` column. Provenance columns of the file (source_id, source_file, source_row) are replaced by
 * the import's own.
 */
import type { ImportField, Table } from '../types.ts';
import { columnFinder, rowBuilder, type Parsed } from './columns.ts';

/** Fields read by the same name in both shapes. */
const SAME_NAME: ImportField[] = [
  'n_devices',
  'mode',
  'scenario',
  'precision',
  'batch_size',
  'seq_len',
  'prompt_tokens',
  'gen_tokens',
  'image_size',
  'metric',
  'unit',
  'runtime',
  'date',
];

/** Provenance and derived columns of the schema that an import replaces or recomputes. */
const REPLACED = ['source_id', 'source_file', 'source_row', 'runtime_class', 'provenance', 'flags'];

export function isMeasurementsTable(t: Table): boolean {
  const c = columnFinder(t.columns);
  return (
    c.has('metric', 'value') &&
    (c.find('hardware_id', 'hardware') !== undefined || c.find('model_id', 'model') !== undefined)
  );
}

export function isQueriesTable(t: Table): boolean {
  return columnFinder(t.columns).has('model', 'hardware', 'measured');
}

/** Rows of a measurement-schema table; `runtime_class` stands in for an empty `runtime`. */
export function measurementsRows(t: Table): Parsed {
  const c = columnFinder(t.columns);
  const hw = c.find('hardware_id', 'hardware');
  const model = c.find('model_id', 'model');
  const rc = c.find('runtime_class');
  const rows = t.records.map((rec) => {
    const b = rowBuilder(rec);
    b.take('hardware', hw);
    b.take('model', model);
    for (const f of SAME_NAME) b.take(f, c.find(f));
    b.take('value', c.find('value'));
    const runtime = b.row.values.runtime;
    if (rc !== undefined && (runtime === undefined || runtime === null || runtime === ''))
      b.take('runtime', rc);
    return b.row;
  });
  const read = [
    hw,
    model,
    rc,
    c.find('value'),
    ...SAME_NAME.map((f) => c.find(f)),
    ...REPLACED.map((n) => c.find(n)),
  ];
  return { rows, bad: [], read: read.filter((x): x is string => x !== undefined) };
}

/** Rows of a `predict --queries` CSV with a `measured` column (its output columns are ignored). */
export function queriesRows(t: Table): Parsed {
  const c = columnFinder(t.columns);
  const rows = t.records.map((rec) => {
    const b = rowBuilder(rec);
    b.take('hardware', c.find('hardware'));
    b.take('model', c.find('model'));
    for (const f of SAME_NAME) b.take(f, c.find(f));
    b.take('value', c.find('measured'));
    return b.row;
  });
  const read = ['hardware', 'model', 'measured', ...SAME_NAME].map((n) => c.find(n));
  return { rows, bad: [], read: read.filter((x): x is string => x !== undefined) };
}
