/** whisper.cpp bench-all results (maintainer's log) and CPU encode times from issue #89. */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'whispercpp-bench';
const BENCH = `${DIR}/whispercpp_bench.csv`;
const ISSUE89 = `${DIR}/issue89_excerpts_cpu_encode.csv`;

/** Devices as the log writes them ("M2 ULTRA") → one device name. */
const DEVICES: Record<string, string> = {
  'M1 Pro': 'Apple M1 Pro',
  'M2 ULTRA': 'Apple M2 Ultra',
  'M4 Max': 'Apple M4 Max',
  V100: 'V100',
  'i7-8750H': 'Core i7-8750H',
  'i3-8100 @ 3.60GHz': 'Core i3-8100',
};

/** whisper.cpp "-dis" models are the distil-whisper conversions (distil-medium.en, distil-large-v2). */
const DISTIL: Record<string, string> = {
  'medium-dis': 'distil-whisper-medium.en',
  'large-v2-dis': 'distil-whisper-large-v2',
};

/** "base-q5_1" → { model: "whisper-base", precision: "Q5_1" }; plain ggml models are F16. */
export function whisperModel(raw: string): { model: string; precision: string } {
  const m = /^(.+?)-(q\d_\d|q\d_k)$/i.exec(raw);
  const name = m?.[1] ?? raw;
  return { model: DISTIL[name] ?? `whisper-${name}`, precision: m?.[2]?.toUpperCase() ?? 'F16' };
}

/** Whisper encodes a 30 s window as 1,500 positions (3,000 mel frames after its stride-2 convolution). */
const ENCODER_POSITIONS = 1500;

/**
 * Metric per column: Enc. (ms per 30 s window), Dec. and Bch5 (ms per token), PP (ms per prompt token).
 * `perStep`: Bch5 is the time of a batch-5 decode step divided by its 5 tokens; TPOT is the time between one
 * sequence's tokens, the whole step (each of the 5 sequences gets one token per step), so it is 5 × Bch5.
 */
const COLUMNS = [
  { col: 'Enc.', metric: 'ttft_ms', scenario: 'encode', batch: 1, perStep: 1 },
  { col: 'Dec.', metric: 'tpot_ms', scenario: 'decode', batch: 1, perStep: 1 },
  { col: 'Bch5', metric: 'tpot_ms', scenario: 'decode', batch: 5, perStep: 5 },
  { col: 'PP', metric: 'latency_ms', scenario: 'prompt per token', batch: 1, perStep: 1 },
] as const;

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  readCsv(rawRoot, BENCH).forEach((rec, i) => {
    read++;
    const source_row = i + 1;
    const hardware = DEVICES[rec.device ?? ''];
    if (!hardware) return drops.push({ source_file: BENCH, source_row, reason: 'device not identified' });
    const { model, precision } = whisperModel(rec.Model ?? '');
    const backend = rec.Config === 'AVX2 CUDA' ? 'CUDA' : (rec.Config ?? '');
    const runtime = `whisper.cpp ${backend} (${rec.Th} threads, flash-attn ${rec.FA === '1' ? 'on' : 'off'}, ${rec.Commit})`;
    let kept = 0;
    for (const c of COLUMNS) {
      const value = num(rec[c.col]);
      if (value === null) continue;
      kept++;
      rows.push({
        source_file: BENCH,
        source_row,
        hardware,
        n_devices: 1,
        model,
        mode: 'inference',
        scenario: c.scenario,
        precision,
        batch_size: c.batch,
        prompt_tokens: c.scenario === 'encode' ? ENCODER_POSITIONS : null,
        metric: c.metric,
        value: value * c.perStep,
        unit: 'ms',
        runtime,
      });
    }
    if (kept === 0) drops.push({ source_file: BENCH, source_row, reason: 'no numeric timing' });
    return undefined;
  });
  readCsv(rawRoot, ISSUE89).forEach((rec, i) => {
    read++;
    const source_row = i + 1;
    const hardware = DEVICES[rec.cpu ?? ''];
    const value = num(rec.encode_ms);
    if (!hardware) return drops.push({ source_file: ISSUE89, source_row, reason: 'device not identified' });
    if (value === null) return drops.push({ source_file: ISSUE89, source_row, reason: 'empty encode time' });
    const extra = [rec.os, rec.compiler, rec.commit].filter((s) => s);
    rows.push({
      source_file: ISSUE89,
      source_row,
      hardware,
      n_devices: 1,
      model: whisperModel(rec.model ?? '').model,
      mode: 'inference',
      scenario: 'encode',
      precision: 'F16',
      batch_size: 1,
      prompt_tokens: ENCODER_POSITIONS,
      metric: 'ttft_ms',
      value,
      unit: 'ms',
      runtime: `whisper.cpp CPU ${rec.config} (${rec.threads} threads; ${extra.join(', ')})`,
      date: /(\d{4}-\d{2}-\d{2})/.exec(rec.source ?? '')?.[1] ?? null,
    });
    return undefined;
  });
  return {
    read,
    rows,
    drops,
    notes: [
      'encoder time (Enc., issue #89 encode) stored as ttft_ms of a 1,500-position prompt: the time before the first decoder token',
      'Bch5 (ms per token of a batch-5 decode step) stored as tpot_ms at batch 5 = 5 × Bch5: the step time, which is each sequence’s time per output token',
      'models without a quant suffix taken as F16 (whisper.cpp ggml default); "-dis" models read as distil-whisper (medium.en, large-v2)',
      'issue #89 load times not used (model loading, not inference); memcpy/mul_mat microbenchmarks (whispercpp_memcpy_mulmat.csv) not read',
    ],
  };
}

/** whisper.cpp encoder/decoder timings on Apple Silicon (Metal), V100 (CUDA) and two CPUs. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'whisper.cpp benchmark results (bench-all-gg.txt, issue #89)',
    repository: 'https://github.com/ggerganov/whisper.cpp',
    paths: [BENCH, ISSUE89].join('|'),
    commit: '503a786c9a76f059ea8653d9fe3936be4f37a7bc',
    license: 'MIT',
  },
  parse,
};
