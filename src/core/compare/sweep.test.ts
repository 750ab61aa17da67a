import { describe, expect, it } from 'vitest';
import { BERT_BASE, LLAMA2_7B, RESNET50 } from '../roofline/fixtures.test-util.ts';
import { atLength, lengthSweep } from './sweep.ts';

describe('lengthSweep', () => {
  it('LLM inference sweeps prompt tokens up to max_seq', () => {
    const s = lengthSweep(LLAMA2_7B, 'inference');
    expect(s.field).toBe('promptTokens');
    expect(s.values.at(-1)).toBe(4096);
    expect(s.values[0]).toBe(128);
  });

  it('encoders sweep the sequence length, vision models the image size', () => {
    expect(lengthSweep(BERT_BASE, 'inference')).toMatchObject({ field: 'seqLen' });
    expect(lengthSweep(BERT_BASE, 'inference').values.at(-1)).toBe(512);
    expect(lengthSweep(RESNET50, 'inference')).toMatchObject({ field: 'imageSize' });
  });

  it('sets the swept field on a workload', () => {
    const w = { model: LLAMA2_7B, mode: 'inference' as const, batch: 1, precision: 'fp16', nDevices: 1 };
    expect(atLength(w, { field: 'promptTokens' }, 2048).promptTokens).toBe(2048);
  });
});
