import { describe, expect, it } from 'vitest';
import { bertVariant, dleModel, source } from './nvidia-dle.ts';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';

const parsed = parseOnce(source);
const INF = 'nvidia-dle/dle_inference_normalized.csv';
const TRAIN = 'nvidia-dle/dle_training_throughput_normalized.csv';

describe.skipIf(!rawPresent('nvidia-dle'))('nvidia-dle source', () => {
  it('accounts for every normalized record', () => {
    const r = parsed();
    expect(r.read).toBe(1876 + 1196);
    expect(r.rows).toHaveLength(4693);
    expect(r.drops).toHaveLength(87);
    const scaled = (x: { value: number; model: string; runtime?: string | null; metric: string }): number =>
      x.model === 'NCF' && x.metric === 'throughput' && (x.runtime ?? '').startsWith('TensorFlow')
        ? x.value / 1e6
        : x.value;
    checkSource(source, r, [INF, TRAIN], scaled);
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    expect(rowsAt(r, INF, 1, 'throughput')[0]).toMatchObject({
      hardware: 'V100 16GB',
      model: 'FastSpeech',
      value: 681773,
      unit: 'samples/s',
      batch_size: 1,
      precision: 'FP16',
    });
    expect(rowsAt(r, INF, 1, 'latency_ms')[0]).toMatchObject({
      value: 228.7,
      unit: 'ms',
      scenario: 'latency-avg',
    });
    expect(rowsAt(r, INF, 1172, 'latency_ms')[0]).toMatchObject({
      model: 'BERT-large',
      seq_len: 128,
      value: 15.86,
      runtime: 'TensorFlow 20.06',
    });
    expect(rowsAt(r, TRAIN, 1)[0]).toMatchObject({
      mode: 'training',
      n_devices: 1,
      batch_size: 32,
      precision: 'FP32',
      value: 31674,
      unit: 'mels/s',
    });
  });

  it('corrects the known unit errors', () => {
    const r = parsed();
    expect(rowsAt(r, INF, 1370, 'throughput')[0]).toMatchObject({
      model: 'NCF',
      value: 19010000,
      unit: 'samples/s',
    });
    expect(rowsAt(r, INF, 1370, 'latency_ms')[0]?.unit).toBe('s');
    expect(r.drops.every((d) => d.reason.length > 10)).toBe(true);
  });

  it('names the BERT size of rows without a Model column', () => {
    const bert = (caption: string, model_dir = 'LanguageModeling/BERT') => ({
      caption,
      model_dir,
      row_json: '{}',
    });
    expect(bertVariant(bert('BERT-Base FP16'))).toBe('BERT-base');
    expect(bertVariant(bert('BERTLarge FP16'))).toBe('BERT-large');
    expect(bertVariant(bert('* SQuAD'))).toBe('BERT-large');
    expect(dleModel(bert('BERT-Base TF32'))).toBe('BERT-base');
    expect(dleModel({ ...bert(''), row_json: '{"Model":"base"}' })).toBe('BERT-base');
    expect(parsed().rows.some((x) => x.model === 'BERT')).toBe(false);
  });
});
