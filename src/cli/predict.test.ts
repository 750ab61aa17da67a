import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeVariadic } from './args.ts';
import { predictCommand } from './predict.ts';
import { testDeps } from './test-deps.test-util.ts';
import { UsageError } from './usage-error.ts';

const EXAMPLE = [
  '--model',
  'bert-base-uncased',
  '--hardware',
  'A100 SXM4 80GB',
  'H100 SXM',
  '--batch-size',
  '8',
  '--precision',
  'fp16',
];

async function json(argv: string[]) {
  const deps = testDeps();
  await predictCommand([...argv, '--json'], deps);
  return JSON.parse(deps.out.join('')) as {
    model: { id: string };
    workload: Record<string, unknown>;
    devices: {
      id: string;
      error: string | null;
      predictions: Record<string, { value: number; low: number; high: number; bound: string; layer: string }>;
    }[];
  };
}

describe('takeVariadic', () => {
  it('takes values up to the next option, repeated flags and --flag=value', () => {
    expect(takeVariadic(['--hardware', 'a b', 'c', '--batch-size', '8'], 'hardware')).toEqual({
      rest: ['--batch-size', '8'],
      values: ['a b', 'c'],
      present: true,
    });
    expect(takeVariadic(['--hardware', 'a', '--x', '--hardware=b'], 'hardware').values).toEqual(['a', 'b']);
  });
});

describe('predict (single, roofline-only engine)', () => {
  it('answers the issue example on both devices with intervals, bound and layer', async () => {
    const r = await json(EXAMPLE);
    expect(r.model.id).toBe('bert-base-uncased');
    expect(r.workload).toMatchObject({ batch: 8, precision: 'fp16', seqLen: 128, nDevices: 1 });
    expect(r.devices.map((d) => d.id)).toEqual(['nvidia-a100-sxm4-80gb', 'nvidia-h100-sxm5-80gb']);
    for (const d of r.devices) {
      expect(Object.keys(d.predictions).sort()).toEqual(['latency_ms', 'memory_mb', 'throughput']);
      const t = d.predictions.throughput!;
      expect(t.low).toBeLessThanOrEqual(t.value);
      expect(t.value).toBeLessThanOrEqual(t.high);
      expect(['compute', 'memory']).toContain(t.bound);
    }
    const [a100, h100] = r.devices.map((d) => d.predictions.throughput!.value);
    expect(h100!).toBeGreaterThan(a100!);
  });

  it('accepts --hardware repeated and device names as trailing positionals', async () => {
    const repeated = await json([
      '--model',
      'bert-base-uncased',
      '--hardware',
      'A100 SXM4 80GB',
      '--batch-size',
      '8',
      '--hardware',
      'H100 SXM',
    ]);
    const trailing = await json([
      '--model',
      'bert-base-uncased',
      '--batch-size',
      '8',
      '--hardware',
      'A100 SXM4 80GB',
      '--precision',
      'fp16',
      'H100 SXM',
    ]);
    expect(repeated.devices.map((d) => d.id)).toEqual(['nvidia-a100-sxm4-80gb', 'nvidia-h100-sxm5-80gb']);
    expect(trailing.devices.map((d) => d.id)).toEqual(['nvidia-a100-sxm4-80gb', 'nvidia-h100-sxm5-80gb']);
  });

  it('adds TTFT, TPOT and decode/prefill tokens/s for LLMs and prints text by default', async () => {
    const r = await json([
      '--model',
      'Llama 3 8B',
      '--hardware',
      'RTX 4090',
      '--prompt-tokens',
      '256',
      '--gen-tokens',
      '64',
    ]);
    expect(Object.keys(r.devices[0]!.predictions)).toEqual(
      expect.arrayContaining(['ttft_ms', 'tpot_ms', 'decode_tokens_s', 'prefill_tokens_s']),
    );
    expect(r.workload).toMatchObject({ promptTokens: 256, genTokens: 64 });
    const deps = testDeps();
    await predictCommand(['--model', 'llama-2-7b', '--hardware', 'RTX 4090'], deps);
    const text = deps.out.join('\n');
    expect(text).toMatch(/"RTX 4090" → nvidia-rtx-4090/);
    expect(text).toMatch(/TTFT .* ms/);
    expect(text).toMatch(/memory-bound · layer roofline-typical/);
    expect(text).toMatch(/why: /);
  });

  it('reports a model that does not fit per device', async () => {
    const r = await json([
      '--model',
      'llama-3.1-405b',
      '--hardware',
      'RTX 4090',
      'H100 SXM',
      '--n-devices',
      '16',
    ]);
    expect(r.devices[0]!.error).toMatch(
      /does not fit on 16 × NVIDIA GeForce RTX 4090: per device, .* of weights .*needs n_devices ≥ \d+/,
    );
    expect(r.devices[1]!.error).toBeNull();
  });

  it('describes models inline and from a Hugging Face config.json', async () => {
    const inline = await json([
      '--params',
      '7e9',
      '--layers',
      '32',
      '--hidden',
      '4096',
      '--heads',
      '32',
      '--kv-heads',
      '8',
      '--hardware',
      'H100 SXM',
    ]);
    expect(inline.devices[0]!.predictions.decode_tokens_s!.value).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'rooflight-cfg-'));
    const config = {
      model_type: 'llama',
      hidden_size: 4096,
      intermediate_size: 11008,
      num_attention_heads: 32,
      num_hidden_layers: 32,
      vocab_size: 32000,
      tie_word_embeddings: false,
    };
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    const deps = testDeps();
    await predictCommand(
      ['--config', join(dir, 'config.json'), '--model', 'my-llama', '--hardware', 'H100 SXM'],
      deps,
    );
    expect(deps.out.join('')).toMatch(/described by .*config\.json \(6\.74B params, decoder-only\)/);
  });

  it('throws UsageError naming the bad value', async () => {
    const bad = async (argv: string[], re: RegExp) => {
      const p = predictCommand(argv, testDeps());
      await expect(p).rejects.toThrow(UsageError);
      await expect(p).rejects.toThrow(re);
    };
    await bad(['--model', 'nonsense', '--hardware', 'H100 SXM'], /unknown model "nonsense"/);
    await bad(
      ['--model', 'bert-base-uncased', '--hardware', 'H100 80GB'],
      /ambiguous hardware .*nvidia-h100-pcie-80gb/,
    );
    await bad([...EXAMPLE, '--batch-size', 'many'], /--batch-size must be a positive integer, got "many"/);
    await bad([...EXAMPLE, '--precision', 'fp7'], /unknown precision "fp7" \(use fp32/);
    await bad([...EXAMPLE, '--mode', 'serving'], /--mode "serving" is not one of inference, training/);
    await bad(['--model', 'bert-base-uncased'], /--hardware/);
    await bad(['--model', 'bert-base-uncased', 'H100'], /unexpected argument "H100"/);
    await bad(['--layers', '32', '--hardware', 'H100 SXM'], /--params, or --layers, --hidden and --heads/);
  });
});

describe('predict --runtime and --scenario', () => {
  it('names the runtime, batch and layout of every answer', async () => {
    const deps = testDeps();
    await predictCommand(
      ['--model', 'llama-3.1-8b', '--hardware', 'H100 SXM', '--n-devices', '8', '--batch-size', 'max'],
      deps,
    );
    const text = deps.out.join('');
    expect(text).toMatch(/runtime: .+ \(auto: /);
    expect(text).toMatch(/offline: batch \d+, (8 replicas|\d+ replicas × TP\d|TP8) \(best of \d+ layouts/);
  });

  it('takes pasted runtime text, and falls back to auto with a note for an unknown one', async () => {
    const r = await json([
      '--model',
      'llama-3.1-8b',
      '--hardware',
      'H100 SXM',
      '--runtime',
      'TensorRT-LLM 0.19',
    ]);
    expect((r.devices[0] as unknown as { runtime: string }).runtime).toBe('tensorrt-llm');
    const deps = testDeps();
    await predictCommand(['--model', 'llama-3.1-8b', '--hardware', 'H100 SXM', '--runtime', 'foo'], deps);
    expect(deps.err.join('')).toMatch(/runtime "foo" is not one Rooflight knows; using auto/);
  });
});

describe('predict --kv-precision', () => {
  it('halves the KV cache with an fp8 KV cache', async () => {
    const args = [
      '--model',
      'llama-3.1-8b',
      '--hardware',
      'H100 SXM',
      '--batch-size',
      '16',
      '--prompt-tokens',
      '8192',
    ];
    const kv = async (extra: string[]) => {
      const deps = testDeps();
      await predictCommand([...args, ...extra], deps);
      return Number(/\+ KV ([\d.]+) GB/.exec(deps.out.join(''))![1]);
    };
    expect(await kv(['--kv-precision', 'fp8'])).toBeCloseTo((await kv([])) / 2, 0);
  });
});
