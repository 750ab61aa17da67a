import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dateOf, modelLabel, runtimeOf, source } from './rocm-inference-perf.ts';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';

const README = 'rocm-inference-perf/rocm_vllm_dev_docker_long.csv';
const AMD_COM = 'rocm-inference-perf/amd_com_performance_results_long.csv';

/** Records copied from the long CSVs: README data rows 1, 3, 4, 9, 25, 89; amd.com data rows 9, 16. */
const README_FIXTURE = `source_file,source_table,source_line,source_row,doc_version,runtime,backend,gpu,n_gpus,tp,pp,model,precision,isl,osl,batch_or_concurrency,num_prompts,max_num_seqs,system,metric,value,unit,value_as_written,note
md/dev-docker_README_2025-01-29_7a292f9.md,Throughput Measurements,40,1,ROCm/vllm docs/dev-docker/README.md @ 7a292f9 (2025-01-29),"vLLM 0.6.6 (ROCm 6.3.1, PyTorch 2.6dev (nightly))","vLLM offline benchmark_throughput.py (random prompts, all requests queued at once)",MI300X,8,8,,Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV),FP8,128,2048,,3200,3200,,throughput_tokens_per_s,15105,tokens/s,15105,
md/dev-docker_README_2025-01-29_7a292f9.md,Throughput Measurements,42,3,ROCm/vllm docs/dev-docker/README.md @ 7a292f9 (2025-01-29),"vLLM 0.6.6 (ROCm 6.3.1, PyTorch 2.6dev (nightly))","vLLM offline benchmark_throughput.py (random prompts, all requests queued at once)",MI300X,8,8,,Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV),FP8,500,2000,,2000,2000,,throughput_tokens_per_s,12664,tokens/s,12664,Model carried down; Precision carried down; TP Size carried down
md/dev-docker_README_2025-01-29_7a292f9.md,Throughput Measurements,43,4,ROCm/vllm docs/dev-docker/README.md @ 7a292f9 (2025-01-29),"vLLM 0.6.6 (ROCm 6.3.1, PyTorch 2.6dev (nightly))","vLLM offline benchmark_throughput.py (random prompts, all requests queued at once)",MI300X,8,8,,Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV),FP8,2048,2048,,1500,1500,,throughput_tokens_per_s,8239,tokens/s,8239,Model carried down; Precision carried down; TP Size carried down
md/dev-docker_README_2025-01-29_7a292f9.md,Latency Measurements,57,1,ROCm/vllm docs/dev-docker/README.md @ 7a292f9 (2025-01-29),"vLLM 0.6.6 (ROCm 6.3.1, PyTorch 2.6dev (nightly))",vLLM offline benchmark_latency.py (end-to-end latency of one batch),MI300X,8,8,,Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV),FP8,128,2048,1,,,,e2e_latency_ms,19088.59,ms,19088.59,
md/dev-docker_README_2025-01-29_7a292f9.md,Latency Measurements,73,17,ROCm/vllm docs/dev-docker/README.md @ 7a292f9 (2025-01-29),"vLLM 0.6.6 (ROCm 6.3.1, PyTorch 2.6dev (nightly))",vLLM offline benchmark_latency.py (end-to-end latency of one batch),MI300X,8,8,,Llama 3.1 405B (amd/Llama-3.1-70B-Instruct-FP8-KV),FP8,128,2048,1,,,,e2e_latency_ms,51739.70,ms,51739.70,model cell as written names the 70B checkpoint under a 405B label (sic)
md/dev-docker_README_2025-03-28_25070a1.md,Latency Measurements,58,1,ROCm/vllm docs/dev-docker/README.md @ 25070a1 (2025-03-28),"vLLM 0.7.3 (ROCm 6.3.1, hipBLASLt 0.13, PyTorch 2.7dev (nightly))",vLLM offline benchmark_latency.py (end-to-end latency of one batch),MI300X,8,8,,Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV),FP8,128,2048,1,,,"Supermicro AS-8125GS-TNMR2 with 2x AMD EPYC 9554 Processors, 2.25 TiB RAM, 8x AMD Instinct MI300X (192GiB, 750W) GPUs, Ubuntu 22.04, and amdgpu driver 6.8.5",e2e_latency_s,17.662,s,17.662,doc says benchmarks were run with vLLM benchmark scripts from v0.6.5
`;

const AMD_FIXTURE = `source_file,source_table,source_line,source_row,doc_version,runtime,backend,gpu,n_gpus,tp,pp,model,precision,isl,osl,batch_or_concurrency,num_prompts,max_num_seqs,system,metric,value,unit,value_as_written,note
md/amd-com_performance-results_zh-cn_2025-10-06.md,Latency Measurements,37,1,amd.com performance-results page (zh-cn stored copy; data of 2025-10-06),vLLM 0.10.2 (container rocm/vllm:rocm7.0.0_vllm_0.10.2_20251006; ROCm 7.0.0),vLLM latency benchmark,MI300X,8,8,,Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV),FP8,128,2048,1,,,"Dual AMD EPYC 9554 64-core processor-based production server with 8x AMD MI300X (192GB HBM3 750W) GPUs, 1 NUMA node per socket, System BIOS 1.8, Ubuntu® 22.04, amdgpu driver 6.8.5",e2e_latency_s,15.882,s,15.882,
md/amd-com_performance-results_ja_2025-11-03.md,Results on AMD Instinct MI300X Platform > Throughput Measurements,22,5,amd.com performance-results page (ja stored copy; data of 2025-11-03),vLLM 0.11.1 (container rocm/vllm:rocm7.0.0_vllm_0.11.1_20251103; ROCm 7.0.0),vLLM offline throughput benchmark (requests fed at infinite rate),MI300X,8,8,,Llama 3.1 405B (amd/Llama-3.1-405B-Instruct-FP8-KV),FP8,128,2048,,1500,1500,"Dual AMD EPYC 9554 64-core processor-based production server with 8x AMD MI300X (192GB HBM3 750W) GPUs, 1 NUMA node per socket, System BIOS 1.8, Ubuntu® 22.04, amdgpu driver 6.8.5",throughput_tokens_per_s,3816.8,tokens/s,3816.8,"Throughput column headed ""Throughput2"" (footnote 2; unit not in the stored excerpt, tokens/s per the zh-cn copy and the ROCm/vllm README)"
`;

const tmp = mkdtempSync(join(tmpdir(), 'rocm-fixture-'));
mkdirSync(join(tmp, 'rocm-inference-perf'));
writeFileSync(join(tmp, README), README_FIXTURE);
writeFileSync(join(tmp, AMD_COM), AMD_FIXTURE);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('rocm-inference-perf fields', () => {
  it('reads the model label, runtime and date', () => {
    expect(modelLabel('Llama 3.1 405B (amd/Llama-3.1-70B-Instruct-FP8-KV)')).toBe('Llama 3.1 405B');
    expect(
      runtimeOf({
        runtime: 'vLLM 0.8.5 (ROCm 6.3.1, hipBLASLt 0.15, PyTorch 2.7)',
        note: 'Model carried down; doc says benchmarks were run with vLLM benchmark scripts from v0.6.5',
      }),
    ).toBe('vLLM 0.8.5 (ROCm 6.3.1, hipBLASLt 0.15, PyTorch 2.7); benchmark scripts v0.6.5');
    expect(dateOf('ROCm/vllm docs/dev-docker/README.md @ 7a292f9 (2025-01-29)')).toBe('2025-01-29');
    expect(dateOf('amd.com performance-results page (ja stored copy; data of 2025-11-03)')).toBe(
      '2025-11-03',
    );
  });
});

describe('rocm-inference-perf on a fixture', () => {
  const r = source.parse(tmp);

  it('accounts for every record', () => {
    expect(r.read).toBe(8);
    expect(r.rows).toHaveLength(6);
    expect(r.drops).toHaveLength(2);
  });

  it('keeps throughput only where input+output and output-only readings nearly agree', () => {
    expect(rowsAt(r, README, 1)[0]).toMatchObject({
      hardware: 'MI300X',
      n_devices: 8,
      model: 'Llama 3.1 70B',
      precision: 'FP8',
      metric: 'throughput',
      value: 15105,
      unit: 'tokens/s',
      batch_size: null,
      prompt_tokens: 128,
      gen_tokens: 2048,
      scenario: 'Offline/benchmark_throughput/TP8/3200 prompts/tokens unspecified (≤5.9%)',
      runtime: 'vLLM 0.6.6 (ROCm 6.3.1, PyTorch 2.6dev (nightly))',
      date: '2025-01-29',
    });
    expect(r.drops.find((d) => d.source_row === 2)?.reason).toMatch(
      /at 500\/2000 the readings differ by 20%/,
    );
    expect(r.drops.find((d) => d.source_row === 3)?.reason).toMatch(
      /at 2048\/2048 the readings differ by 50%/,
    );
    expect(rowsAt(r, AMD_COM, 2)[0]).toMatchObject({
      model: 'Llama 3.1 405B',
      value: 3816.8,
      date: '2025-11-03',
    });
  });

  it('maps batch latency with its unit as written', () => {
    expect(rowsAt(r, README, 4)[0]).toMatchObject({
      metric: 'latency_ms',
      value: 19088.59,
      unit: 'ms',
      batch_size: 1,
      prompt_tokens: 128,
      gen_tokens: 2048,
      scenario: 'e2e-batch/benchmark_latency/TP8',
    });
    expect(rowsAt(r, README, 5)[0]).toMatchObject({ model: 'Llama 3.1 405B', value: 51739.7 });
    expect(rowsAt(r, README, 6)[0]).toMatchObject({
      value: 17.662,
      unit: 's',
      runtime: 'vLLM 0.7.3 (ROCm 6.3.1, hipBLASLt 0.13, PyTorch 2.7dev (nightly)); benchmark scripts v0.6.5',
    });
    expect(rowsAt(r, AMD_COM, 1)[0]).toMatchObject({ metric: 'latency_ms', value: 15.882, unit: 's' });
  });
});

const parsed = parseOnce(source);

describe.skipIf(!rawPresent('rocm-inference-perf'))('rocm-inference-perf source', () => {
  it('accounts for every record', () => {
    const r = parsed();
    expect(r.read).toBe(360 + 19);
    expect(r.rows).toHaveLength(335);
    expect(r.drops).toHaveLength(44);
    expect(r.rows.filter((x) => x.metric === 'latency_ms')).toHaveLength(291);
    checkSource(source, r, [README, AMD_COM]);
  });

  it('keeps the (sic) 405B latency rows as 405B', () => {
    const r = parsed();
    expect(rowsAt(r, README, 25)[0]).toMatchObject({
      model: 'Llama 3.1 405B',
      batch_size: 1,
      value: 51739.7,
    });
    expect(r.rows.filter((x) => x.model === 'Llama 3.1 405B')).toHaveLength(166);
  });
});
