import { describe, expect, it } from 'vitest';
import { queryOf } from '../core/predict/observation.ts';
import { RuntimeEvidence } from '../core/predict/runtime-choice.ts';
import { buildEngine, runtimeEvidenceOf } from './engine-build.ts';
import { loadEngineNode, readModelFiles } from './engine-node.ts';
import { readSnapshot } from './snapshot-files.ts';
import { selectTfBackend } from './tfjs-backend-node.ts';

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

describe('runtimeEvidenceOf', () => {
  it('is built once per snapshot and answers as the evidence over the full rows does', async () => {
    const s = await readSnapshot();
    const e = runtimeEvidenceOf(s);
    expect(runtimeEvidenceOf(s)).toBe(e);
    const full = new RuntimeEvidence(
      s.measurements,
      new Map(s.hardware.map((h) => [h.id, h])),
      new Map(s.models.map((m) => [m.id, m])),
    );
    const h100 = s.hardware.find((h) => h.id === 'nvidia-h100-sxm5-80gb')!;
    const llama = s.models.find((m) => m.id === 'llama-3.1-8b')!;
    expect(e.runtimesOn(h100.id).length).toBeGreaterThan(1);
    expect(e.runtimesOn(h100.id)).toEqual(full.runtimesOn(h100.id));
    expect(e.typical('inference', h100, llama, 'fp8')).toEqual(full.typical('inference', h100, llama, 'fp8'));
  }, 60_000);
});
