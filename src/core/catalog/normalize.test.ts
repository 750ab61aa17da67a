import { describe, expect, it } from 'vitest';
import {
  bitsPerWeight,
  nameKey,
  nameTokens,
  normalizePrecision,
  normalizeValue,
  slugify,
  stripMarks,
} from './normalize.ts';

describe('normalizePrecision', () => {
  it.each([
    ['FP16', 'fp16'],
    ['float16', 'fp16'],
    ['AMP', 'mixed'],
    ['amp_bf16', 'mixed-bf16'],
    ['bfloat16', 'bf16'],
    ['TF32', 'tf32'],
    ['FP32', 'fp32'],
    ['INT8', 'int8'],
    ['NVFP4', 'fp4'],
    ['MXFP4', 'fp4'],
    ['fp8-e4m3', 'fp8'],
    ['Q4_K_M', 'q4_k_m'],
    ['q8_0', 'q8_0'],
    ['F16', 'fp16'],
    ['q4f16_1', 'q4f16'],
  ])('%s → %s', (raw, want) => {
    expect(normalizePrecision(raw)).toBe(want);
  });

  it('returns null for unknown or empty spellings', () => {
    expect(normalizePrecision('banana')).toBeNull();
    expect(normalizePrecision('  ')).toBeNull();
    expect(normalizePrecision(null)).toBeNull();
  });
});

describe('bitsPerWeight', () => {
  it('knows GGUF kinds and plain precisions', () => {
    expect(bitsPerWeight('q4_0')).toBe(4.5);
    expect(bitsPerWeight('q8_0')).toBe(8.5);
    expect(bitsPerWeight('fp16')).toBe(16);
    expect(bitsPerWeight('fp4')).toBe(4);
    expect(bitsPerWeight('nonsense')).toBeNull();
  });
});

describe('normalizeValue', () => {
  it('converts time units to ms', () => {
    expect(normalizeValue('latency_ms', 1.5, 's')).toEqual({ value: 1500, unit: 'ms' });
    expect(normalizeValue('latency_ms', 250, 'us')).toEqual({ value: 0.25, unit: 'ms' });
    expect(normalizeValue('ttft_ms', 12, 'ms')).toEqual({ value: 12, unit: 'ms' });
  });
  it('maps rate units to items/s and tokens/s', () => {
    expect(normalizeValue('throughput', 1000, 'img/s')).toEqual({ value: 1000, unit: 'items/s' });
    expect(normalizeValue('throughput', 42, 'samples/sec')).toEqual({ value: 42, unit: 'items/s' });
    expect(normalizeValue('decode_tokens_s', 88.2, 'tok/s')).toEqual({ value: 88.2, unit: 'tokens/s' });
  });
  it('converts memory to MB (decimal)', () => {
    expect(normalizeValue('memory_mb', 1, 'GB')).toEqual({ value: 1000, unit: 'MB' });
    expect(normalizeValue('memory_mb', 1024, 'MiB')?.value).toBeCloseTo(1073.741824, 6);
  });
  it('refuses units that do not fit the metric', () => {
    expect(normalizeValue('latency_ms', 3, 'GB')).toBeNull();
    expect(normalizeValue('memory_mb', 3, 'ms')).toBeNull();
    expect(normalizeValue('throughput', Number.NaN, 'img/s')).toBeNull();
  });
});

describe('nameKey / slugify', () => {
  it('folds case and punctuation', () => {
    expect(nameKey('NVIDIA H100-SXM-80GB')).toBe('nvidiah100sxm80gb');
    expect(nameKey('Xeon Platinum 8480+')).toBe('xeonplatinum8480plus');
    expect(slugify('Llama 3.1 8B')).toBe('llama-3.1-8b');
  });
});

describe('llama.cpp kinds', () => {
  it('keeps importance-matrix and Unsloth dynamic kinds with their base bits', () => {
    expect(normalizePrecision('UD-Q4_K_XL')).toBe('ud_q4_k_xl');
    expect(bitsPerWeight('ud_q4_k_xl')).toBe(4.85);
    expect(normalizePrecision('IQ2_XXS')).toBe('iq2_xxs');
    expect(bitsPerWeight('ud_iq1_s')).toBe(1.56);
    expect(normalizePrecision('FP64')).toBe('fp64');
  });
});

describe('Unsloth XL kinds', () => {
  it('fall back to their base kind', () => {
    expect(bitsPerWeight(normalizePrecision('UD-Q2_K_XL')!)).toBe(2.63);
    expect(bitsPerWeight(normalizePrecision('UD-Q6_K_XL')!)).toBe(6.5625);
    expect(bitsPerWeight(normalizePrecision('UD-Q8_K_XL')!)).toBe(8.5);
  });
});

describe('stripMarks', () => {
  it('drops ®, ™, ©, (R), (TM), (C) in any case', () => {
    expect(stripMarks('Intel(R) Xeon(R) Platinum 8480+')).toBe('Intel Xeon Platinum 8480+');
    expect(stripMarks('AMD Instinct™ MI300X')).toBe('AMD Instinct MI300X');
    expect(stripMarks('NVIDIA® H100')).toBe('NVIDIA H100');
    expect(stripMarks('Ryzen(tm) AI ©')).toBe('Ryzen AI');
    expect(stripMarks('Apple M1 (7-core GPU)')).toBe('Apple M1 (7-core GPU)');
  });

  it('makes marked and unmarked names share a key and tokens', () => {
    expect(nameKey('INTEL(R) XEON(R) PLATINUM 8480+')).toBe(nameKey('Intel Xeon Platinum 8480+'));
    expect(nameTokens('Intel(R) Arc(TM) 140T GPU')).toEqual(['intel', 'arc', '140t', 'gpu']);
  });
});
