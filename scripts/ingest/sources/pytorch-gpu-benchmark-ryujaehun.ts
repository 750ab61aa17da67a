/**
 * ryujaehun/pytorch-gpu-benchmark: per-iteration wall-clock times (ms) of torchvision CNNs, batch 12 per GPU.
 * Each CSV cell is one timed iteration; per (file, model) the median iteration is kept (a measured cell,
 * lower median for even counts) and the other iterations are dropped as repeats.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'pytorch-gpu-benchmark-ryujaehun';
const FOLDERS = [
  'new_results',
  'results/1080TI',
  'results/2080TI',
  'results/TITANXP',
  'results/TitanRTX',
  'results/TitanV',
  'results/dgx-a100',
];
const BATCH_PER_GPU = 12;

/** Software and run date per folder, from its system_info.txt (1080 Ti / TITAN V have none). */
const FOLDER_INFO: Record<string, { sw: string; date: string | null }> = {
  new_results: { sw: 'CUDA 10.0, cuDNN 7.6.0', date: '2020-01-17' },
  'results/TITANXP': { sw: 'CUDA 10.2, cuDNN 7.6.5', date: '2021-01-07' },
  'results/TitanRTX': { sw: 'CUDA 10.2, cuDNN 7.6.5', date: '2021-01-03' },
  'results/dgx-a100': { sw: 'CUDA 11.1, cuDNN 8.0.4', date: '2021-01-03' },
};

const PRECISION: Record<string, string> = { float: 'fp32', single: 'fp32', half: 'fp16', double: 'fp64' };

interface FileSetting {
  hardware: string;
  nGpus: number;
  precision: string;
  mode: 'inference' | 'training';
  oldScript: boolean;
}

/** `<GPU>_<N>_gpus__<prec>_model_<inference|train>_benchmark.csv` or 2019 `<GPU>_<prec>_model_<…>_benchmark[(k)].csv`. */
export function ryujaehunFileSetting(file: string): FileSetting | null {
  const m =
    /^(.+?)_(?:(\d)_gpus__)?(float|half|double|single)_model_(inference|train|training)_benchmark(?:\(\d\))?\.csv$/.exec(
      file,
    );
  if (!m) return null;
  const [, gpu, n, prec, kind] = m;
  return {
    hardware: gpu ?? '',
    nGpus: n ? Number(n) : 1,
    precision: PRECISION[prec ?? ''] ?? prec ?? '',
    mode: kind === 'inference' ? 'inference' : 'training',
    oldScript: n === undefined,
  };
}

/** The per-iteration CSVs, relative to the raw root, sorted. */
export function ryujaehunFiles(rawRoot: string): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(rawRoot, DIR, folder))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => `${DIR}/${folder}/${f}`),
  ).sort();
}

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  for (const source_file of ryujaehunFiles(rawRoot)) {
    const folder = source_file.slice(DIR.length + 1, source_file.lastIndexOf('/'));
    const setting = ryujaehunFileSetting(source_file.slice(source_file.lastIndexOf('/') + 1));
    const records = readCsv(rawRoot, source_file);
    const models = Object.keys(records[0] ?? {});
    if (!setting) {
      read += records.length * models.length;
      records.forEach((_, i) =>
        drops.push({ source_file, source_row: i + 1, reason: 'unrecognized file name' }),
      );
      continue;
    }
    const info = FOLDER_INFO[folder];
    const sw = [
      info?.sw,
      setting.oldScript ? '2019 script, 20 iterations' : '50 iterations',
      setting.nGpus > 1 ? 'nn.DataParallel' : undefined,
    ].filter(Boolean);
    const runtime = `PyTorch torchvision (${sw.join(', ')})`;
    for (const model of models) {
      const cells: { row: number; v: number }[] = [];
      records.forEach((rec, i) => {
        read++;
        const v = num(rec[model]);
        if (v === null)
          drops.push({ source_file, source_row: i + 1, reason: `non-numeric time for ${model}` });
        else cells.push({ row: i + 1, v });
      });
      if (cells.length === 0) continue;
      const sorted = [...cells].sort((a, b) => a.v - b.v || a.row - b.row);
      const med = sorted[Math.floor((sorted.length - 1) / 2)];
      if (!med) continue;
      for (const c of cells) {
        if (c === med) continue;
        drops.push({
          source_file,
          source_row: c.row,
          reason: 'repeat iteration of the same configuration (median iteration kept)',
        });
      }
      rows.push({
        source_file,
        source_row: med.row,
        hardware: setting.hardware,
        n_devices: setting.nGpus,
        model,
        mode: setting.mode,
        precision: setting.precision,
        batch_size: BATCH_PER_GPU * setting.nGpus,
        image_size: 224,
        metric: 'latency_ms',
        value: med.v,
        unit: 'ms',
        runtime,
        date: info?.date ?? null,
      });
    }
  }
  const dgx = `${DIR}/results/dgx.csv`;
  readCsv(rawRoot, dgx).forEach((_, i) => {
    read++;
    drops.push({
      source_file: dgx,
      source_row: i + 1,
      reason: 'no model named and unit of `times` not stated',
    });
  });
  return {
    read,
    rows,
    drops,
    notes: [
      'per (file, model) the median of the timed iterations is kept as a measured cell; other iterations dropped as repeats',
      'summary_per_gpu_model_precision_DERIVED.csv not used (derived); results/2080ti(2) CSVs were duplicates and are absent',
    ],
  };
}

/** ryujaehun/pytorch-gpu-benchmark: per-step latency of 32 torchvision CNNs on 6 GPU models (1–4 GPUs). */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'ryujaehun/pytorch-gpu-benchmark: CNN train/inference step times',
    repository: 'https://github.com/ryujaehun/pytorch-gpu-benchmark',
    paths: [...FOLDERS.map((f) => `${DIR}/${f}/*.csv`), `${DIR}/results/dgx.csv`].join('|'),
    commit: '3f47a9e2a43ca751ffade0add700b54b00e44bf0',
    license: 'MIT',
  },
  parse,
};
