/** CliDeps for tests: the roofline-only engine (no models/, loaded once) and captured output. */
import { readFile, writeFile } from 'node:fs/promises';
import { loadEngineNode, type NodeEngine } from '../adapters/engine-node.ts';
import type { CliDeps } from './context.ts';

let engine: Promise<NodeEngine> | null = null;

export function testDeps(): CliDeps & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    load: () => (engine ??= loadEngineNode(null)),
    snapshot: async () => (await (engine ??= loadEngineNode(null))).snapshot,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readText: (p) => readFile(p, 'utf8'),
    writeText: (p, t) => writeFile(p, t, 'utf8'),
  };
}
