import { describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import type { EfficiencyModel } from '../core/predict/types.ts';
import { workloadOf } from '../core/predict/observation.ts';
import { emptyManifest } from './engine-build.ts';
import { engineWithImported } from './engine-imported.ts';
import { readSnapshot } from './snapshot-files.ts';

/** A stand-in for the learned model: every row at e^-1 ≈ 37% of its bound, the same on every device. */
const flatModel: EfficiencyModel = {
  predict: (_x, rows) => Float32Array.from({ length: rows * 3 }, (_, i) => [-1.5, -1, -0.5][i % 3]!),
};

const mine = (over: Partial<MeasurementRow>): MeasurementRow => ({
  source_id: 'yours:mine',
  source_file: 'mine.csv',
  source_row: 1,
  hardware_id: 'nvidia-rtx-4090',
  n_devices: 1,
  model_id: 'bert-base-uncased',
  mode: 'inference',
  scenario: null,
  precision: 'int4',
  batch_size: 7,
  seq_len: 96,
  prompt_tokens: null,
  gen_tokens: null,
  image_size: null,
  metric: 'throughput',
  value: 900,
  unit: 'items/s',
  runtime: 'my runtime',
  runtime_class: 'other',
  date: null,
  provenance: 'measured',
  flags: 'yours',
  ...over,
});

describe('engineWithImported', () => {
  it('makes imported rows measured references that transfer to other devices', async () => {
    const snapshot = await readSnapshot();
    const manifest = emptyManifest('test');
    const base = { snapshot, manifest, model: flatModel, observations: [] };
    const row = mine({});
    const flagged = mine({ source_row: 2, value: 950, flags: 'yours;exceeds-roofline' });
    const built = await engineWithImported(base, [row, flagged]);
    expect(built.imported.map((o) => o.row)).toEqual([row]);
    expect(built.skipped.map((s) => s.reason)).toEqual(['above the roofline (flagged): not a reference']);

    const model = snapshot.models.find((m) => m.id === 'bert-base-uncased')!;
    const h100 = snapshot.hardware.find((h) => h.id === 'nvidia-h100-sxm5-80gb')!;
    const query = {
      workload: workloadOf(row, model),
      hw: h100,
      model,
      metric: 'throughput' as const,
      runtime: row.runtime,
    };
    const [withRows] = await built.engine.predictMany([query]);
    expect(withRows).toMatchObject({
      ok: true,
      layer: 'transfer',
      explanation: expect.stringMatching(/nvidia-rtx-4090 \(1 from your data: [a-z0-9-]+ row 1\)/),
    });
    const without = await engineWithImported(base, []);
    const [plain] = await without.engine.predictMany([query]);
    expect(plain).toMatchObject({ ok: true, layer: 'learned' });
  }, 60_000);

  it('without a learned model, adds the rows to the measurements only', async () => {
    const snapshot = await readSnapshot();
    const built = await engineWithImported(
      { snapshot, manifest: emptyManifest('t'), model: null, observations: [] },
      [mine({})],
    );
    expect(built.imported).toEqual([]);
    expect(built.skipped).toHaveLength(1);
  }, 60_000);
});
