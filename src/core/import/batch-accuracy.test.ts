import { describe, expect, it } from 'vitest';
import type { Prediction, Query } from '../predict/types.ts';
import { batchAccuracy } from './batch-accuracy.ts';
import type { YoursBatch } from './batches.ts';
import { CATALOG } from './fixtures.test-util.ts';
import { importText } from './import.ts';

const text = [
  'hardware,model,precision,batch_size,metric,value',
  'RTX 4090,resnet50,fp16,64,throughput,1000',
  'RTX 4090,resnet50,fp16,64,latency_ms,64',
  'H100,llama-3.1-8b,bf16,1,decode_tokens_s,100',
].join('\n');

const batch = (id: string): YoursBatch => ({
  id,
  name: id.toUpperCase(),
  file: `${id}.csv`,
  format: 'measurements',
  container: 'csv',
  created: '2026-01-01T00:00:00.000Z',
  hidden: false,
  rows: 3,
});

/** Predicts 10% over every throughput, exactly every latency, and cannot answer decode rates. */
const engine = {
  calls: [] as number[],
  async predictMany(queries: readonly Query[]): Promise<Prediction[]> {
    this.calls.push(queries.length);
    return queries.map((q) =>
      q.metric === 'decode_tokens_s'
        ? { ok: false, metric: q.metric, error: 'no roofline for this device' }
        : {
            ok: true,
            metric: q.metric,
            value: q.metric === 'throughput' ? 1100 : 64,
            low: 1,
            high: 2000,
            unit: 'items/s',
            layer: 'learned',
            bound: 'compute',
            boundValue: null,
            explanation: '',
          },
    );
  },
};

describe('batchAccuracy', () => {
  it('scores each batch in chunks, says why rows got no answer, and scores every row together', async () => {
    const rows = ['a', 'b'].flatMap((id) => {
      const r = importText(text, `${id}.csv`, CATALOG, { batch: id });
      if (r.status !== 'ok') throw new Error(r.status);
      return r.good;
    });
    let pauses = 0;
    const out = await batchAccuracy(
      engine,
      { hardware: CATALOG.hardwareById, models: CATALOG.modelsById },
      [batch('a'), batch('b'), batch('empty')],
      rows,
      { chunk: 2, pause: async () => void pauses++ },
    );
    expect(engine.calls).toEqual([2, 1, 2, 1]);
    expect(pauses).toBe(4);
    expect(out.batches.map((b) => [b.batch.id, b.scored, b.answered])).toEqual([
      ['a', 3, 2],
      ['b', 3, 2],
      ['empty', 0, 0],
    ]);
    expect(out.batches[0]!.accuracy).toMatchObject({ n: 2, mdape: 5, within25: 100 });
    expect(out.batches[0]!.unanswered).toEqual({ reason: 'no roofline for this device', rows: 1 });
    expect(out.batches[2]).toMatchObject({ accuracy: null, unanswered: null });
    expect(out.overall).toMatchObject({ n: 4, mdape: 5 });
    // Every scored row in the held-out schema, for the Accuracy page: answered or with layer `error`.
    expect(out.rows).toHaveLength(6);
    expect(out.rows[0]).toMatchObject({
      source_id: 'yours:a',
      source_file: 'a.csv',
      source_row: 1,
      metric: 'throughput',
      kind: 'gpu',
      truth: 1000,
      predicted: 1100,
      layer: 'learned',
      knn: null,
    });
    expect(out.rows.filter((r) => r.layer === 'error').map((r) => r.predicted)).toEqual([null, null]);
  });

  it('scores an even sample of a big batch', async () => {
    const r = importText(text, 'a.csv', CATALOG, { batch: 'a' });
    if (r.status !== 'ok') throw new Error(r.status);
    const out = await batchAccuracy(
      engine,
      { hardware: CATALOG.hardwareById, models: CATALOG.modelsById },
      [batch('a')],
      r.good,
      { perBatch: 2 },
    );
    expect(out.batches[0]!.scored).toBe(2);
  });
});
