import { describe, expect, it } from 'vitest';
import { buildNameIndex, HARDWARE_PREFIXES } from './resolve.ts';

const hw = [
  { id: 'nvidia-h100-sxm5-80gb', name: 'NVIDIA H100 SXM5 80GB', aliases: 'H100-SXM-80GB|H100 SXM' },
  { id: 'nvidia-rtx-4090', name: 'NVIDIA GeForce RTX 4090', aliases: 'RTX 4090|4090' },
  { id: 'nvidia-a100-sxm4-40gb', name: 'NVIDIA A100 SXM4 40GB', aliases: 'A100' },
  { id: 'nvidia-a100-sxm4-80gb', name: 'NVIDIA A100 SXM4 80GB', aliases: 'A100|A100 80GB' },
];

describe('buildNameIndex', () => {
  const index = buildNameIndex(hw, HARDWARE_PREFIXES);

  it('resolves vendor spellings case-insensitively, with or without vendor words', () => {
    expect(index.resolve('NVIDIA H100-SXM-80GB')).toMatchObject({
      kind: 'found',
      id: 'nvidia-h100-sxm5-80gb',
    });
    expect(index.resolve('h100 sxm')).toMatchObject({ kind: 'found', id: 'nvidia-h100-sxm5-80gb' });
    expect(index.resolve('GeForce RTX 4090')).toMatchObject({ kind: 'found', id: 'nvidia-rtx-4090' });
    expect(index.resolve('nvidia-rtx-4090')).toMatchObject({ kind: 'found', id: 'nvidia-rtx-4090' });
  });

  it('refuses ambiguous names and lists the candidates', () => {
    expect(index.resolve('A100')).toEqual({
      kind: 'ambiguous',
      candidates: ['nvidia-a100-sxm4-40gb', 'nvidia-a100-sxm4-80gb'],
    });
    expect(index.conflicts.get('a100')).toEqual(['nvidia-a100-sxm4-40gb', 'nvidia-a100-sxm4-80gb']);
  });

  it('ignores trademark marks, so the ingest reads vendor-marked names', () => {
    expect(index.resolve('NVIDIA® H100-SXM-80GB')).toMatchObject({
      kind: 'found',
      id: 'nvidia-h100-sxm5-80gb',
    });
    expect(index.resolve('NVIDIA(R) GeForce(TM) RTX 4090')).toMatchObject({
      kind: 'found',
      id: 'nvidia-rtx-4090',
    });
  });

  it('reports unknown names with suggestions', () => {
    const r = index.resolve('H100');
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.suggestions).toContain('nvidia-h100-sxm5-80gb');
    expect(index.resolve('TPU v9')).toMatchObject({ kind: 'unknown' });
  });
});
