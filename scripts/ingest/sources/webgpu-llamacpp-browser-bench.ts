/** abhijitramesh/webgpu-bench: llama.cpp compiled to WASM, run in Chromium/Firefox/WebKit (WebGPU or CPU). */
import { readJson } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'webgpu-llamacpp-browser-bench';
const FILES = [
  `${DIR}/apple-m3-16gb-darwin_commit_5f0b1b5.json`,
  `${DIR}/apple-metal-3-8gb-darwin_HEAD.json`,
];

interface BenchResult {
  status?: string;
  error?: string | null;
  model?: string;
  variant?: string;
  browser?: string;
  buildType?: string;
  webgpuAvailable?: boolean;
  nGpuLayers?: number;
  timestamp?: string;
  llamaCppCommit?: string;
  machine?: { cpus?: string };
  metrics?: {
    prefill_tok_s?: number;
    decode_tok_s?: number;
    n_p_eval?: number;
    n_prompt_tokens?: number;
    n_generated?: number;
    n_eval?: number;
  };
}

interface BenchFile {
  machine?: { cpus?: string };
  results?: BenchResult[];
}

/** Physical devices by the machine's `cpus` string; "apple metal-3" (8 GB) names no chip. */
const DEVICES: Record<string, string> = { 'Apple M3': 'Apple M3' };

const BROWSERS: Record<string, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** "llama.cpp WebGPU / Chromium (JSPI build)"; WebGPU when layers are offloaded and an adapter exists. */
export function browserRuntime(r: BenchResult): string {
  const webgpu = (r.nGpuLayers ?? 0) > 0 && r.webgpuAvailable === true;
  const [name = '', version] = (r.browser ?? '').split('-');
  const browser = `${BROWSERS[name] ?? name}${version ? ` ${version}` : ''}`;
  return `llama.cpp ${webgpu ? 'WebGPU' : 'WASM CPU'} / ${browser} (${r.buildType ?? 'unknown'} build)`;
}

const pos = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  for (const source_file of FILES) {
    const data = readJson<BenchFile>(rawRoot, source_file);
    (data.results ?? []).forEach((r, i) => {
      read++;
      const source_row = i + 1;
      const drop = (reason: string) => drops.push({ source_file, source_row, reason });
      const hardware = DEVICES[r.machine?.cpus ?? data.machine?.cpus ?? ''];
      if (!hardware) return drop('device not identified');
      if (r.status !== 'done') return drop(`run failed: ${(r.error ?? 'no error text').slice(0, 60)}`);
      const m = r.metrics ?? {};
      const base = {
        source_file,
        source_row,
        hardware,
        n_devices: 1,
        model: r.model ?? '',
        mode: 'inference' as const,
        precision: r.variant ?? '',
        batch_size: 1,
        unit: 'tokens/s',
        runtime: browserRuntime(r),
        date: r.timestamp?.slice(0, 10) ?? null,
      };
      let kept = 0;
      if (pos(m.prefill_tok_s)) {
        kept++;
        const prompt = m.n_p_eval ?? m.n_prompt_tokens ?? null;
        rows.push({ ...base, metric: 'prefill_tokens_s', value: m.prefill_tok_s, prompt_tokens: prompt });
      }
      if (pos(m.decode_tok_s)) {
        kept++;
        rows.push({
          ...base,
          metric: 'decode_tokens_s',
          value: m.decode_tok_s,
          gen_tokens: m.n_generated ?? null,
        });
      }
      if (kept === 0) drop('done but no positive tokens/s');
      return undefined;
    });
  }
  return { read, rows, drops, notes: [] };
}

/** In-browser llama.cpp (WebGPU vs WASM CPU) prefill/decode tokens/s on an Apple M3 (16 GB). */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'webgpu-bench: llama.cpp in Chromium/Firefox/WebKit, WebGPU vs WASM',
    repository: 'https://github.com/abhijitramesh/webgpu-bench',
    paths: FILES.join('|'),
    commit: '5f0b1b5 (apple-m3 file); c5c7d19cf69587aa679e6c31aeca08b94ad5a7d3 (HEAD file)',
    license: 'none stated (no LICENSE file; figures used as facts with attribution)',
  },
  parse,
};
