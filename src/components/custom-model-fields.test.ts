import { describe, expect, it } from 'vitest';
import { customFromConfig } from './custom-model-fields.tsx';

describe('customFromConfig', () => {
  it('reads a Llama config.json into the custom-model fields', () => {
    const c = customFromConfig(
      JSON.stringify({
        model_type: 'llama',
        hidden_size: 4096,
        intermediate_size: 14336,
        num_hidden_layers: 32,
        num_attention_heads: 32,
        num_key_value_heads: 8,
        vocab_size: 128256,
        hidden_act: 'silu',
        tie_word_embeddings: false,
      }),
    );
    expect(c).toMatchObject({ arch: 'decoder-only', layers: 32, hidden: 4096, kvHeads: 8, ffn: 14336 });
    expect(c.params).toBeCloseTo(8.03, 1);
  });

  it('names what a config lacks', () => {
    expect(() => customFromConfig('{"model_type": "llama"}')).toThrow(/num_hidden_layers/);
    expect(() => customFromConfig('not json')).toThrow();
  });
});
