import { describe, expect, it } from 'vitest';
import llamaCsv from './fixtures/llama-bench.csv?raw';
import llamaJson from './fixtures/llama-bench.json?raw';
import llamaMd from './fixtures/llama-bench.md?raw';
import measurementsCsv from './fixtures/measurements.csv?raw';
import mlperfJson from './fixtures/mlperf-summary_results.json?raw';
import queriesCsv from './fixtures/queries-measured.csv?raw';
import timmCsv from './fixtures/timm-benchmark.csv?raw';
import trtllmJson from './fixtures/trtllm-bench.json?raw';
import vllmJson from './fixtures/vllm-serving.json?raw';
import { ggufKindOf, modelNameOfFile, parseTest } from './formats/llama-bench.ts';
import { CATALOG } from './fixtures.test-util.ts';
import { importText } from './import.ts';
import type { ImportOptions, ImportResult } from './types.ts';

function ok(text: string, file: string, options: ImportOptions = {}): ImportResult {
  const r = importText(text, file, CATALOG, options);
  if (r.status !== 'ok') throw new Error(`${file}: ${r.status}: ${r.message}`);
  return r;
}

const pick = (r: ImportResult) =>
  r.good.map((g) => [g.source_row, g.hardware_id, g.model_id, g.precision, g.metric, g.value]);

describe('llama-bench', () => {
  it('reads the CSV output: device from gpu_info, model from the file name, GGUF kind from model_type', () => {
    const r = ok(llamaCsv, 'llama-bench.csv');
    expect(r.format).toBe('llama-bench');
    expect(r.bad).toEqual([]);
    expect(pick(r)).toEqual([
      [1, 'nvidia-rtx-4090', 'llama-3.1-8b', 'q4_k_m', 'prefill_tokens_s', 11850.112004],
      [2, 'nvidia-rtx-4090', 'llama-3.1-8b', 'q4_k_m', 'decode_tokens_s', 143.000104],
      [3, 'nvidia-rtx-4090', 'llama-3.1-8b', 'fp16', 'prefill_tokens_s', 9800.052118],
      [4, 'nvidia-rtx-4090', 'llama-3.1-8b', 'fp16', 'decode_tokens_s', 54.500108],
    ]);
    expect(r.good[0]).toMatchObject({
      source_id: 'yours:llama-bench',
      source_file: 'llama-bench.csv',
      prompt_tokens: 512,
      gen_tokens: null,
      batch_size: null,
      unit: 'tokens/s',
      runtime: 'llama.cpp CUDA (build b5ab9b4f)',
      runtime_class: 'llama.cpp-cuda',
      date: '2025-05-20',
      provenance: 'measured',
      flags: 'yours',
    });
    expect(r.good[1]).toMatchObject({ prompt_tokens: null, gen_tokens: 128 });
  });

  it('reads the JSON output (Metal on Apple silicon)', () => {
    const r = ok(llamaJson, 'llama-bench.json');
    expect(r.container).toBe('json');
    expect(pick(r)).toEqual([
      [1, 'apple-m2-max', 'qwen2.5-7b', 'q4_k_m', 'prefill_tokens_s', 560],
      [2, 'apple-m2-max', 'qwen2.5-7b', 'q4_k_m', 'decode_tokens_s', 62],
    ]);
    expect(r.good[0]!.runtime_class).toBe('llama.cpp-metal');
  });

  it('reads the Markdown table; names llama.cpp prints ambiguously are listed to fix, and fixed by name', () => {
    const first = ok(llamaMd, 'llama-bench.md', { defaults: { hardware: 'RTX 4090' } });
    expect(first.good).toEqual([]);
    expect(first.unresolved.models).toEqual([
      expect.objectContaining({
        name: 'llama 8B',
        rows: [3, 4, 5],
        candidates: ['llama-3-8b', 'llama-3.1-8b'],
      }),
    ]);
    const r = ok(llamaMd, 'llama-bench.md', {
      defaults: { hardware: 'RTX 4090' },
      names: { models: { 'llama 8B': 'llama-3.1-8b' } },
    });
    expect(r.container).toBe('markdown');
    expect(pick(r)).toEqual([
      [3, 'nvidia-rtx-4090', 'llama-3.1-8b', 'q4_k_m', 'prefill_tokens_s', 11790.44],
      [4, 'nvidia-rtx-4090', 'llama-3.1-8b', 'q4_k_m', 'decode_tokens_s', 142.31],
      [5, 'nvidia-rtx-4090', 'llama-3.1-8b', 'q4_k_m', 'decode_tokens_s', 131.08],
    ]);
    expect(r.good[2]).toMatchObject({ prompt_tokens: 4096, gen_tokens: 128, scenario: 'depth 4096' });
    expect(r.good[0]!.runtime).toBe('llama.cpp CUDA (build b5ab9b4f)');
    expect(r.bad).toEqual([
      expect.objectContaining({
        row: 6,
        column: 'test',
        value: 'pp512+tg128',
        reason: expect.stringMatching(/combined/),
      }),
    ]);
  });

  it('asks for the device the Markdown table does not name', () => {
    const r = ok(llamaMd, 'llama-bench.md', { names: { models: { 'llama 8B': 'llama-3.1-8b' } } });
    expect(r.good).toEqual([]);
    expect(r.needs).toEqual(['hardware']);
    expect(r.bad[0]).toMatchObject({
      row: 3,
      column: 'hardware',
      reason: expect.stringMatching(/states no device/),
    });
  });

  it('reads llama.cpp spellings of GGUF kinds, file names and tests', () => {
    expect(ggufKindOf('llama 8B Q4_K - Medium')).toBe('q4_k_m');
    expect(ggufKindOf('llama 7B mostly Q4_0')).toBe('q4_0');
    expect(ggufKindOf('llama 8B IQ4_XS - 4.25 bpw')).toBe('iq4_xs');
    expect(ggufKindOf('llama 8B Q3_K - Large')).toBe('q3_k_l');
    expect(ggufKindOf('llama 8B BF16')).toBe('bf16');
    expect(ggufKindOf('llama 8B')).toBeNull();
    expect(modelNameOfFile('models/Qwen2.5-7B-Instruct-Q4_K_M.gguf')).toBe('Qwen2.5-7B-Instruct');
    expect(modelNameOfFile('C:\\m\\Meta-Llama-3.1-8B-Instruct.Q8_0.gguf')).toBe('Meta-Llama-3.1-8B-Instruct');
    expect(modelNameOfFile('gemma-3-27b-it-UD-Q4_K_XL-00001-of-00002.gguf')).toBe('gemma-3-27b-it');
    expect(parseTest('pp 512')).toEqual({ phase: 'pp', tokens: 512, depth: 0 });
    expect(parseTest('tg128 @ d4096')).toEqual({ phase: 'tg', tokens: 128, depth: 4096 });
    expect(parseTest('pp512+tg128')).toMatch(/combined/);
    expect(parseTest('xx')).toMatch(/unknown/);
  });

  it('reports combined pp+tg records of the CSV output', () => {
    const [head, first] = llamaCsv.trim().split('\n');
    const combined = first!.replace('"512","0","0","2025', '"512","128","0","2025');
    const r = ok(`${head}\n${combined}\n`, 'pg.csv');
    expect(r.good).toEqual([]);
    expect(r.bad).toEqual([
      expect.objectContaining({ row: 1, column: 'n_gen', reason: expect.stringMatching(/pp512\+tg128/) }),
    ]);
  });
});

describe('timm benchmark.py CSV', () => {
  it('gives a throughput and a step-time row per model, at the default device and precision', () => {
    const r = ok(timmCsv, 'timm-benchmark.csv', { defaults: { hardware: 'RTX 4090', precision: 'amp' } });
    expect(r.format).toBe('timm');
    expect(r.good).toHaveLength(8);
    expect(r.good.slice(0, 2)).toEqual([
      expect.objectContaining({
        source_row: 1,
        model_id: 'resnet50.a1_in1k',
        metric: 'throughput',
        value: 3101.42,
        unit: 'items/s',
        batch_size: 256,
        image_size: 224,
        precision: 'mixed',
        runtime_class: 'pytorch',
      }),
      expect.objectContaining({ source_row: 1, metric: 'latency_ms', value: 82.543, unit: 'ms' }),
    ]);
    expect(r.ignoredColumns).toEqual(['infer_gmacs', 'infer_macts', 'param_count']);
  });

  it('says which fields it needs and what precision it assumed', () => {
    const r = ok(timmCsv, 'timm-benchmark.csv');
    expect(r.needs).toEqual(['hardware']);
    expect(r.good).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/read as fp32/);
  });

  it('refuses toy test_ models', () => {
    const r = ok(
      'model,infer_samples_per_sec,infer_step_time,infer_batch_size,infer_img_size\ntest_vit,109337.21,9.356,1024,160\n',
      't.csv',
      { defaults: { hardware: 'RTX 4090' } },
    );
    expect(r.bad).toEqual([
      expect.objectContaining({ row: 1, column: 'model', reason: expect.stringMatching(/toy/) }),
    ]);
  });
});

describe('serving reports', () => {
  it('vLLM benchmark_serving: throughput, median TTFT/TPOT and end-to-end latency; no batch size', () => {
    const r = ok(vllmJson, 'vllm-serving.json', { defaults: { hardware: 'H100 SXM', precision: 'bf16' } });
    expect(r.format).toBe('vllm-serving');
    expect(r.good.map((g) => [g.metric, g.value, g.scenario])).toEqual([
      ['throughput', 2051.3, 'server/rate=inf/concurrency=64'],
      ['ttft_ms', 388.2, 'server/rate=inf/concurrency=64/p50'],
      ['tpot_ms', 26.1, 'server/rate=inf/concurrency=64/p50'],
      ['latency_ms', 3702.5, 'server/rate=inf/concurrency=64/p50'],
    ]);
    expect(r.good[0]).toMatchObject({
      model_id: 'llama-3.1-8b',
      batch_size: null,
      prompt_tokens: 1024,
      gen_tokens: 128,
      runtime_class: 'vllm',
      date: '2025-03-12',
    });
  });

  it('refuses a vLLM throughput a device cannot reach (the roofline check)', () => {
    const r = ok(vllmJson, 'vllm-serving.json', { defaults: { hardware: 'L4', precision: 'bf16' } });
    const bad = r.bad.find((b) => b.column === 'output_throughput');
    expect(bad?.reason).toMatch(/roofline bound/);
  });

  it('trtllm-bench: system output throughput on the machine it names, TP × PP in the scenario', () => {
    const r = ok(trtllmJson, 'trtllm-bench.json');
    expect(r.format).toBe('trtllm-bench');
    expect(r.good).toEqual([
      expect.objectContaining({
        hardware_id: 'nvidia-h100-sxm5-80gb',
        model_id: 'llama-3.1-8b',
        precision: 'fp8',
        metric: 'throughput',
        value: 25562.8,
        scenario: 'Offline/trtllm-bench/TP1,PP1',
        prompt_tokens: 128,
        gen_tokens: 128,
        runtime_class: 'tensorrt-llm',
        n_devices: 1,
      }),
    ]);
  });
});

describe('MLPerf summary_results.json', () => {
  it('reads whole-system results and refuses inferred ones', () => {
    const r = ok(mlperfJson, 'summary_results.json');
    expect(r.format).toBe('mlperf');
    expect(
      r.good.map((g) => [
        g.source_row,
        g.hardware_id,
        g.n_devices,
        g.model_id,
        g.metric,
        g.value,
        g.scenario,
      ]),
    ).toEqual([
      [1, 'nvidia-h100-sxm5-80gb', 8, 'llama-2-70b', 'throughput', 24525.1, 'Offline/99/closed'],
      [2, 'nvidia-h100-sxm5-80gb', 8, 'resnet50.tv_in1k', 'throughput', 702130.5, 'Offline/closed'],
      [4, 'nvidia-l4', 1, 'resnet50.tv_in1k', 'latency_ms', 0.36, 'SingleStream/closed'],
    ]);
    expect(r.bad).toEqual([expect.objectContaining({ row: 3, column: 'inferred' })]);
  });
});

describe("Rooflight's own shapes", () => {
  it('the measurement schema: provenance replaced, runtime class recomputed', () => {
    const r = ok(measurementsCsv, 'mine.csv', { batch: 'lab runs' });
    expect(r.format).toBe('measurements');
    expect(r.good).toHaveLength(3);
    expect(r.good[0]).toMatchObject({
      source_id: 'yours:lab runs',
      source_file: 'mine.csv',
      source_row: 1,
      hardware_id: 'nvidia-rtx-4090',
      runtime_class: 'pytorch-compile',
      flags: 'yours',
    });
    expect(r.ignoredColumns).toEqual([]);
  });

  it('the same rows as JSON', () => {
    const json = JSON.stringify(ok(measurementsCsv, 'mine.csv').good);
    const r = ok(json, 'mine.json');
    expect(r.format).toBe('measurements');
    expect(r.good.map((g) => g.value)).toEqual([3650.2, 8.767, 118.4]);
  });

  it('the query CSV plus measured: empty cells read as predict --queries reads them', () => {
    const r = ok(queriesCsv, 'q.csv');
    expect(r.format).toBe('queries');
    expect(
      r.good.map((g) => [
        g.model_id,
        g.hardware_id,
        g.metric,
        g.value,
        g.batch_size,
        g.seq_len,
        g.prompt_tokens,
        g.gen_tokens,
        g.image_size,
      ]),
    ).toEqual([
      ['resnet50.tv_in1k', 'nvidia-rtx-4090', 'throughput', 2890, 64, null, null, null, 224],
      ['bert-base-uncased', 'nvidia-a100-sxm4-80gb', 'latency_ms', 1.42, 8, 128, null, null, null],
      ['llama-3.1-8b', 'nvidia-h100-sxm5-80gb', 'decode_tokens_s', 121.5, 1, null, 512, 128, null],
    ]);
  });
});
