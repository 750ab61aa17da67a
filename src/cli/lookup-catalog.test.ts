/** Name lookup against the real committed catalog (public/data), with names from public benchmark tables. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotRows } from '../adapters/parquet-rows.ts';
import { readSnapshot } from '../adapters/snapshot-files.ts';
import { hardwareLookup, modelLookup } from '../core/catalog/lookup.ts';

describe('lookup over the committed catalog', () => {
  let snap: SnapshotRows;
  beforeAll(async () => {
    snap = await readSnapshot();
  });
  const resolved = (r: { ok: true; entry: { id: string } } | { ok: false; message: string }) =>
    r.ok ? r.entry.id : r.message;

  it.each([
    ['NVIDIA H100-SXM-80GB', 'nvidia-h100-sxm5-80gb'],
    ['H100 SXM', 'nvidia-h100-sxm5-80gb'],
    ['A100 SXM4 80GB', 'nvidia-a100-sxm4-80gb'],
    ['80GB a100 sxm4', 'nvidia-a100-sxm4-80gb'],
    ['RTX 4090', 'nvidia-rtx-4090'],
    ['GeForce RTX 3090', 'nvidia-rtx-3090'],
    ['M2 Ultra 76-Core GPU', 'apple-m2-ultra'],
    ['AMD Instinct MI300X', 'amd-instinct-mi300x'],
    ['nvidia tesla v100 sxm2 32gb', 'nvidia-v100-sxm2-32gb'],
  ])('hardware %s → %s', (name, id) => {
    expect(resolved(hardwareLookup(snap.hardware).resolve(name))).toBe(id);
  });

  it('resolves Xeon Platinum 8480+ and suggests near names for an unknown Xeon', () => {
    expect(resolved(hardwareLookup(snap.hardware).resolve('Xeon Platinum 8480+'))).toBe(
      'intel-xeon-platinum-8480plus',
    );
    const r = hardwareLookup(snap.hardware).resolve('Xeon Platinum 8490H');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    if (!r.ok) expect(r.candidates.some((c) => c.startsWith('intel-xeon-platinum'))).toBe(true);
  });

  it('refuses ambiguous hardware with the candidates', () => {
    const r = hardwareLookup(snap.hardware).resolve('H100 80GB');
    expect(r).toMatchObject({
      ok: false,
      reason: 'ambiguous',
      candidates: ['nvidia-h100-pcie-80gb', 'nvidia-h100-sxm5-80gb'],
    });
  });

  it.each([
    ['resnet50', 'resnet50.tv_in1k'],
    ['llama-2-7b', 'llama-2-7b'],
    ['Llama 3 8B', 'llama-3-8b'],
    ['bert-large', 'bert-large-uncased'],
    ['BERT-Base Uncased', 'bert-base-uncased'],
    ['meta-llama/Llama-2-7b-hf', 'llama-2-7b'],
    ['8x7B mixtral', 'mixtral-8x7b'],
  ])('model %s → %s', (name, id) => {
    expect(resolved(modelLookup(snap.models).resolve(name))).toBe(id);
  });

  it('refuses ambiguous models and suggests for unknown ones', () => {
    const models = modelLookup(snap.models);
    expect(models.resolve('llama 8b')).toMatchObject({
      ok: false,
      reason: 'ambiguous',
      candidates: ['llama-3-8b', 'llama-3.1-8b'],
    });
    const r = models.resolve('lama-3-8b');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    if (!r.ok) expect(r.message).toMatch(/did you mean .*llama-3-8b/);
  });
});
