import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictCommand } from './predict.ts';
import { testDeps } from './test-deps.test-util.ts';
import { UsageError } from './usage-error.ts';

const INPUT = `id,model,hardware,n_devices,mode,precision,batch_size,seq_len,gen_tokens,image_size,metric,note
good-bert,bert-base-uncased,A100 SXM4 80GB,1,inference,fp16,8,128,,,throughput,"kept, with a comma"
good-llm,Llama 3 8B,RTX 4090,1,inference,fp16,1,,128,,decode_tokens_s,
defaults-llm,Llama 3 8B,RTX 4090,,,,,,,,decode_tokens_s,
explicit-default,bert-base-uncased,H100 SXM,1,inference,fp16,1,128,,,throughput,
defaults-bert,bert-base-uncased,H100 SXM,,,,,,,,,
vision,resnet50,H100 SXM,,,,32,,,224,latency_ms,
unknown-model,nonsense-model,H100 SXM,,,,,,,,,
ambiguous-hw,bert-base-uncased,H100 80GB,,,,,,,,,
fp8-v100,bert-base-uncased,V100,,,fp8,,,,,,
too-big,llama-3.1-405b,RTX 4090,1,,fp16,,,,,,
sharded,llama-3.1-405b,H100 SXM,8,,fp8,,,,,ttft_ms,
memory,Llama 3 8B,RTX 4090,,,,,,,,memory_mb,
`;

type Row = Record<string, string>;

describe('predict --queries (CSV contract, roofline-only engine)', () => {
  let rows: Map<string, Row>;
  let header: string[];
  let deps: ReturnType<typeof testDeps>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rooflight-csv-'));
    await writeFile(join(dir, 'in.csv'), INPUT);
    deps = testDeps();
    await predictCommand(['--queries', join(dir, 'in.csv'), '--out', join(dir, 'out.csv')], deps);
    const text = await readFile(join(dir, 'out.csv'), 'utf8');
    header = text.split('\r\n')[0]!.split(',');
    rows = new Map((parse(text, { columns: true }) as Row[]).map((r) => [r.id!, r]));
  });

  it('keeps the input columns (extra ones too) and appends the prediction columns', () => {
    expect(header).toEqual([
      ...'id,model,hardware,n_devices,mode,precision,batch_size,seq_len,gen_tokens,image_size,metric,note'.split(
        ',',
      ),
      'predicted',
      'low',
      'high',
      'unit',
      'layer',
      'bound',
      'runtime_used',
      'batch_used',
      'layout',
      'assumed',
      'error',
    ]);
    expect(rows.size).toBe(12);
    expect(rows.get('good-bert')!.note).toBe('kept, with a comma');
    expect(deps.err.join('')).toMatch(/wrote 12 rows .*\(4 with errors\)/);
  });

  it('answers good rows with an interval, unit, layer and bound', () => {
    const r = rows.get('good-bert')!;
    expect(r.error).toBe('');
    expect(Number(r.low)).toBeLessThanOrEqual(Number(r.predicted));
    expect(Number(r.predicted)).toBeLessThanOrEqual(Number(r.high));
    expect(r).toMatchObject({ unit: 'items/s', layer: 'roofline-typical', bound: 'compute' });
    expect(rows.get('good-llm')).toMatchObject({ unit: 'tokens/s', bound: 'memory', error: '' });
    expect(rows.get('vision')).toMatchObject({ unit: 'ms', error: '' });
    expect(rows.get('memory')).toMatchObject({ unit: 'MB', layer: 'memory-model', error: '' });
    expect(Number(rows.get('memory')!.predicted)).toBeGreaterThan(16_000);
  });

  it('defaults empty cells (n_devices 1, inference, fp16, batch 1, seq 128, gen 128, metric throughput)', () => {
    expect(rows.get('defaults-bert')!.predicted).toBe(rows.get('explicit-default')!.predicted);
    expect(rows.get('defaults-bert')!.unit).toBe('items/s');
    expect(rows.get('defaults-llm')!.predicted).toBe(rows.get('good-llm')!.predicted);
  });

  it('gives unanswerable rows an error and goes on', () => {
    expect(rows.get('unknown-model')!.error).toBe('unknown model "nonsense-model"');
    expect(rows.get('ambiguous-hw')!.error).toMatch(
      /ambiguous hardware "H100 80GB": matches nvidia-h100-pcie-80gb, nvidia-h100-sxm5-80gb/,
    );
    expect(rows.get('fp8-v100')!.error).toMatch(/V100.*no fp8 support/);
    // Decision: a model that needs more devices than n_devices is refused, naming the count needed.
    expect(rows.get('too-big')!.error).toMatch(
      /does not fit on 1 × NVIDIA GeForce RTX 4090: .* of weights .* = [\d.]+ GB of 24.5 GB \(24 GB = 25.8 GB.*needs n_devices ≥ \d+/,
    );
    for (const id of ['unknown-model', 'ambiguous-hw', 'fp8-v100', 'too-big'])
      expect(rows.get(id)!.predicted).toBe('');
    expect(rows.get('sharded')).toMatchObject({ unit: 'ms', error: '' });
  });

  it('refuses a CSV without model/hardware columns as a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rooflight-csv-'));
    await writeFile(join(dir, 'bad.csv'), 'name,device\nx,y\n');
    await expect(predictCommand(['--queries', join(dir, 'bad.csv')], testDeps())).rejects.toThrow(UsageError);
  });
});

const RUNTIME_INPUT = `id,model,hardware,n_devices,precision,prompt_tokens,gen_tokens,metric,runtime,scenario
pasted,Llama 3 8B,RTX 4090,1,fp16,512,128,decode_tokens_s,vLLM 0.9.1,
unknown,Llama 3 8B,RTX 4090,1,fp16,512,128,decode_tokens_s,my in-house engine,
gguf,Llama 3 8B,RTX 4090,1,q4_k_m,512,128,decode_tokens_s,,
offline,llama-3.1-8b,H100 SXM,8,fp16,128,128,throughput,,offline
single,llama-3.1-8b,H100 SXM,8,fp16,128,128,throughput,,
bad-scenario,llama-3.1-8b,H100 SXM,1,fp16,128,128,throughput,,server-ish
`;

describe('predict --queries with runtime and scenario columns', () => {
  let rows: Map<string, Row>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rooflight-csv-rt-'));
    await writeFile(join(dir, 'in.csv'), RUNTIME_INPUT);
    await predictCommand(['--queries', join(dir, 'in.csv'), '--out', join(dir, 'out.csv')], testDeps());
    const text = await readFile(join(dir, 'out.csv'), 'utf8');
    rows = new Map((parse(text, { columns: true }) as Row[]).map((r) => [r.id!, r]));
  });

  it('reads pasted runtimes and says what they resolved to; unknown ones fall back to auto', () => {
    expect(rows.get('pasted')).toMatchObject({ runtime_used: 'vllm', error: '' });
    expect(rows.get('pasted')!.assumed).toMatch(/read as vLLM/);
    expect(rows.get('unknown')!.error).toBe('');
    expect(rows.get('unknown')!.assumed).toMatch(/not one Rooflight knows; using auto; .*\(auto: /);
    expect(rows.get('gguf')!.runtime_used).toBe('llama.cpp-cuda');
  });

  it('answers offline with the batch and layout it chose, faster than the single-stream batch', () => {
    const off = rows.get('offline')!;
    const one = rows.get('single')!;
    expect(off.error).toBe('');
    expect(off.layout).toMatch(/^8 replicas|TP/);
    expect(Number(off.batch_used)).toBeGreaterThan(8);
    expect(off.assumed).toMatch(/best of \d+ layouts × batches/);
    expect(one).toMatchObject({ batch_used: '1', layout: 'TP8', error: '' });
    expect(Number(off.predicted)).toBeGreaterThan(Number(one.predicted));
  });

  it('names a bad scenario', () => {
    expect(rows.get('bad-scenario')!.error).toMatch(
      /scenario "server-ish" is not one of single-stream, offline/,
    );
  });
});
