/** NVIDIA DeepLearningExamples README performance tables (normalized CSVs): inference throughput/latency, training throughput. */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'nvidia-dle';
const INF = `${DIR}/dle_inference_normalized.csv`;
const TRAIN = `${DIR}/dle_training_throughput_normalized.csv`;
type Row = Record<string, string>;

const rowJson = (r: Row): Record<string, string> => {
  try {
    return JSON.parse(r.row_json ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
};
const text = (r: Row): string => `${r.heading_path ?? ''} ${r.caption ?? ''} ${r.hardware ?? ''}`;

/**
 * BERT size of a LanguageModeling/BERT row without a Model column: the caption names it ("BERT-Base FP16",
 * "BERTLarge FP16"); otherwise BERT-large, which the READMEs state for these tables — TF1/TF2 Results: "All results
 * are on BERT-large model unless otherwise mentioned"; PyTorch/PaddlePaddle Training process: "run_pretraining.sh …
 * trains the BERT-large model from scratch", and SQuAD fine-tuning starts from that checkpoint.
 */
export function bertVariant(r: Row): string {
  const cap = /\bBERT[- ]?(Large|Base)\b/i.exec(r.caption ?? '');
  return cap?.[1] ? `BERT-${cap[1].toLowerCase()}` : 'BERT-large';
}

/** Model name as the README writes it: table variant (Model/GPUNet/Dimension column, Base/Large heading, caption) or folder name. */
export function dleModel(r: Row): string {
  const j = rowJson(r);
  const base = (r.model_dir ?? '').split('/').pop() ?? '';
  if (j.Model) return base === 'BERT' ? `BERT-${j.Model}` : j.Model;
  if (base === 'BERT') return bertVariant(r);
  if (j.GPUNet) return j.GPUNet;
  if (j.Dimension) return `${base} ${j.Dimension}D`;
  const size = /> (Base|Large) model/.exec(r.heading_path ?? '');
  if (size?.[1]) return `${base} ${size[1].toLowerCase()}`;
  const eff = /for (EfficientNet [^>]+?)\s*(?:>|$)/.exec(r.heading_path ?? '');
  if (eff?.[1]) return eff[1];
  const fp = /^(FastPitch(?: \+ [A-Za-z-]+)?) \(/.exec(r.caption ?? '');
  if (fp?.[1]) return fp[1];
  if (base === 'Tacotron2' && 'WN channels' in j) return 'Tacotron2 + WaveGlow';
  return base;
}

const PHRASE_UNITS: Record<string, string> = {
  images: 'img/s',
  'items/images': 'items/s',
  items: 'items/s',
  sequences: 'sequences/s',
  sentences: 'sequences/s',
  tokens: 'tokens/s',
  'transformer tokens': 'tokens/s',
  molecules: 'molecules/s',
  'records of data': 'items/s',
  volumes: 'volumes/s',
};

/** Units the README text states for the whole folder ("Performance (in X per second)"), used when the table has none. */
const FAMILY_UNITS: Record<string, string> = {
  'LanguageModeling/BERT': 'sequences/s',
  'SpeechRecognition/Jasper': 'sequences/s',
  'SpeechRecognition/wav2vec2': 'tokens/s',
  'SpeechSynthesis/FastPitch': 'frames/s',
  'SpeechSynthesis/HiFiGAN': 'frames/s',
  'Recommendation/DLRM': 'items/s',
};

/** Throughput unit: as the table states it, else from the README sentence above the table, else from the model family. */
export function dleUnit(r: Row): string | null {
  const u = (r.throughput_unit ?? '').trim();
  if (/^sent\/sec$/i.test(u)) return 'sequences/s';
  if (u !== '') return u;
  const said = /\(in ([a-z/ ]+?) per (second|millisecond)\)/i.exec(text(r));
  if (said?.[1]) {
    const unit = PHRASE_UNITS[said[1].toLowerCase()] ?? `${said[1].toLowerCase()}/s`;
    return said[2] === 'millisecond' ? unit.replace('/s', '/ms') : unit;
  }
  const dir = r.model_dir ?? '';
  if (/^(Classification|Detection|Segmentation)\//.test(dir)) return 'img/s';
  if (/^Translation\//.test(dir)) return 'tokens/s';
  if (dir === 'Recommendation/NCF') return 'samples/s';
  if (dir === 'Recommendation/VAE-CF') return 'users/s';
  if (dir === 'DrugDiscovery/MoFlow') return 'molecules/s';
  return FAMILY_UNITS[dir] ?? null;
}

function precisionOf(
  r: Row,
  mode: 'inference' | 'training',
): { precision: string; ambiguous: boolean } | null {
  const p = (r.precision ?? '').trim();
  if (p !== '' && !p.includes('|')) return { precision: p.toUpperCase(), ambiguous: false };
  if (p === '') {
    const amp = rowJson(r).AMP ?? '';
    return /check|on|yes/i.test(amp) ? { precision: 'AMP', ambiguous: false } : null;
  }
  const col = r.throughput_column ?? '';
  const hit = /mixed|amp|fp16/i.test(col)
    ? 'AMP'
    : /tf32/i.test(col)
      ? 'TF32'
      : /fp32/i.test(col)
        ? 'FP32'
        : null;
  return hit && (r.throughput ?? '') !== '' ? { precision: hit, ambiguous: mode === 'inference' } : null;
}

function tags(r: Row): string[] {
  const t = `${text(r)} ${r.throughput_column ?? ''}`;
  const j = rowJson(r);
  const out: string[] = [];
  if (/TensorRT/i.test(t)) out.push('TensorRT');
  if (/Triton/i.test(t)) out.push('Triton');
  if (/TorchScript/i.test(t)) out.push('TorchScript');
  if (
    /XLA/.test(r.heading_path ?? '') ||
    /XLA/.test(r.caption ?? '') ||
    r.xla === 'True' ||
    /on|check/i.test(j.XLA ?? '')
  )
    out.push('XLA');
  return out;
}

function runtimeOf(r: Row, tg: string[]): { runtime: string; date: string | null } {
  const m =
    /(?:PyTorch|TensorFlow|pytorch)[- ](\d{2})\.(\d{2})|(\d{2})\.(\d{2})(?:-tf[12])?-py3|(\d{2})\.(\d{2}) NGC/.exec(
      text(r),
    );
  const yy = m?.[1] ?? m?.[3] ?? m?.[5];
  const mm = m?.[2] ?? m?.[4] ?? m?.[6];
  const ver = yy && mm ? `${yy}.${mm}` : null;
  const fw = tg.includes('TensorRT') ? 'TensorRT' : (r.framework ?? '');
  return { runtime: ver && fw !== 'TensorRT' ? `${fw} ${ver}` : fw, date: ver ? `20${yy}-${mm}` : null };
}

/** Tables whose latency columns are in seconds although unlabelled: latency ≈ 1000 × batch / throughput fails by ~1000×. */
function secondsTables(rows: Row[]): Set<string> {
  const ratios = new Map<string, number[]>();
  for (const r of rows) {
    const t = num(r.throughput);
    const b = num(r.batch_size);
    const l = num(r.latency_avg_ms) ?? num(r.latency_p50_ms) ?? num(r.latency_p90_ms);
    if (!t || !b || !l || /\/ms/.test(r.throughput_unit ?? '')) continue;
    const id = r.table_id ?? '';
    ratios.set(id, [...(ratios.get(id) ?? []), l / ((1000 * b) / t)]);
  }
  const out = new Set<string>();
  for (const [id, v] of ratios) {
    const med = [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 1;
    if (med < 3e-3 || id.includes('TensorFlow/Recommendation/NCF')) out.add(id);
  }
  return out;
}

const LATENCY_COLS: [string, string][] = [
  ['latency_avg_ms', 'latency-avg'],
  ['latency_p50_ms', 'latency-p50'],
  ['latency_p90_ms', 'latency-p90'],
  ['latency_p95_ms', 'latency-p95'],
  ['latency_p99_ms', 'latency-p99'],
];

function hardwareOf(r: Row): string | null {
  const g = (r.gpu_model ?? '').trim();
  if (g !== '') return `${g} ${(r.gpu_memory ?? '').trim()}`.trim();
  const h = /\(\d+x ?(A100|V100|T4|A30|A10) (\d+)G(?:B)?\)/.exec(r.heading_path ?? '');
  return h?.[1] && h[2] ? `${h[1]} ${h[2]}GB` : null;
}

function imageSize(r: Row): number | null {
  const m = /^(\d+)x\1$/.exec((r.resolution ?? '').trim());
  return m?.[1] ? Number(m[1]) : null;
}

/** Parse both normalized DLE tables into long-format rows (throughput + one latency statistic per inference record). */
export function parseDle(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  const notes: string[] = [];
  const inf = readCsv(rawRoot, INF);
  const train = readCsv(rawRoot, TRAIN);
  const secs = secondsTables(inf);
  let millions = 0;
  for (const [file, data, mode] of [
    [INF, inf, 'inference'],
    [TRAIN, train, 'training'],
  ] as const) {
    data.forEach((r, i) => {
      const source_row = i + 1;
      const drop = (reason: string): number => drops.push({ source_file: file, source_row, reason });
      const hardware = hardwareOf(r);
      if (!hardware) return void drop(`GPU not identified in heading '${r.hardware ?? ''}'`);
      const prec = precisionOf(r, mode);
      if (!prec) return void drop(`precision ambiguous or not stated ('${r.precision ?? ''}')`);
      const n = mode === 'inference' ? (num(r.gpu_count) ?? 1) : num(r.num_gpus);
      if (n == null) return void drop('GPU count not stated');
      const tg = tags(r);
      const { runtime, date } = runtimeOf(r, tg);
      const j = rowJson(r);
      const seq =
        mode === 'inference' ? num(r.sequence_length) : num(j['Sequence Length'] ?? j['Sequence length']);
      const base: Omit<RawMeasurement, 'metric' | 'value' | 'unit' | 'scenario'> = {
        source_file: file,
        source_row,
        hardware,
        n_devices: n,
        model: dleModel(r),
        mode,
        precision: prec.precision,
        batch_size: num(mode === 'inference' ? r.batch_size : r.batch_size_per_gpu_raw),
        seq_len: seq,
        image_size: imageSize(r),
        runtime,
        date,
      };
      const before = rows.length;
      let thr = num(r.throughput);
      let unit = dleUnit(r);
      const tfNcf = r.framework === 'TensorFlow' && r.model_dir === 'Recommendation/NCF';
      if (thr != null && thr > 0 && tfNcf) {
        thr *= 1e6;
        unit = 'samples/s';
        millions++;
      }
      if (thr != null && thr > 0 && unit)
        rows.push({ ...base, scenario: tg.join('/') || null, metric: 'throughput', value: thr, unit });
      else if (thr != null && thr > 0) drop('throughput unit not stated in the table or README text');
      if (mode === 'inference') {
        const lat = LATENCY_COLS.map(([c, tag]) => [num(r[c]), tag] as const).find(
          ([v]) => v != null && v > 0,
        );
        if (lat && prec.ambiguous)
          drop(
            `latency not kept: table mixes precisions (${r.precision ?? ''}) and the latency column's precision is unclear`,
          );
        else if (lat?.[0] != null) {
          const inSeconds = secs.has(r.table_id ?? '');
          rows.push({
            ...base,
            scenario: [lat[1], ...tg].join('/'),
            metric: 'latency_ms',
            value: lat[0],
            unit: inSeconds ? 's' : 'ms',
          });
        }
      }
      if (rows.length === before && !drops.some((d) => d.source_file === file && d.source_row === source_row))
        drop('no throughput or latency value');
      return undefined;
    });
  }
  notes.push(
    `nvidia-dle: latency read as seconds (README states s or latency ≈ batch/throughput only in s) for tables: ${[...secs].join(', ')}`,
    `nvidia-dle: TensorFlow NCF throughput is in millions of samples/s (README) — multiplied by 1e6 (${millions} rows)`,
    'nvidia-dle: TF BERT "sent/sec" emitted as sequences/s; unit-less tables get the unit from the README sentence ("in X per second") or the model family (vision img/s, translation tokens/s, NCF samples/s)',
    'nvidia-dle: rows with mixed-precision tables (fp32|amp) keep throughput with the precision of its column; their latency is dropped',
    'nvidia-dle: one latency statistic per inference row (avg, else p50/p90/p95/p99), named in scenario',
    'nvidia-dle: BERT rows without a Model column take the size from the table caption (TF2 "BERT-Base FP16"), else BERT-large as the READMEs state (TF1/TF2 Results: "All results are on BERT-large model unless otherwise mentioned"; PyTorch/PaddlePaddle: run_pretraining.sh trains BERT-large)',
  );
  return { read: inf.length + train.length, rows, drops, notes };
}

/** NVIDIA DeepLearningExamples measurement source. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'NVIDIA DeepLearningExamples README performance tables',
    repository: 'https://github.com/NVIDIA/DeepLearningExamples',
    paths: `${INF}|${TRAIN}`,
    commit: '729963dd47e7c8bd462ad10bfac7a7b0b604e6dd',
    license: 'per model folder (mostly Apache-2.0; some BSD/MIT/other)',
  },
  parse: parseDle,
};
