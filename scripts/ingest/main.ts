/**
 * npm run ingest [-- --raw <dir>] [--out <dir>] [--quiet]
 * Reads the public sources under shared/data/raw, normalizes them into the snapshot schema and writes
 * public/data/{hardware,models,measurements,sources}.parquet plus snapshot.json, printing a report.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SNAPSHOT_TABLES } from '../../src/core/catalog/columns.ts';
import type { MeasurementRow, SourceRow } from '../../src/core/catalog/schema.ts';
import { assembleMeasurements } from './assemble.ts';
import { catalogIndexes } from './catalog-index.ts';
import { buildHardware } from './hardware/build.ts';
import { buildModels } from './models/build.ts';
import { flagOutliers } from './outliers.ts';
import { printReport, type SourceReport } from './report.ts';
import { MEASUREMENT_SOURCES } from './sources/index.ts';
import { writeParquet } from './write-parquet.ts';

const MAX_SNAPSHOT_BYTES = 5 * 1024 * 1024;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      raw: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data/raw') },
      out: { type: 'string', default: resolve(import.meta.dirname, '../../public/data') },
    },
  });
  const raw = resolve(values.raw);
  const out = resolve(values.out);
  if (!existsSync(raw)) throw new UsageError(`raw data folder not found: ${raw} (pass --raw <dir>)`);
  mkdirSync(out, { recursive: true });

  const hardware = buildHardware(raw);
  const models = buildModels(raw);
  const { hardware: hwIndex, models: modelIndex } = catalogIndexes(hardware.rows, models.rows);
  const hwById = new Map(hardware.rows.map((h) => [h.id, h]));
  const modelById = new Map(models.rows.map((m) => [m.id, m]));

  const measurements: MeasurementRow[] = [];
  const reports: SourceReport[] = [];
  const sourceRows: SourceRow[] = [];
  for (const src of MEASUREMENT_SOURCES) {
    const parsed = src.parse(raw);
    const assembled = assembleMeasurements(src.meta.id, parsed.rows, hwIndex, modelIndex, modelById);
    measurements.push(...assembled.rows);
    reports.push({
      id: src.meta.id,
      read: parsed.read,
      kept: assembled.rows.length,
      drops: [...parsed.drops, ...assembled.drops],
      notes: parsed.notes,
      unresolvedHardware: assembled.unresolvedHardware,
      unresolvedModels: assembled.unresolvedModels,
    });
    sourceRows.push({ ...src.meta, row_count: assembled.rows.length, kind: 'measurements' });
  }

  const findings = flagOutliers(measurements, hwById, modelById);

  measurements.sort(
    (a, b) =>
      a.source_id.localeCompare(b.source_id) ||
      a.source_file.localeCompare(b.source_file) ||
      a.source_row - b.source_row ||
      a.metric.localeCompare(b.metric) ||
      (a.scenario ?? '').localeCompare(b.scenario ?? ''),
  );
  const usedHw = new Set(measurements.map((m) => m.hardware_id));
  const usedModels = new Set(measurements.map((m) => m.model_id));
  const allSources = mergeSources([...sourceRows, ...hardware.sources, ...models.sources]);

  const tables = {
    hardware: hardware.rows,
    models: models.rows,
    measurements,
    sources: allSources,
  } as const;
  const files: Record<string, { rows: number; bytes: number; sha256: string }> = {};
  for (const [name, spec] of Object.entries(SNAPSHOT_TABLES)) {
    const path = join(out, spec.file);
    const rows = tables[name as keyof typeof tables];
    await writeParquet(path, spec.columns as never, rows as never);
    const bytes = readFileSync(path);
    files[spec.file] = { rows: rows.length, bytes: statSync(path).size, sha256: sha256(bytes) };
  }
  const total = Object.values(files).reduce((s, f) => s + f.bytes, 0);
  const snapshotHash = sha256(
    Buffer.from(
      Object.values(files)
        .map((f) => f.sha256)
        .join(''),
    ),
  ).slice(0, 16);
  writeFileSync(
    join(out, 'snapshot.json'),
    JSON.stringify({ snapshot: snapshotHash, files }, null, 2) + '\n',
  );

  printReport({
    reports,
    hardwareNotes: hardware.notes,
    modelNotes: models.notes,
    conflicts: [...hwIndex.conflicts, ...modelIndex.conflicts],
    findings,
    counts: {
      hardware: hardware.rows.length,
      hardwareMeasured: usedHw.size,
      models: models.rows.length,
      modelsMeasured: usedModels.size,
      measurements: measurements.length,
      sources: allSources.length,
      bytes: total,
      snapshot: snapshotHash,
    },
  });
  if (total > MAX_SNAPSHOT_BYTES)
    throw new Error(`snapshot is ${total} bytes, over the ${MAX_SNAPSHOT_BYTES} limit`);
}

/**
 * One row per source id: a folder used by several builders lists every kind and path it served. row_count is
 * the source's rows in measurements.parquet, or for spec/config-only sources the catalog rows citing it.
 */
function mergeSources(rows: SourceRow[]): SourceRow[] {
  const byId = new Map<string, SourceRow>();
  for (const r of rows) {
    const prev = byId.get(r.id);
    if (!prev) {
      byId.set(r.id, { ...r });
      continue;
    }
    const union = (a: string, b: string, sep: string) =>
      [...new Set([...a.split(sep), ...b.split(sep)])].filter(Boolean).join(sep);
    prev.kind = union(prev.kind, r.kind, ',');
    prev.paths = union(prev.paths, r.paths, '|');
    // A source with measurements counts its measurement rows; catalog-only sources count the rows citing them.
    if (r.kind === 'measurements') prev.row_count = r.row_count;
    else if (!prev.kind.includes('measurements')) prev.row_count += r.row_count;
  }
  return [...byId.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

class UsageError extends Error {}

main().catch((e: unknown) => {
  console.error(e instanceof UsageError ? `ingest: ${e.message}` : e);
  process.exit(1);
});
