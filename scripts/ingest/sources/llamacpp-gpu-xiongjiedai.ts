/** XiongjieDai/GPU-Benchmarks-on-LLM-Inference: llama.cpp prompt-processing and generation tokens/s. */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'llamacpp-gpu-xiongjiedai';
const LLAMA3 = `${DIR}/llama3_llamacpp_bench_long.csv`;
const LLAMA2 = `${DIR}/llama2_llamacpp_overview_long.csv`;

const MONTHS: Record<string, string> = { Dec: '12', May: '05' };

/** "May 2024" → "2024-05". */
function monthDate(snapshot: string | undefined): string | null {
  const m = /^(\w{3}) (\d{4})$/.exec(snapshot ?? '');
  const mm = m ? MONTHS[m[1] ?? ''] : undefined;
  return m && mm ? `${m[2]}-${mm}` : null;
}

/** "LLaMA 3" + "8B" → "Llama-3-8B". */
export function llamaModelName(family: string, size: string): string {
  const v = /(\d)/.exec(family)?.[1] ?? '';
  return `Llama-${v}-${size}`;
}

/**
 * Device as the tables write it, made unambiguous: bare GeForce numbers ("3090", "4070 Ti") get "RTX";
 * A100 rows get their memory from `device_mem_gb` (all 80 GB here).
 */
export function llamaDeviceName(device: string, memGb: string | undefined): string {
  if (/^\d{4}( Ti)?$/.test(device)) return `RTX ${device}`;
  if (/^A100\b/.test(device) && memGb) return `${device} ${memGb}GB`;
  return device;
}

function backendOf(device: string, backend: string | undefined): string {
  if (backend && /metal/i.test(backend)) return 'llama.cpp Metal';
  if (backend && /cuda ([\d.]+)/i.test(backend))
    return `llama.cpp CUDA ${/cuda ([\d.]+)/i.exec(backend)?.[1]}`;
  return /^M\d/.test(device) ? 'llama.cpp Metal' : 'llama.cpp CUDA';
}

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  for (const source_file of [LLAMA3, LLAMA2]) {
    readCsv(rawRoot, source_file).forEach((rec, i) => {
      read++;
      const source_row = i + 1;
      const device = rec.device ?? '';
      const test = rec.test ?? '';
      const value = num(rec.tokens_per_s);
      if (rec.status === 'OOM') return drops.push({ source_file, source_row, reason: 'OOM (out of memory)' });
      if (value === null)
        return drops.push({ source_file, source_row, reason: 'empty or non-numeric tokens/s' });
      const isPrefill = test.startsWith('pp');
      if (!isPrefill && !test.startsWith('tg'))
        return drops.push({ source_file, source_row, reason: `unknown test "${test}"` });
      const nTok = num(rec.n_tokens);
      rows.push({
        source_file,
        source_row,
        hardware: llamaDeviceName(device, rec.device_mem_gb),
        n_devices: num(rec.num_devices) ?? 1,
        model: llamaModelName(rec.model_family ?? '', rec.model_size ?? ''),
        mode: 'inference',
        precision: rec.quant ?? '',
        prompt_tokens: isPrefill ? nTok : null,
        gen_tokens: isPrefill ? null : nTok,
        metric: isPrefill ? 'prefill_tokens_s' : 'decode_tokens_s',
        value,
        unit: 'tokens/s',
        runtime: backendOf(device, rec.backend),
        date: monthDate(rec.snapshot),
      });
      return undefined;
    });
  }
  return {
    read,
    rows,
    drops,
    notes: [
      'bare GeForce device numbers ("3090") named "RTX 3090"; A100 rows named with their 80 GB memory from device_mem_gb',
      'llama_model_file_sizes.csv / README VRAM tables are GGUF file sizes (not device measurements): not read',
    ],
  };
}

/** llama.cpp tokens/s for LLaMA-3 (May 2024) and LLaMA-2 (Dec 2023) on NVIDIA GPUs and Apple Silicon. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'XiongjieDai GPU-Benchmarks-on-LLM-Inference (llama.cpp)',
    repository: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference',
    paths: [LLAMA3, LLAMA2].join('|'),
    commit: 'aa72e0ec86c356c41f8281c9733e9a13c3675800',
    license: 'none stated (no LICENSE file; figures used as facts with attribution)',
  },
  parse,
};
