/** mlc-ai/llm-perf-bench: single-stream decode tokens/s for MLC LLM, ExLlamaV2, llama.cpp and vLLM. */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'llm-perf-bench-mlc';
const FILE = `${DIR}/llm_perf_bench_decode.csv`;

/** Framework headers vary between README tables; commits from README_setup_details.md (Oct 2023). */
const RUNTIMES: Record<string, string> = {
  'mlc llm': 'MLC LLM (mlc-llm 8e94910)',
  'mlc-llm': 'MLC LLM (mlc-llm 8e94910)',
  'exllama v2': 'ExLlamaV2 (9d6fdb9)',
  exllama: 'ExLlamaV2 (9d6fdb9)',
  'llama.cpp': 'llama.cpp CUDA (9476b01)',
  vllm: 'vLLM (acbed3e)',
};

/** "4-bit" is weight-only 4-bit (exact format per framework not stated) → int4; "fp16" as written. */
const PRECISIONS: Record<string, string> = { '4-bit': 'int4', fp16: 'fp16' };

/** "7900 XTX" is the AMD section's Radeon; other GPU names are kept as written. */
function gpuName(gpu: string): string {
  return gpu === '7900 XTX' ? 'Radeon RX 7900 XTX' : gpu;
}

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  readCsv(rawRoot, FILE).forEach((rec, i) => {
    read++;
    const source_row = i + 1;
    const value = num(rec.decode_tok_s);
    if (value === null)
      return drops.push({
        source_file: FILE,
        source_row,
        reason: `no value (status ${rec.status ?? 'empty'}: N/A in README)`,
      });
    const framework = (rec.framework ?? '').toLowerCase();
    const runtime = RUNTIMES[framework];
    if (!runtime)
      return drops.push({ source_file: FILE, source_row, reason: `unknown framework "${rec.framework}"` });
    rows.push({
      source_file: FILE,
      source_row,
      hardware: gpuName(rec.gpu ?? ''),
      n_devices: num(rec.num_gpus) ?? 1,
      model: rec.model ?? '',
      mode: 'inference',
      precision: PRECISIONS[rec.weight_precision ?? ''] ?? rec.weight_precision ?? '',
      batch_size: 1,
      gen_tokens: num(rec.decode_tokens),
      metric: 'decode_tokens_s',
      value,
      unit: 'tok/s',
      runtime: `${runtime}, ${rec.interconnect ?? 'PCIe'}`,
      date: '2023-10',
    });
    return undefined;
  });
  return {
    read,
    rows,
    drops,
    notes: [
      '"4-bit" weight precision mapped to int4 (format per framework not stated); "exllama" column of the 4-bit multi-GPU table read as ExLlamaV2 (the only ExLlama commit in the setup details)',
    ],
  };
}

/** MLC llm-perf-bench (Oct 2023): decode tokens/s, batch 1, 256 tokens, 1–8 GPUs over PCIe. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'MLC llm-perf-bench: decode speed of MLC LLM, ExLlamaV2, llama.cpp, vLLM',
    repository: 'https://github.com/mlc-ai/llm-perf-bench',
    paths: FILE,
    commit: 'd401356f84fa9cfb564b353ca39fb31cc47d61ea',
    license: 'Apache-2.0',
  },
  parse,
};
