import { describe, expect, it } from 'vitest';
import { modelLookup } from './lookup.ts';
import { MODELS } from './lookup-fixtures.test-util.ts';
import { modelSpellings } from './model-names.ts';

const models = modelLookup(MODELS);
const resolve = (raw: string) => {
  const r = models.resolve(raw);
  return r.ok ? r.entry.id : `${r.reason}: ${r.candidates.join(', ')}`;
};

describe('modelSpellings', () => {
  it('drops the org, "v" before versions, checkpoint suffixes and a leading Meta-', () => {
    expect(modelSpellings('LLaMA v3.1 8B')).toEqual(['LLaMA 3.1 8B']);
    expect(modelSpellings('nvidia/Llama-3.1-70B-Instruct-FP8')).toEqual([
      'Llama-3.1-70B-Instruct-FP8',
      'Llama-3.1-70B',
    ]);
    expect(modelSpellings('Meta-Llama-3.3-70B-Instruct')).toEqual(['Meta-Llama-3.3-70B', 'Llama-3.3-70B']);
    expect(modelSpellings('Llama-3.2-1B-Instruct-q4f16_1-MLC')).toEqual(['Llama-3.2-1B']);
    expect(modelSpellings('Llama-3-8B-Instruct-Q4_K_M-GGUF')).toEqual(['Llama-3-8B']);
    expect(modelSpellings('Qwen/Qwen3-30B-A3B-Instruct-2507')).toEqual([
      'Qwen3-30B-A3B-Instruct-2507',
      'Qwen3-30B-A3B',
    ]);
  });

  it('never changes versions or sizes', () => {
    expect(modelSpellings('Llama 3 8B')).toEqual([]);
    expect(modelSpellings('Llama-3.1-8B-chat')).toEqual(['Llama-3.1-8B']);
    expect(modelSpellings('gpt-oss-120b')).toEqual([]);
  });
});

describe('model names as vendor docs write them', () => {
  it.each([
    ['LLaMA v3.1 8B', 'llama-3.1-8b'],
    ['LLaMA v3.1 70B', 'llama-3.1-70b'],
    ['Llama 3.3 70B', 'llama-3.3-70b'],
    ['LLaMA v2 7B', 'llama-2-7b'],
    ['LLaMA 7B', 'llama-7b'],
    ['GPT-OSS 120B', 'gpt-oss-120b'],
    ['gpt-oss-120b', 'gpt-oss-120b'],
    ['GPT OSS 20B', 'gpt-oss-20b'],
    ['Llama 3.1 405B', 'llama-3.1-405b'],
    ['Mixtral 8x7B', 'mixtral-8x7b'],
    ['Mixtral-8x7B-Instruct-v0.1-FP8', 'mixtral-8x7b'],
    ['Qwen3 30B A3B', 'qwen3-30b-a3b'],
    ['DeepSeek R1', 'deepseek-r1'],
    ['DeepSeek-R1-0528', 'deepseek-r1'],
    ['Meta-Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['Meta-Llama-3.3-70B-Instruct', 'llama-3.3-70b'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['nvidia/Llama-3.1-70B-Instruct-FP8', 'llama-3.1-70b'],
    ['Llama-3.1-8B-Instruct-AWQ', 'llama-3.1-8b'],
    ['Qwen/Qwen3-8B-AWQ', 'qwen3-8b'],
    ['Qwen/Qwen3-30B-A3B-Instruct-2507', 'qwen3-30b-a3b'],
  ])('%s → %s', (raw, want) => {
    expect(resolve(raw)).toBe(want);
  });

  it('keeps versions apart through the suffix and instruct handling', () => {
    expect(resolve('Llama 3 8B')).toBe('llama-3-8b');
    expect(resolve('Llama 3.1 8B')).toBe('llama-3.1-8b');
    expect(resolve('Llama-3-8B-Instruct-FP8')).toBe('llama-3-8b');
    expect(resolve('Llama-3.1-8B-Instruct-FP8')).toBe('llama-3.1-8b');
    expect(resolve('LLaMA v3 70B Instruct')).toBe('llama-3-70b');
    expect(resolve('Llama 8B')).toBe('ambiguous: llama-3-8b, llama-3.1-8b');
  });

  it('does not read a decimal size as another model ("OPT-1.3B" is not OPT-13B)', () => {
    expect(resolve('OPT-13B')).toBe('opt-13b');
    expect(resolve('OPT-1.3B')).toMatch(/^unknown/);
    expect(resolve('Phi-3.5-mini-instruct')).toBe('phi-3.5-mini');
  });

  it('prefers a catalog row named with the suffix over the base', () => {
    const withInstruct = modelLookup([
      ...MODELS,
      {
        id: 'llama-3.1-8b-instruct',
        name: 'Llama-3.1-8B-Instruct-Tuned',
        aliases: 'Meta-Llama-3.1-8B-Instruct',
      },
    ]);
    const r = withInstruct.resolve('Meta-Llama-3.1-8B-Instruct');
    expect(r).toMatchObject({ ok: true, entry: { id: 'llama-3.1-8b-instruct' }, via: 'exact' });
  });
});
