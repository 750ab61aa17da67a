import { describe, expect, it } from 'vitest';
import { DescribeError, describeModel, specFromHfConfig, transformerParams } from './describe.ts';

/** meta-llama/Llama-2-7b-hf config.json (the fields that matter). */
const LLAMA2_7B = {
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_act: 'silu',
  hidden_size: 4096,
  intermediate_size: 11008,
  max_position_embeddings: 4096,
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  tie_word_embeddings: false,
  vocab_size: 32000,
};

describe('specFromHfConfig + describeModel', () => {
  it('computes Llama-2-7B at ≈6.74B parameters', () => {
    const row = describeModel(specFromHfConfig(LLAMA2_7B, 'my-llama'));
    expect(row.id).toBe('my-llama');
    expect(row.architecture).toBe('decoder-only');
    expect(row.params_m! / 1e3).toBeCloseTo(6.74, 2);
    expect(row.active_params_m).toBeNull();
    expect([row.layers, row.hidden, row.heads, row.kv_heads, row.ffn, row.vocab, row.max_seq]).toEqual([
      32, 4096, 32, 32, 11008, 32000, 4096,
    ]);
  });

  it('counts Mixtral-8x7B experts: ≈46.7B total, ≈12.9B active', () => {
    const spec = specFromHfConfig({
      ...LLAMA2_7B,
      model_type: 'mixtral',
      intermediate_size: 14336,
      num_key_value_heads: 8,
      num_local_experts: 8,
      num_experts_per_tok: 2,
      max_position_embeddings: 32768,
    });
    const row = describeModel(spec);
    expect(row.architecture).toBe('moe-decoder');
    expect(row.params_m! / 1e3).toBeCloseTo(46.7, 0);
    expect(row.active_params_m! / 1e3).toBeCloseTo(12.9, 0);
    expect(row.n_experts).toBe(8);
  });

  it('reads BERT as an encoder with tied embeddings (≈109M)', () => {
    const spec = specFromHfConfig({
      model_type: 'bert',
      hidden_act: 'gelu',
      hidden_size: 768,
      num_hidden_layers: 12,
      num_attention_heads: 12,
      intermediate_size: 3072,
      vocab_size: 30522,
      max_position_embeddings: 512,
    });
    expect(spec.architecture).toBe('encoder-only');
    expect(transformerParams(spec)!.total / 1e6).toBeCloseTo(109, -1);
  });

  it('takes inline params over the computed count and defaults to a decoder', () => {
    const row = describeModel({ params: 7e9, layers: 32, hidden: 4096, heads: 32, kvHeads: 8 });
    expect(row.params_m).toBe(7000);
    expect(row.architecture).toBe('decoder-only');
    expect(row.kv_heads).toBe(8);
  });

  it('describes a vision model from GFLOPs', () => {
    const row = describeModel({ gflopsPerSample: 8.2, params: 25.6e6 });
    expect(row.architecture).toBe('cnn');
    expect(row.gflops_per_sample).toBe(8.2);
  });

  it('refuses underspecified models and non-object configs', () => {
    expect(() => describeModel({ layers: 32 })).toThrow(DescribeError);
    expect(() => specFromHfConfig([1, 2])).toThrow(/not a JSON object/);
    expect(() => specFromHfConfig({ model_type: 'llama' })).toThrow(/num_hidden_layers/);
  });
});
