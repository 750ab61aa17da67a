/** What commands need from the outside world, as a parameter so tests pass fakes (no module mocking). */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RuntimeEvidence } from '../core/predict/runtime-choice.ts';
import type { NodeEngine } from '../adapters/engine-node.ts';
import type { SnapshotRows } from '../adapters/parquet-rows.ts';
import { MODELS_DIR } from '../adapters/snapshot-files.ts';
import { hardwareLookup, modelLookup, type Lookup } from '../core/catalog/lookup.ts';
import type { HardwareRow, ModelRow } from '../core/catalog/schema.ts';

export interface CliDeps {
  /** The engine over the snapshot (with the learned model when models/efficiency exists). */
  load(): Promise<NodeEngine>;
  /** The snapshot's rows alone, for commands that need the catalog but no engine (`fit`). */
  snapshot(): Promise<SnapshotRows>;
  stdout(text: string): void;
  stderr(text: string): void;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
}

export const defaultDeps: CliDeps = {
  async load() {
    const { loadEngineNode } = await import('../adapters/engine-node.ts');
    if (!existsSync(join(MODELS_DIR, 'efficiency', 'manifest.json'))) return loadEngineNode(null);
    // Measured here: the wasm backend scores 10k rows ~8x faster than the cpu backend in Node.
    const { selectTfBackend } = await import('../adapters/tfjs-backend-node.ts');
    return loadEngineNode(await selectTfBackend('wasm'));
  },
  async snapshot() {
    return (await import('../adapters/snapshot-files.ts')).readSnapshot();
  },
  stdout: (t) => void process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => void process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readText: (p) => readFile(p, 'utf8'),
  writeText: (p, t) => writeFile(p, t, 'utf8'),
};

export interface Catalog {
  ne: NodeEngine;
  /** Which runtimes the snapshot measured where (for `auto`). */
  evidence: RuntimeEvidence;
  hardware: Lookup<HardwareRow>;
  models: Lookup<ModelRow>;
}

export async function loadCatalog(deps: CliDeps): Promise<Catalog> {
  const ne = await deps.load();
  const s = ne.snapshot;
  const evidence = new RuntimeEvidence(
    s.measurements,
    new Map(s.hardware.map((h) => [h.id, h])),
    new Map(s.models.map((m) => [m.id, m])),
  );
  return { ne, evidence, hardware: hardwareLookup(s.hardware), models: modelLookup(s.models) };
}
