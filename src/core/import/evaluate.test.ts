import { describe, expect, it } from 'vitest';
import type { Prediction } from '../predict/types.ts';
import { importedQueries, scoreImported } from './evaluate.ts';
import { CATALOG } from './fixtures.test-util.ts';
import { importText } from './import.ts';

const text = [
  'hardware,model,precision,batch_size,metric,value',
  'RTX 4090,resnet50,fp16,64,throughput,1000',
  'RTX 4090,resnet50,fp16,64,latency_ms,64',
  'H100,llama-3.1-8b,bf16,1,decode_tokens_s,100',
].join('\n');

describe('scoring an engine on imported rows', () => {
  it('turns each row into the query it answers and scores the answers per source and metric', () => {
    const r = importText(text, 'mine.csv', CATALOG);
    if (r.status !== 'ok') throw new Error(r.status);
    const { items, skipped } = importedQueries(r.good, CATALOG.hardwareById, CATALOG.modelsById);
    expect(skipped).toEqual([]);
    expect(items[0]!.query).toMatchObject({
      metric: 'throughput',
      batchKnown: true,
      workload: { batch: 64, precision: 'fp16' },
    });
    expect(items[2]!.query.workload).toMatchObject({ promptTokens: 0, genTokens: 128 });
    const answer = (value: number, low: number, high: number): Prediction => ({
      ok: true,
      metric: 'throughput',
      value,
      low,
      high,
      unit: 'items/s',
      layer: 'learned',
      bound: 'compute',
      boundValue: null,
      explanation: '',
    });
    const preds: Prediction[] = [
      answer(1100, 900, 1300),
      answer(48, 40, 60),
      { ok: false, metric: 'decode_tokens_s', error: 'no' },
    ];
    const s = scoreImported(items, preds);
    expect(s.answered).toBe(2);
    expect(s.unanswered).toBe(1);
    expect(s.overall).toMatchObject({ n: 2, mdape: 17.5, within25: 100, coverage80: 50 });
    expect(Object.keys(s.bySource)).toEqual(['yours:mine']);
    expect(s.byMetric.latency_ms).toMatchObject({ n: 1, mdape: 25 });
    expect(s.rows[2]).toMatchObject({ predicted: null, error: 'no' });
  });

  it('skips rows whose ids the catalog lacks', () => {
    const r = importText(text, 'mine.csv', CATALOG);
    if (r.status !== 'ok') throw new Error(r.status);
    const { items, skipped } = importedQueries(r.good, new Map(), CATALOG.modelsById);
    expect(items).toEqual([]);
    expect(skipped).toHaveLength(3);
  });
});
