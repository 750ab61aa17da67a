import { describe, expect, it } from 'vitest';
import { METRIC_UNITS, NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';
import type { Prediction, Query } from '../predict/types.ts';
import { LLAMA2_7B, measurementRow } from '../roofline/fixtures.test-util.ts';
import { DEFAULT_CUSTOM, DEFAULT_SELECTION, defaultSelection } from '../share/selection.ts';
import { A100P, H100P, RTX, V100P } from './fixtures.test-util.ts';
import { planRanking, predictionMap, rankHardware } from './rank.ts';
import { modelVersion, rankSelection, resolveSelectionModel, type RankingEngine } from './rank-selection.ts';
import { rankRequestFor } from './selection-request.ts';

const row = (id: string, family: string): ModelRow => ({
  ...NO_KV_ARCH,
  ...LLAMA2_7B,
  id,
  family,
  name: id,
  aliases: '',
  source: 't',
  notes: null,
});
const DEFAULT_MODEL = row(DEFAULT_SELECTION.model, 'llama-3');
const OTHER = row('llama-2-7b', 'llama-2');
const models = new Map([DEFAULT_MODEL, OTHER].map((m) => [m.id, m]));

/** An engine answering every query from the device's bandwidth, and counting its calls. */
function fakeEngine(): RankingEngine & { calls: number } {
  const e = {
    calls: 0,
    predictMany: (qs: readonly Query[]): Promise<Prediction[]> => {
      e.calls++;
      return Promise.resolve(
        qs.map((q) => {
          const v = (q.hw.mem_bw_gbs ?? 1) / (q.metric === 'latency_ms' ? 1e3 : 10);
          return {
            ok: true,
            metric: q.metric,
            value: v,
            low: v * 0.8,
            high: v * 1.2,
            unit: METRIC_UNITS[q.metric],
            layer: 'learned',
            bound: 'memory',
            boundValue: null,
            explanation: '',
          } satisfies Prediction;
        }),
      );
    },
  };
  return e;
}

const snapshot = {
  hardware: [H100P, A100P, V100P, RTX],
  models: [DEFAULT_MODEL, OTHER],
  measurements: [
    measurementRow({ source_row: 1, hardware_id: H100P.id, model_id: OTHER.id }),
    measurementRow({ source_row: 2, hardware_id: H100P.id, model_id: DEFAULT_MODEL.id }),
  ],
};

describe('resolveSelectionModel', () => {
  it('ranks a catalog model as it is', () => {
    const s = { ...defaultSelection(), model: OTHER.id };
    expect(resolveSelectionModel(s, models)).toEqual({
      effective: s,
      unknownModel: null,
      model: OTHER,
      modelError: null,
    });
  });

  it('replaces an id the catalog lacks by the default model, and names it', () => {
    const r = resolveSelectionModel({ ...defaultSelection(), model: 'no-such-model' }, models);
    expect(r.unknownModel).toBe('no-such-model');
    expect(r.effective.model).toBe(DEFAULT_SELECTION.model);
    expect(r.model).toBe(DEFAULT_MODEL);
  });

  it('builds a custom model from its description', () => {
    const r = resolveSelectionModel(
      { ...defaultSelection(), model: 'custom', custom: { ...DEFAULT_CUSTOM } },
      models,
    );
    expect(r.unknownModel).toBeNull();
    expect(r.model?.id).toBe('custom');
    expect(r.model?.params_m).toBeCloseTo(7000);
    expect(r.modelError).toBeNull();
  });
});

describe('rankSelection', () => {
  it('is planRanking → one predictMany → rankHardware on the selection’s request', async () => {
    const s = { ...defaultSelection(), model: OTHER.id, precision: 'fp16' };
    const engine = fakeEngine();
    const got = await rankSelection({ engine, snapshot, evidence: null }, s, OTHER);
    expect(engine.calls).toBe(1);

    const req = rankRequestFor(s, OTHER, snapshot.hardware, null);
    const plan = planRanking(req);
    const preds = await fakeEngine().predictMany(
      plan.queries.map((q) => ({ workload: q.workload, hw: q.hardware, model: OTHER, metric: q.metric })),
    );
    const want = rankHardware(req, predictionMap(plan.queries, preds), plan);
    expect(got.ranking.ranked.map((r) => [r.hardware.id, r.score])).toEqual(
      want.ranked.map((r) => [r.hardware.id, r.score]),
    );
    expect(got.ranking.ranked[0]!.hardware.id).toBe(H100P.id);
    expect(got.scenario).toBe('single-stream');
    expect(got.explanations.length).toBe(Math.min(3, got.ranking.ranked.length));
    // The evidence beside it: the model family's measurements only.
    expect(got.familyRows.map((r) => r.model_id)).toEqual([OTHER.id]);
  });

  it('honours the selection’s platforms and constraints', async () => {
    const s = { ...defaultSelection(), model: OTHER.id, platforms: ['consumer-gpu' as const] };
    const got = await rankSelection({ engine: fakeEngine(), snapshot, evidence: null }, s, OTHER);
    expect(got.ranking.ranked.map((r) => r.hardware.id)).toEqual([RTX.id]);
    expect(got.ranking.excluded.map((x) => x.code)).toEqual(['constraint', 'constraint', 'constraint']);
  });
});

describe('modelVersion', () => {
  it('is the seed and the training-set size', () => {
    expect(modelVersion({ seed: 7, trainedRows: 1234 })).toBe('s7-n1234');
  });
});
