/** core/select/compatibility.ts over the whole committed catalog, read through the snapshot adapter. */
import { describe, expect, it } from 'vitest';
import { compatibilityMatrix } from '../core/select/compatibility.ts';
import { readSnapshot } from './snapshot-files.ts';

describe('compatibilityMatrix over the real snapshot', async () => {
  const snapshot = await readSnapshot();

  it('has a status and a reason in every cell', () => {
    const m = compatibilityMatrix(snapshot);
    expect(m.cells).toHaveLength(m.families.length * m.platforms.length);
    expect(m.platforms).toEqual(
      expect.arrayContaining(['cuda', 'rocm', 'mps', 'cpu', 'webgpu', 'webnn', 'wasm']),
    );
    for (const c of m.cells) {
      expect(['supported', 'limited', 'unsupported', 'unknown']).toContain(c.status);
      expect(c.reason.length).toBeGreaterThan(20);
    }
    const get = (f: string, p: string) => m.cells.find((c) => c.family === f && c.platform === p)!;
    expect(get('resnet', 'cuda')).toMatchObject({ status: 'supported' });
    expect(get('resnet', 'cuda').measuredRows).toBeGreaterThan(100);
    expect(get('llama-3', 'webgpu').reason).toMatch(/^measured: \d+ rows on 1 device \(apple-m3\)/);
    expect(m.cells.filter((c) => c.platform === 'webnn').every((c) => c.status !== 'supported')).toBe(true);
  });

  it('marks fp8 llama-2 unsupported on V100-era (Volta) and pre-Hopper devices', () => {
    const m = compatibilityMatrix(snapshot, {
      precision: 'fp8',
      groupBy: 'architecture',
      families: ['llama-2'],
    });
    const get = (p: string) => m.cells.find((c) => c.platform === p)!;
    for (const p of ['cuda/volta', 'cuda/pascal', 'cuda/turing', 'cuda/ampere'])
      expect(get(p).status, p).toBe('unsupported');
    expect(get('cuda/volta').reason).toMatch(/has no fp8 support in the catalog/);
    expect(get('cuda/hopper').status).toBe('supported');
    expect(get('webgpu/ada').reason).toMatch(/webgpu has no fp8 kernels/);
  });

  it('is deterministic', () => {
    const a = compatibilityMatrix(snapshot, { families: ['bert', 'llama-2', 'vit'] });
    const b = compatibilityMatrix(snapshot, { families: ['vit', 'llama-2', 'bert'] });
    expect(b).toEqual(a);
  });
});
