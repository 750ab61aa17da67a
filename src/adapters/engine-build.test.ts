import { describe, expect, it } from 'vitest';
import { selectTfBackend } from '../train/backend-node.ts';
import { queryOf } from '../train/pipeline.ts';
import { buildEngine } from './engine-build.ts';
import { loadEngineNode, readModelFiles } from './engine-node.ts';

describe('precomputed references (models/efficiency/references.bin)', () => {
  it('match the snapshot and give the same predictions as re-scoring the references', async () => {
    const tf = await selectTfBackend('wasm');
    const node = await loadEngineNode(tf);
    const files = readModelFiles()!;
    expect(files.references, 'references.bin is committed with the model').not.toBeNull();
    const rescored = await buildEngine(node.snapshot, node.manifest, node.model, null);
    const precomputed = await buildEngine(node.snapshot, node.manifest, node.model, files.references);
    const queries = node.observations.filter((_, i) => i % 997 === 0).map(queryOf);
    const [a, b] = await Promise.all([
      rescored.engine.predictMany(queries),
      precomputed.engine.predictMany(queries),
    ]);
    expect(a.some((p) => p.ok && p.layer === 'transfer')).toBe(true);
    a.forEach((p, i) => {
      const q = b[i]!;
      expect(q.ok).toBe(p.ok);
      if (p.ok && q.ok) expect(q.value / p.value).toBeCloseTo(1, 5);
    });
  }, 120_000);
});
