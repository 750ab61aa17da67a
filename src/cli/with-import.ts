/**
 * `predict --with my.csv …` and `eval --with my.csv`: your own measurements through the same import and
 * validation as the app (core/import via adapters/import-file). predict: the rows join the engine's
 * evidence (measured references on other devices, neighbours). eval: the shipped engine scored on them.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { engineWithImported } from '../adapters/engine-imported.ts';
import { readModelFiles } from '../adapters/engine-node.ts';
import { importCatalogOf, importFile } from '../adapters/import-file.ts';
import { parquetRecordsNode } from '../adapters/parquet-records-node.ts';
import { METRICS, type MeasurementRow } from '../core/catalog/schema.ts';
import { badRowsCsv } from '../core/import/bad-rows.ts';
import { importedQueries, scoreImported, type ImportedScores } from '../core/import/evaluate.ts';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type ColumnTarget,
  type ImportDefaults,
  type ImportOptions,
  type ImportResult,
} from '../core/import/types.ts';
import type { Accuracy } from '../core/predict/accuracy.ts';
import { toCsv } from '../core/csv.ts';
import { calibrateRows, renderCalibration } from './calibrate.ts';
import { defaultDeps, type CliDeps } from './context.ts';
import { PREDICT_HELP, predictCommand } from './predict.ts';
import { UsageError } from './usage-error.ts';

export const WITH_HELP = `Your own measurements (--with, repeatable): CSV, TSV, JSON, JSON Lines, Markdown or Parquet in the
snapshot's measurement schema; the predict --queries CSV plus a "measured" column; llama-bench CSV / JSON /
Markdown; timm benchmark.py CSV; vLLM benchmark_serving JSON; trtllm-bench --report_json; MLPerf
summary_results.json. Every row is validated (names, metric and unit, positive finite values, the roofline
bound, duplicates); bad rows are listed on stderr and skipped.
  --with FILE                 a file to import (its name is the batch: source_id yours:<name>)
  --with-default FIELD=VALUE  a value for a field the file does not state (hardware="RTX 4090", precision=amp)
  --with-map COLUMN=TARGET    map a column of an unknown table to a field (${IMPORT_FIELDS.join(', ')}),
                              metric:<metric> or ignore
  --with-name NAME=ID         resolve a name the catalog does not know ("llama 8B"=llama-3.1-8b)
  --allow-above-roofline      keep rows faster than the roofline bound, flagged exceeds-roofline
  --bad-rows FILE             write every bad row (row, column, value, reason and its cells) as CSV`;

export const EVAL_WITH_HELP = `usage: npm run cli -- eval --with my.csv [--with more.json …] [--json] [--out rows.csv] [--calibrate]

Scores the shipped engine on your rows (unseen by its model): MdAPE, within ±10% / ±25%, 80% interval
coverage and median width, overall, per source (batch) and per metric. --out writes each row's prediction.
--calibrate also calibrates the learned model on your rows as the app's "Calibrate on my data" does: k-fold
cross-validation of the shipped model against one fine-tuned on the other folds, and whether it is kept.

${WITH_HELP}`;

const WITH_OPTIONS = {
  with: { type: 'string', multiple: true },
  'with-default': { type: 'string', multiple: true },
  'with-map': { type: 'string', multiple: true },
  'with-name': { type: 'string', multiple: true },
  'allow-above-roofline': { type: 'boolean' },
  'bad-rows': { type: 'string' },
} as const;

/** What reading files needs beyond CliDeps (tests pass a fake). */
export type WithDeps = CliDeps & { readBytes?(path: string): Promise<Uint8Array> };

/** Pull the --with options out of argv; the rest goes to the command itself. */
export function splitWithArgs(argv: readonly string[]): { rest: string[]; withArgs: string[] } {
  const flags = new Set(Object.keys(WITH_OPTIONS).map((k) => `--${k}`));
  const valued = new Set(['--with', '--with-default', '--with-map', '--with-name', '--bad-rows']);
  const rest: string[] = [];
  const withArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (!flags.has(name)) {
      rest.push(a);
      continue;
    }
    withArgs.push(a);
    if (valued.has(a) && i + 1 < argv.length) withArgs.push(argv[++i]!);
  }
  return { rest, withArgs };
}

function pairs(list: readonly string[] | undefined, flag: string): [string, string][] {
  return (list ?? []).map((p) => {
    const i = p.indexOf('=');
    if (i <= 0) throw new UsageError(`${flag} takes NAME=VALUE, got "${p}"`);
    return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
  });
}

interface WithSettings {
  files: string[];
  options: Omit<ImportOptions, 'batch'>;
  badRows: string | undefined;
}

export function withSettings(withArgs: string[]): WithSettings {
  const { values: v } = parseArgs({ args: withArgs, options: WITH_OPTIONS, allowPositionals: false });
  const defaults: ImportDefaults = {};
  for (const [k, val] of pairs(v['with-default'], '--with-default')) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(k) || k === 'value')
      throw new UsageError(
        `--with-default: "${k}" is not a field (use ${IMPORT_FIELDS.filter((f) => f !== 'value').join(', ')})`,
      );
    defaults[k as keyof ImportDefaults] = val;
  }
  const mapping: ColumnMapping = {};
  for (const [k, t] of pairs(v['with-map'], '--with-map')) mapping[k] = t as ColumnTarget;
  const names: Record<string, string> = Object.fromEntries(pairs(v['with-name'], '--with-name'));
  const options: Omit<ImportOptions, 'batch'> = {
    defaults,
    names: { hardware: names, models: names },
    allowAboveRoofline: v['allow-above-roofline'] ?? false,
  };
  if (Object.keys(mapping).length > 0) options.mapping = mapping;
  return { files: v.with ?? [], options, badRows: v['bad-rows'] };
}

const readBytesOf = (deps: WithDeps) =>
  deps.readBytes ?? (async (p: string) => new Uint8Array(await readFile(p)));

/**
 * Import every --with file against the snapshot's catalog; reports each file on stderr. A file that cannot
 * be read, or whose table needs a column mapping, is a usage error naming what to give.
 */
export async function importWithFiles(
  deps: WithDeps,
  s: WithSettings,
  snapshot: Parameters<typeof importCatalogOf>[0],
): Promise<{ rows: MeasurementRow[]; results: ImportResult[] }> {
  const catalog = importCatalogOf(snapshot);
  const decode = parquetRecordsNode();
  const rows: MeasurementRow[] = [];
  const results: ImportResult[] = [];
  const { mapping, ...options } = s.options;
  for (const path of s.files) {
    const bytes = await readBytesOf(deps)(path).catch((e: Error) => {
      throw new UsageError(`--with ${path}: ${e.message}`);
    });
    // --with-map is for the files no known format reads; the others ignore it.
    let r = await importFile(bytes, basename(path), catalog, { ...options, existing: rows }, decode);
    if (r.status === 'needs-mapping' && mapping)
      r = await importFile(bytes, basename(path), catalog, { ...options, mapping, existing: rows }, decode);
    if (r.status === 'error') throw new UsageError(r.message);
    if (r.status === 'needs-mapping') {
      const guess = Object.entries(r.suggested).map(([c, t]) => `--with-map "${c}=${t}"`);
      throw new UsageError(
        `${r.message}\n  columns: ${r.columns.join(', ')}\n  guessed: ${guess.join(' ') || 'nothing'}${r.unknown.length ? `\n  unplaced: ${r.unknown.join(', ')}` : ''}`,
      );
    }
    results.push(r);
    rows.push(...r.good);
    deps.stderr(reportLine(r));
  }
  const bad = results.flatMap((r) => r.bad.map((b) => ({ ...b, record: { file: r.file, ...b.record } })));
  if (s.badRows !== undefined && bad.length > 0) {
    await deps.writeText(s.badRows, badRowsCsv(bad));
    deps.stderr(`wrote ${bad.length} bad rows to ${s.badRows}`);
  }
  return { rows, results };
}

const MAX_LISTED = 20;

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** One file's import, for stderr: counts, then the bad rows and warnings (the first 20 of each), notes. */
export function reportLine(r: ImportResult): string {
  const lines = [
    `${r.file}: ${r.format} (${r.container}), ${count(r.records, 'record')} → ${count(r.good.length, 'row')} kept as ${r.sourceId}, ${r.bad.length} bad, ${count(r.warnings.length, 'warning')}`,
  ];
  for (const b of r.bad.slice(0, MAX_LISTED))
    lines.push(`  bad row ${b.row}, ${b.column}${b.value ? ` "${b.value}"` : ''}: ${b.reason}`);
  if (r.bad.length > MAX_LISTED)
    lines.push(`  … ${r.bad.length - MAX_LISTED} more (--bad-rows FILE writes them all)`);
  for (const w of r.warnings.slice(0, MAX_LISTED))
    lines.push(`  warning row ${w.row}, ${w.column}: ${w.reason}`);
  if (r.needs.length)
    lines.push(`  the file does not state ${r.needs.join(', ')}: give --with-default ${r.needs[0]}=…`);
  for (const u of [...r.unresolved.hardware, ...r.unresolved.models])
    lines.push(
      `  unresolved "${u.name}" (rows ${u.rows.slice(0, 8).join(', ')}${u.rows.length > 8 ? ', …' : ''}): fix with --with-name "${u.name}=<id>"${u.candidates.length ? ` (candidates: ${u.candidates.slice(0, 5).join(', ')})` : ''}`,
    );
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

/** `predict --with FILE …`: the predict command on an engine whose evidence includes your rows. */
export async function predictWithCommand(argv: string[], deps: WithDeps = defaultDeps): Promise<void> {
  const { rest, withArgs } = splitWithArgs(argv);
  if (rest.includes('--help') || rest.includes('-h')) return deps.stdout(`${PREDICT_HELP}\n\n${WITH_HELP}`);
  const s = withSettings(withArgs);
  if (s.files.length === 0) throw new UsageError('--with needs a file');
  const base = await deps.load();
  const { rows } = await importWithFiles(deps, s, base.snapshot);
  const built = await engineWithImported(base, rows, base.model ? readModelFiles()?.references : null);
  const models = [...new Set(built.imported.map((o) => o.model.id))];
  deps.stderr(
    base.model
      ? `${built.imported.length} of your rows are measured references (models: ${models.slice(0, 6).join(', ') || 'none'}${models.length > 6 ? ', …' : ''}); transfer answers name the devices they scale from, and a device's own rows are not used for itself`
      : `${rows.length} of your rows join the measured neighbours (no learned model is loaded, so no transfer from them)`,
  );
  return predictCommand(rest, { ...deps, load: async () => ({ ...base, engine: built.engine }) });
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${x.toFixed(1)}%`);

function accuracyLine(label: string, a: Accuracy | null, width: number): string {
  const head = label.padEnd(width);
  if (!a) return `${head} no answered rows`;
  const w = a.medianWidth === null ? '–' : `${a.medianWidth.toFixed(2)}×`;
  return `${head} n=${String(a.n).padStart(5)}  MdAPE ${pct(a.mdape).padStart(7)}  ±10% ${pct(a.within10).padStart(6)}  ±25% ${pct(a.within25).padStart(6)}  80% coverage ${pct(a.coverage80).padStart(6)}  width ${w}`;
}

export function renderScores(s: ImportedScores): string {
  const sources = Object.entries(s.bySource).map(([k, a]) => [`  ${k}`, a] as const);
  const metrics = METRICS.filter((m) => m in s.byMetric).map(
    (m) => [`  ${m}`, s.byMetric[m] ?? null] as const,
  );
  const width = Math.max(10, ...[...sources, ...metrics].map(([l]) => l.length)) + 1;
  const lines = [accuracyLine('all rows', s.overall, width), '', 'per source:'];
  for (const [l, a] of sources) lines.push(accuracyLine(l, a, width));
  lines.push('', 'per metric:');
  for (const [l, a] of metrics) lines.push(accuracyLine(l, a, width));
  if (s.unanswered > 0) {
    lines.push('', `${s.unanswered} rows the engine could not answer:`);
    for (const r of s.rows.filter((x) => x.error !== null).slice(0, MAX_LISTED))
      lines.push(`  ${r.row.source_file} row ${r.row.source_row} (${r.row.metric}): ${r.error}`);
  }
  return lines.join('\n');
}

/** `eval --with FILE …`: the shipped engine scored on your rows. */
export async function evalWithCommand(argv: string[], deps: WithDeps = defaultDeps): Promise<void> {
  const { rest, withArgs } = splitWithArgs(argv);
  const { values: v, positionals } = parseArgs({
    args: rest,
    options: {
      json: { type: 'boolean' },
      out: { type: 'string' },
      calibrate: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (v.help) return deps.stdout(EVAL_WITH_HELP);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const s = withSettings(withArgs);
  if (s.files.length === 0) throw new UsageError('--with needs a file');
  const base = await deps.load();
  const { rows } = await importWithFiles(deps, s, base.snapshot);
  const { items } = importedQueries(
    rows,
    new Map(base.snapshot.hardware.map((h) => [h.id, h])),
    new Map(base.snapshot.models.map((m) => [m.id, m])),
  );
  const preds = await base.engine.predictMany(items.map((i) => i.query));
  const scores = scoreImported(items, preds);
  if (v.out !== undefined) {
    const out = scores.rows.map((r) => ({
      ...r.row,
      predicted: r.predicted,
      low: r.low,
      high: r.high,
      layer: r.layer,
      ape: r.ape,
      error: r.error,
    }));
    const cols = [...Object.keys(rows[0] ?? {}), 'predicted', 'low', 'high', 'layer', 'ape', 'error'];
    await deps.writeText(v.out, toCsv(cols, out));
    deps.stderr(`wrote ${out.length} rows to ${v.out}`);
  }
  const engineName = base.model
    ? 'the shipped engine (learned model)'
    : 'the roofline-only engine (no models/efficiency)';
  const calibration = v.calibrate ? await calibrateRows(base, rows, deps.stderr) : undefined;
  if (v.json)
    return deps.stdout(
      JSON.stringify({ engine: engineName, ...scores, rows: undefined, calibration }, null, 2),
    );
  deps.stdout(`${engineName} on ${rows.length} of your rows:\n\n${renderScores(scores)}`);
  if (calibration !== undefined)
    deps.stdout(
      `\n${calibration ? renderCalibration(calibration) : 'calibration needs the learned model (models/efficiency): not run'}`,
    );
}
