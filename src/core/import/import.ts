/**
 * "Your own benchmarks": a file → rows in the snapshot's measurement schema, with every row that cannot be
 * kept listed (row, column, reason). Formats are detected by content: the snapshot schema (CSV, JSON or
 * Parquet), the CLI's query CSV plus `measured`, llama-bench (CSV, JSON, Markdown), timm benchmark.py CSV,
 * vLLM benchmark_serving and trtllm-bench JSON, MLPerf summary_results.json; any other table asks for a
 * column mapping. Pure and synchronous; Parquet is decoded by the adapter (src/adapters/import-file.ts),
 * which hands the records to importRecords.
 */
import type { ImportCatalog } from './catalog.ts';
import { decodeBytes, importError } from './decode.ts';
import type { Parsed } from './formats/columns.ts';
import { isLlamaBenchTable, llamaBenchRows } from './formats/llama-bench.ts';
import {
  isMeasurementsTable,
  isQueriesTable,
  measurementsRows,
  queriesRows,
} from './formats/measurements.ts';
import { isMlperfTable, mlperfRows } from './formats/mlperf.ts';
import {
  isTrtllmBenchTable,
  isVllmServingTable,
  trtllmBenchRows,
  vllmServingRows,
} from './formats/serving.ts';
import { isTimmTable, TIMM_DEFAULT_PRECISION, timmRows } from './formats/timm.ts';
import { mappedRows, mappingProblem, suggestMapping } from './mapping.ts';
import { recordsTable, recordText, textTable } from './table.ts';
import type {
  Container,
  ImportDefaults,
  ImportFormat,
  ImportOptions,
  ImportOutcome,
  ImportResult,
  NeedsMapping,
  Table,
} from './types.ts';
import { YOURS_PREFIX } from './types.ts';
import { validateRows } from './validate.ts';

/** Known formats, most specific first: the first whose columns match reads the table. */
const DETECT: { format: Exclude<ImportFormat, 'mapped'>; test: (t: Table) => boolean }[] = [
  { format: 'trtllm-bench', test: isTrtllmBenchTable },
  { format: 'vllm-serving', test: isVllmServingTable },
  { format: 'mlperf', test: isMlperfTable },
  { format: 'llama-bench', test: isLlamaBenchTable },
  { format: 'timm', test: isTimmTable },
  { format: 'measurements', test: isMeasurementsTable },
  { format: 'queries', test: isQueriesTable },
];

/** Which known format a table is in, or null (it needs a column mapping). */
export function detectFormat(t: Table): Exclude<ImportFormat, 'mapped'> | null {
  return DETECT.find((d) => d.test(t))?.format ?? null;
}

const PARSERS: Record<Exclude<ImportFormat, 'mapped'>, (t: Table) => Parsed> = {
  measurements: measurementsRows,
  queries: queriesRows,
  'llama-bench': llamaBenchRows,
  timm: timmRows,
  'vllm-serving': vllmServingRows,
  'trtllm-bench': trtllmBenchRows,
  mlperf: mlperfRows,
};

/** What each format assumes for fields it leaves empty (below the caller's defaults). */
const FORMAT_DEFAULTS: Partial<Record<ImportFormat, ImportDefaults>> = {
  queries: { n_devices: 1, mode: 'inference', precision: 'fp16', metric: 'throughput' },
  timm: { precision: TIMM_DEFAULT_PRECISION },
};

/** The batch name a file gets by default: its name without directory and extension. */
export function defaultBatchName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(csv|tsv|json|jsonl|md|markdown|parquet|txt)$/i, '') || 'import';
}

/** A batch name as stored: trimmed, at most 64 characters, no control characters. */
const cleanBatch = (b: string) =>
  b
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .slice(0, 64) || 'import';

/** Import a table already split into records (from text, or decoded Parquet). */
export function importTable(
  table: Table,
  file: string,
  catalog: ImportCatalog,
  options: ImportOptions = {},
): ImportOutcome {
  if (table.records.length === 0 && table.unreadable.length === 0)
    return importError(file, 'no-rows', 'no data rows (only a header, or an empty list)');
  if (table.records.length === 0) {
    const first = table.unreadable[0]!;
    return importError(
      file,
      'unreadable',
      `no readable records (${table.unreadable.length} unreadable; row ${first.row}: ${first.reason})`,
    );
  }
  if (table.columns.length === 0) return importError(file, 'unknown-format', 'the records have no fields');
  const batch = cleanBatch(options.batch ?? defaultBatchName(file));
  let format: ImportFormat | null = options.format ?? (options.mapping ? 'mapped' : detectFormat(table));
  if (format === null) return needsMapping(table, file);
  let parsed: Parsed;
  if (format === 'mapped') {
    const mapping = options.mapping ?? {};
    const problem = mappingProblem(mapping, table.columns, new Set(Object.keys(options.defaults ?? {})));
    if (problem) return importError(file, 'bad-mapping', problem);
    parsed = {
      rows: mappedRows(table, mapping),
      bad: [],
      read: Object.entries(mapping)
        .filter(([, t]) => t !== 'ignore')
        .map(([c]) => c),
    };
  } else parsed = PARSERS[format](table);
  format ??= 'mapped';

  const v = validateRows(parsed.rows, {
    catalog,
    file,
    sourceId: `${YOURS_PREFIX}${batch}`,
    options,
    formatDefaults: FORMAT_DEFAULTS[format] ?? {},
    queryLengths: format === 'queries',
  });
  const bad = [...table.unreadable, ...parsed.bad, ...v.bad].sort((a, b) => a.row - b.row);
  const read = new Set(parsed.read);
  const notes = [...(parsed.notes ?? [])];
  if (format === 'timm' && options.defaults?.precision === undefined)
    notes.push(
      `timm benchmark.py states no precision: read as ${TIMM_DEFAULT_PRECISION} (its default); give a default precision (e.g. amp) otherwise`,
    );
  if (format === 'queries')
    notes.push(
      'empty cells read as predict --queries reads them (n_devices 1, inference, fp16, batch 1, throughput, default lengths)',
    );
  const result: ImportResult = {
    status: 'ok',
    file,
    batch,
    sourceId: `${YOURS_PREFIX}${batch}`,
    container: table.container,
    format,
    records: table.records.length + table.unreadable.length,
    good: v.good,
    bad,
    warnings: v.warnings,
    unresolved: v.unresolved,
    needs: v.needs,
    ignoredColumns: table.columns.filter((c) => !read.has(c)),
    notes,
  };
  return result;
}

function needsMapping(table: Table, file: string): NeedsMapping {
  const { suggested, unknown } = suggestMapping(table.columns);
  return {
    status: 'needs-mapping',
    file,
    container: table.container,
    columns: table.columns,
    suggested,
    unknown,
    sample: table.records.slice(0, 5).map((r) => recordText(r.cells)),
    message: `${file}: the columns (${table.columns.slice(0, 12).join(', ')}${table.columns.length > 12 ? ', …' : ''}) match no known format: map them to fields (hardware, model, metric, value…)`,
  };
}

/** Import text (CSV, TSV, JSON, JSON Lines or Markdown), detected by content. */
export function importText(
  text: string,
  file: string,
  catalog: ImportCatalog,
  options: ImportOptions = {},
): ImportOutcome {
  const table = textTable(text, file);
  if ('status' in table) return table;
  return importTable(table, file, catalog, options);
}

/** Import records decoded elsewhere (Parquet rows from the adapter), numbered from 1 in order. */
export function importRecords(
  records: readonly unknown[],
  container: Container,
  file: string,
  catalog: ImportCatalog,
  options: ImportOptions = {},
): ImportOutcome {
  return importTable(recordsTable(records, container), file, catalog, options);
}

/**
 * Import a file's bytes. Text formats are read here; Parquet needs the adapter's decoder
 * (src/adapters/import-file.ts importFile), which calls this for everything else.
 */
export function importBytes(
  bytes: Uint8Array,
  file: string,
  catalog: ImportCatalog,
  options: ImportOptions = {},
): ImportOutcome {
  const d = decodeBytes(bytes, file);
  if (d.kind === 'error') return d.error;
  if (d.kind === 'parquet')
    return importError(
      file,
      'invalid-parquet',
      'Parquet is decoded by importFile (src/adapters/import-file.ts), not importBytes',
    );
  return importText(d.text, file, catalog, options);
}
