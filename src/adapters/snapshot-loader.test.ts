import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_TABLES } from '../core/catalog/columns.ts';
import { fixtureStatements } from '../core/sql/testing/fixture.ts';
import { createNodeDb, type NodeDb } from './duckdb-node.ts';
import { SnapshotLoadError } from './errors.ts';
import { loadSnapshot } from './snapshot-loader.ts';

let dir: string;
let db: NodeDb;
const read = async (file: string) => {
  const b = readFileSync(join(dir, file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rooflight-snap-'));
  // Write the fixture as zstd Parquet with native DuckDB, as the ingest does.
  const native = await (await DuckDBInstance.create()).connect();
  for (const sql of fixtureStatements()) await native.run(sql);
  for (const [table, { file }] of Object.entries(SNAPSHOT_TABLES)) {
    await native.run(`COPY ${table} TO '${join(dir, file)}' (FORMAT parquet, COMPRESSION zstd)`);
  }
  native.closeSync();
  db = await createNodeDb();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadSnapshot', () => {
  it('decodes zstd Parquet into typed tables and reports progress', async () => {
    const stages: [string, number][] = [];
    const counts = await loadSnapshot(db.raw, read, (s, f) => stages.push([s, f]));
    expect(counts).toEqual({ hardware: 3, models: 3, measurements: 10, sources: 2 });
    expect(stages.at(-1)).toEqual(['Snapshot loaded', 1]);
    expect(stages.map(([, f]) => f)).toEqual([...stages.map(([, f]) => f)].sort((a, b) => a - b));
    const types = await db.query<{ column_name: string; column_type: string; null: string }>(
      "SELECT column_name, column_type, \"null\" FROM (DESCRIBE measurements) WHERE column_name IN ('source_row', 'value', 'batch_size')",
    );
    expect(types).toEqual([
      { column_name: 'source_row', column_type: 'INTEGER', null: 'NO' },
      { column_name: 'batch_size', column_type: 'INTEGER', null: 'YES' },
      { column_name: 'value', column_type: 'DOUBLE', null: 'NO' },
    ]);
    const [row] = await db.query('SELECT batch_size, value, scenario FROM measurements WHERE metric = ?', [
      'ttft_ms',
    ]);
    expect(row).toEqual({ batch_size: null, value: 45.5, scenario: null });
    const [src] = await db.query<{ title: string }>("SELECT title FROM sources WHERE id = 'src-b'");
    expect(src?.title).toBe('Source "B"');
  });

  it('names the file when its bytes are not Parquet', async () => {
    writeFileSync(join(dir, 'bad.parquet'), 'not parquet at all, just text');
    const bad = (file: string) => read(file === 'measurements.parquet' ? 'bad.parquet' : file);
    const run = loadSnapshot(db.raw, bad);
    await expect(run).rejects.toThrow(SnapshotLoadError);
    await expect(loadSnapshot(db.raw, bad)).rejects.toThrow(
      /Could not load measurements\.parquet: not a readable/,
    );
  });

  it('names the file when reading fails', async () => {
    const missing = async (file: string) => {
      throw new Error(`HTTP 404 for ${file}`);
    };
    await expect(loadSnapshot(db.raw, missing)).rejects.toThrow(/Could not load hardware\.parquet: HTTP 404/);
  });
});
