/** Node: read the committed snapshot and models from disk. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadSnapshotRows, type SnapshotRows } from './parquet-rows.ts';
import { toArrayBuffer } from './bytes.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SNAPSHOT_DIR = join(REPO_ROOT, 'public', 'data');
export const MODELS_DIR = join(REPO_ROOT, 'models');

export async function readSnapshot(dir = SNAPSHOT_DIR): Promise<SnapshotRows> {
  return loadSnapshotRows(async (file) => toArrayBuffer(await readFile(join(dir, file))));
}

/** The snapshot id from snapshot.json (written by the ingest). */
export async function snapshotId(dir = SNAPSHOT_DIR): Promise<string> {
  const json = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as { snapshot: string };
  return json.snapshot;
}
