/** timm (pytorch-image-models) benchmark CSVs: throughput and step time per model × resolution. */
import { readCsv, num } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'timm';

/** The benchmark files read, in order (the results/metadata CSVs carry no timings). */
export const TIMM_FILES = [
  'benchmark-infer-amp-nchw-pt240-cu124-rtx3090.csv',
  'benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv',
  'benchmark-infer-amp-nchw-pt291-cu128-4090-dynamo.csv',
  'benchmark-infer-amp-nchw-pt291-cu128-4090.csv',
  'benchmark-infer-amp-nchw-pt291-cu130-pro6000maxq-dynamo.csv',
  'benchmark-infer-amp-nchw-pt291-cu130-pro6000maxq.csv',
  'benchmark-infer-amp-nhwc-pt240-cu124-rtx3090.csv',
  'benchmark-infer-amp-nhwc-pt240-cu124-rtx4090.csv',
  'benchmark-infer-amp_bf16-nchw-pt291-cu130-pro6000maxq-dynamo.csv',
  'benchmark-infer-bf16-nchw-pt291-cu130-pro6000maxq-dynamo.csv',
  'benchmark-infer-fp32-nchw-pt240-cpu-i7_12700h-dynamo.csv',
  'benchmark-infer-fp32-nchw-pt240-cpu-i9_10940x-dynamo.csv',
  'benchmark-train-amp-nchw-pt112-cu113-rtx3090.csv',
] as const;

const DEVICES: Record<string, string> = {
  rtx3090: 'RTX 3090',
  rtx4090: 'RTX 4090',
  '4090': 'RTX 4090',
  pro6000maxq: 'RTX PRO 6000 Blackwell Max-Q',
  i9_10940x: 'Core i9-10940X',
  i7_12700h: 'Core i7-12700H',
};

/** Commit date of the pt291 files (SOURCE.md: added in 90cae8c, 2026-01-06); older files are undated. */
const PT291_DATE = '2026-01-06';

interface FileSetting {
  mode: 'inference' | 'training';
  precision: string;
  hardware: string;
  runtime: string;
  date: string | null;
}

/** Decode `benchmark-<infer|train>-<prec>-<layout>-pt<ver>-<cuXXX|cpu>-<device>[-dynamo].csv`. */
export function timmFileSetting(file: string): FileSetting {
  const m =
    /^benchmark-(infer|train)-(amp_bf16|amp|bf16|fp32)-(nchw|nhwc)-pt(\d)(\d)(\d+)-(cu\d+|cpu)-(.+?)(-dynamo)?\.csv$/.exec(
      file,
    );
  if (!m) throw new Error(`timm: unexpected file name ${file}`);
  const [, kind, precision, layout, major, minor, patch, accel, device, dynamo] = m as unknown as string[];
  const hardware = DEVICES[device ?? ''];
  if (!hardware || !precision || !accel) throw new Error(`timm: unknown device in ${file}`);
  const parts = [accel, layout, ...(dynamo ? ['torch.compile'] : [])];
  return {
    mode: kind === 'train' ? 'training' : 'inference',
    precision,
    hardware,
    runtime: `PyTorch ${major}.${minor}.${patch} (${parts.join(', ')})`,
    date: `${major}${minor}${patch}` === '291' ? PT291_DATE : null,
  };
}

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  for (const file of TIMM_FILES) {
    const setting = timmFileSetting(file);
    const p = setting.mode === 'training' ? 'train' : 'infer';
    const source_file = `${DIR}/${file}`;
    readCsv(rawRoot, source_file).forEach((rec, i) => {
      read++;
      const source_row = i + 1;
      const model = rec.model ?? '';
      if (model === '') return drops.push({ source_file, source_row, reason: 'empty model name' });
      if (model.startsWith('test_'))
        return drops.push({ source_file, source_row, reason: 'toy test_* model (not a real architecture)' });
      const sps = num(rec[`${p}_samples_per_sec`]);
      const step = num(rec[`${p}_step_time`]);
      const batch = num(rec[`${p}_batch_size`]);
      const img = num(rec[`${p}_img_size`]);
      if (sps === null && step === null)
        return drops.push({ source_file, source_row, reason: 'no numeric throughput or step time' });
      const base = {
        source_file,
        source_row,
        hardware: setting.hardware,
        n_devices: 1,
        model,
        mode: setting.mode,
        precision: setting.precision,
        batch_size: batch,
        image_size: img,
        runtime: setting.runtime,
        date: setting.date,
      };
      if (sps !== null) rows.push({ ...base, metric: 'throughput', value: sps, unit: 'samples/s' });
      if (step !== null) rows.push({ ...base, metric: 'latency_ms', value: step, unit: 'ms' });
      return undefined;
    });
  }
  return { read, rows, drops, notes: [] };
}

/** timm benchmark source: one throughput and one step-latency row per (model, resolution) record. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'timm (pytorch-image-models) inference and training benchmarks',
    repository: 'https://github.com/huggingface/pytorch-image-models',
    paths: TIMM_FILES.map((f) => `${DIR}/${f}`).join('|'),
    commit: 'aa4b5850c1543fa488abf260f18390eda46cf85d',
    license: 'Apache-2.0',
  },
  parse,
};
