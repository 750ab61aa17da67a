import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParseResult, RawMeasurement } from '../types.ts';
import { deviceOf, layoutOf, modelOf, runtimeOf, source } from './trtllm-perf-overview.ts';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';

const FILE = 'trtllm-perf-overview/trtllm_perf_overview_long.csv';

/** Records copied from the long CSV (data rows 1, 9, 59, 207, 359, 447, 495, 833–837, 858–862, 1013–1014, 1193, 1825). */
const FIXTURE = `source_file,source_table,source_line,source_row,doc_version,runtime,backend,gpu,n_gpus,tp,pp,ep,parallelism,model,precision,isl,osl,batch_or_concurrency,request_rate_qps,metric,value,unit,value_as_written,note
md/performance_v0.5.0.md,High Throughput > H100 GPUs (FP8),24,1,v0.5.0,TensorRT-LLM 0.5.0,TensorRT engine (static batching),H100,1,1,,,,GPT-J 6B,FP8,128,128,64,,output_tokens_per_s_unspecified,10907,tokens/s,"10,907",
md/performance_v0.5.0.md,High Throughput > H100 GPUs (FP8),34,9,v0.5.0,TensorRT-LLM 0.5.0,TensorRT engine (static batching),H100,4,4,,,,LLaMA 70B,FP8,128,128,64,,output_tokens_per_s_unspecified,3317,tokens/s,"3,317",
md/performance_v0.6.0.md,High Throughput > H100 GPUs (FP8),24,1,v0.6.0,TensorRT-LLM 0.6.0,TensorRT engine (static batching),H100,1,1,,,,GPT-J 6B,FP8,128,128,64,,output_tokens_per_s_unspecified,10907,tokens/s,"10,907",
md/performance_v0.7.1.md,Peak Throughput > A100 GPUs (FP16),78,9,v0.7.1,TensorRT-LLM 0.7.1,TensorRT engine (static batching),A100,4,4,,,,LLaMA 70B,FP16,128,128,1280,,output_tokens_per_s_unspecified,670,tokens/s,670,
md/performance_v0.9.0.md,Peak Throughput > H200 GPUs (FP8),37,9,v0.9.0,TensorRT-LLM 0.9.0,TensorRT engine (static batching),H200,2,2,,,,Mixtral 8x7B,FP8,128,128,1024,,output_tokens_per_s_per_gpu,5444,tokens/s/GPU,"5,444",
md/performance_v0.9.0.md,Low Latency > H200 GPUs (FP8),178,1,v0.9.0,TensorRT-LLM 0.9.0,TensorRT engine (static batching),H200,1,1,,,,GPT-J 6B,FP8,128,,1,,ttft_ms,5,ms,5.0,
md/perf-overview_v0.17.md,Throughput Measurements (version 0.17),20,1,0.17,TensorRT-LLM 0.17,TensorRT engine via trtllm-bench (in-flight batching); GH200: gptManagerBenchmark,H200 141GB HBM3,1,1,1,,,LLaMA v3.1 8B,FP8,128,128,,,throughput_tokens_per_s_total,29526.04,tokens/s,29526.04,"max-load offline throughput, all GPUs together; doc: ""token throughput in tokens/second"""
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),142,1,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,2,request_throughput_req_per_s,2,req/s,2,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),142,1,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,2,ttft_ms_mean,62,ms,62,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),142,1,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,2,itl_ms_mean,21,ms,21,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),142,1,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,2,total_token_throughput_tokens_per_s,1406,tokens/s,1406,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),142,1,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,2,output_tokens_per_s_total,498,tokens/s,498,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),147,6,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,INF,request_throughput_req_per_s,16,req/s,16,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),147,6,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,INF,ttft_ms_mean,9123,ms,9123,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),147,6,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,INF,itl_ms_mean,85,ms,85,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),147,6,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,INF,total_token_throughput_tokens_per_s,11593,tokens/s,11593,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),147,6,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H100 80GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,INF,output_tokens_per_s_total,4103,tokens/s,4103,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),178,37,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H200 131GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,2,request_throughput_req_per_s,2,req/s,2,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.17.md,Online Serving Measurements (version 0.14.0),178,37,0.17 doc (data 0.14.0),TensorRT-LLM 0.14.0,"Triton tensorrtllm_backend (online serving), 500 requests",H200 131GB HBM3,4,4,,,,LLaMA 3.1 70B,BF16,467,256,,2,ttft_ms_mean,58,ms,58,blank Model/GPU/TP/ISL/OSL cells carried down from the row above
md/perf-overview_v0.19.0.md,Llama 3.3 70B FP4,17,1,0.19.0,TensorRT-LLM 0.19.0,"PyTorch backend, trtllm-bench throughput (in-flight batching)",B200,1,1,1,,,Llama 3.3 70B,FP4,128,128,,,output_tokens_per_s_total,11253.28,tokens/s,"11,253.28",max-load offline throughput; Total Output Throughput over all GPUs
md/perf-overview_devguide_03e27c7.md,Deepseek R1 0528,42,1,1.1/1.2-era main (commit 03e27c7),TensorRT-LLM 1.1/1.2-era main (commit 03e27c7),"PyTorch backend, trtllm-bench throughput (in-flight batching)",B200,4,,1,4,DEP4,Deepseek R1 0528,FP4,1000,1000,,,output_tokens_per_s_per_gpu,6463,tokens/s/GPU,"6,463","max-load offline throughput; Per GPU Output Throughput (output tokens incl. first token, input excluded)"
`;

const tmp = mkdtempSync(join(tmpdir(), 'trtllm-fixture-'));
mkdirSync(join(tmp, 'trtllm-perf-overview'));
writeFileSync(join(tmp, FILE), FIXTURE);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const row = (r: ParseResult, n: number, metric?: RawMeasurement['metric']): RawMeasurement | undefined =>
  rowsAt(r, FILE, n, metric)[0];
const reason = (r: ParseResult, n: number): string | undefined =>
  r.drops.find((d) => d.source_row === n)?.reason;

describe('trtllm-perf-overview names', () => {
  it('builds the layout, runtime, model and device', () => {
    expect(layoutOf({ parallelism: 'DEP4', tp: '', n_gpus: '4' })).toBe('DEP4');
    expect(layoutOf({ parallelism: '', tp: '2', pp: '2', n_gpus: '4' })).toBe('TP2,PP2');
    expect(layoutOf({ parallelism: '', tp: '4', pp: '1', n_gpus: '4' })).toBe('TP4');
    expect(
      runtimeOf({
        runtime: 'TensorRT-LLM 1.0 (commit 00f3768)',
        backend: 'PyTorch backend, trtllm-bench throughput (in-flight batching)',
      }),
    ).toBe('TensorRT-LLM 1.0 (commit 00f3768; PyTorch backend, trtllm-bench throughput)');
    const static7 = {
      backend: 'TensorRT engine (static batching)',
      doc_version: 'v0.7.1',
      runtime: 'TensorRT-LLM 0.7.1',
    };
    expect(runtimeOf(static7)).toBe('TensorRT-LLM 0.6.1 (v0.7.1 doc; TensorRT engine, static batching)');
    expect(modelOf({ ...static7, model: 'LLaMA 70B' })).toBe('Llama-2-70B');
    expect(modelOf({ backend: 'PyTorch backend', model: 'LLaMA 70B' })).toBe('LLaMA 70B');
    expect(deviceOf({ ...static7, gpu: 'A100' })).toBe('A100 80GB');
    expect(deviceOf({ gpu: 'A100-SXM4-80GB' })).toBe('A100-SXM4-80GB');
    expect(deviceOf({ gpu: 'H200 131GB HBM3' })).toBe('H200 141GB HBM3');
  });
});

describe('trtllm-perf-overview on a fixture', () => {
  const r = source.parse(tmp);

  it('accounts for every record', () => {
    expect(r.read).toBe(21);
    expect(r.rows.length + r.drops.length).toBe(21);
    expect(new Set(r.rows.map((x) => x.source_row)).size + r.drops.length).toBe(21);
  });

  it('keeps static-batch throughput with its batch, reading v0.5 "out tok/s" as the total', () => {
    expect(row(r, 1)).toMatchObject({
      hardware: 'H100',
      n_devices: 1,
      model: 'GPT-J 6B',
      scenario: 'Offline/static-batch/TP1',
      precision: 'FP8',
      batch_size: 64,
      prompt_tokens: 128,
      gen_tokens: 128,
      metric: 'throughput',
      value: 10907,
      unit: 'tokens/s',
      runtime: 'TensorRT-LLM 0.5.0 (TensorRT engine, static batching)',
    });
    expect(row(r, 2)).toMatchObject({
      model: 'Llama-2-70B',
      n_devices: 4,
      value: 3317,
      scenario: 'Offline/static-batch/TP4/out tok/s read as total',
    });
  });

  it('drops republished cells and unsettled per-GPU-or-total cells', () => {
    expect(reason(r, 3)).toMatch(/^republished: same cell as row 1 \(v0\.5\.0\)/);
    expect(reason(r, 4)).toMatch(
      /^per GPU or total not stated: "out tok\/s" over 4 GPUs in the v0\.7\.1 doc/,
    );
  });

  it('multiplies per-GPU values by the GPU count', () => {
    expect(row(r, 5)).toMatchObject({
      n_devices: 2,
      value: 5444 * 2,
      scenario: 'Offline/static-batch/TP2/per-GPU x2',
      batch_size: 1024,
    });
    expect(row(r, 21)).toMatchObject({
      hardware: 'B200',
      n_devices: 4,
      value: 6463 * 4,
      scenario: 'Offline/trtllm-bench/DEP4/per-GPU x4',
      batch_size: null,
      prompt_tokens: 1000,
      gen_tokens: 1000,
    });
  });

  it('maps batch-1 first-token latency and max-load totals', () => {
    expect(row(r, 6)).toMatchObject({
      metric: 'ttft_ms',
      batch_size: 1,
      prompt_tokens: 128,
      gen_tokens: null,
      value: 5,
      unit: 'ms',
      scenario: 'first-token/TP1',
    });
    expect(row(r, 7)).toMatchObject({
      hardware: 'H200 141GB HBM3',
      model: 'LLaMA v3.1 8B',
      metric: 'throughput',
      value: 29526.04,
      batch_size: null,
      scenario: 'Offline/trtllm-bench/TP1',
    });
    expect(row(r, 20)).toMatchObject({
      value: 11253.28,
      precision: 'FP4',
      runtime: 'TensorRT-LLM 0.19.0 (PyTorch backend, trtllm-bench throughput)',
    });
  });

  it('keeps the online table only where the server kept up, and its output rate only at QPS INF', () => {
    expect(reason(r, 8)).toMatch(/^requests\/s/);
    expect(row(r, 9)).toMatchObject({
      metric: 'ttft_ms',
      value: 62,
      scenario: 'Server/triton/TP4/QPS 2/mean',
    });
    expect(row(r, 10)).toMatchObject({ metric: 'tpot_ms', value: 21, precision: 'BF16', batch_size: null });
    expect(reason(r, 11)).toMatch(/^input \+ output tokens\/s/);
    expect(reason(r, 12)).toMatch(/offered load/);
    expect(reason(r, 14)).toMatch(/QPS INF/);
    expect(reason(r, 15)).toMatch(/QPS INF/);
    expect(row(r, 17)).toMatchObject({
      metric: 'throughput',
      value: 4103,
      scenario: 'Offline/triton/TP4/QPS INF',
    });
    expect(row(r, 19)).toMatchObject({ hardware: 'H200 141GB HBM3', value: 58 });
  });
});

const parsed = parseOnce(source);

describe.skipIf(!rawPresent('trtllm-perf-overview'))('trtllm-perf-overview source', () => {
  it('accounts for every record', () => {
    const r = parsed();
    expect(r.read).toBe(1974);
    expect(r.rows).toHaveLength(1541);
    expect(r.drops).toHaveLength(433);
    expect(r.drops.filter((d) => d.reason.startsWith('republished'))).toHaveLength(144);
    const perGpu = (x: RawMeasurement): number =>
      /per-GPU x\d+/.test(x.scenario ?? '') ? x.value / x.n_devices : x.value;
    checkSource(source, r, [FILE], perGpu);
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    expect(rowsAt(r, FILE, 32)[0]).toMatchObject({
      hardware: 'A100 80GB',
      model: 'Llama-2-70B',
      n_devices: 4,
      precision: 'FP16',
      batch_size: 64,
      value: 1237,
    });
    expect(r.drops.find((d) => d.source_row === 434)?.reason).toMatch(
      /^per-GPU value exceeds the memory-bandwidth bound/,
    );
    expect(rowsAt(r, FILE, 1825)[0]).toMatchObject({
      model: 'Deepseek R1 0528',
      value: 6463 * 4,
      n_devices: 4,
    });
    expect(r.rows.some((x) => x.hardware.startsWith('GH200'))).toBe(false);
  });
});
