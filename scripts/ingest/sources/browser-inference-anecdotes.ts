/**
 * Single in-browser data points quoted from GitHub threads. A row yields up to two numbers (WASM, WebGPU);
 * each is kept only when the device that ran it is identified and the figure is a measured time.
 */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'browser-inference-anecdotes';
const FILE = `${DIR}/anecdotes.csv`;

const UNITS = new Set(['ms', 's']);

/** A named GPU ("NVIDIA RTX 4090"); "not stated", "real GPU (unspecified)", "16 cores" name no device. */
function gpuOf(deviceOrHw: string): string | null {
  const m = /\b((?:NVIDIA )?(?:GeForce )?RTX \d{4}(?: Ti)?|Apple M\d(?: Pro| Max| Ultra)?)\b/.exec(
    deviceOrHw,
  );
  return m?.[1] ?? null;
}

/** Threads the maintainers marked invalid or where the reporter's setup is in doubt (per the quoted note). */
const isDisputed = (note: string): boolean => /labelled invalid|measurement\/setup issue/i.test(note);

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  readCsv(rawRoot, FILE).forEach((rec, i) => {
    read++;
    const source_row = i + 1;
    const drop = (reason: string) => drops.push({ source_file: FILE, source_row, reason });
    const unit = rec.unit ?? '';
    if (!UNITS.has(unit)) return drop(`not a measured time (unit "${unit}")`);
    const wasm = num(rec.wasm_value);
    const webgpu = num(rec.webgpu_value);
    if (wasm === null && webgpu === null) return drop('no numeric value');
    const gpu = gpuOf(rec.device_or_hw ?? '');
    if (wasm !== null) drop('device not identified (WASM runs on the host CPU, which is not stated)');
    if (webgpu === null) return undefined;
    if (!gpu) return drop('device not identified');
    if (isDisputed(rec.quote_or_note ?? ''))
      return drop('measurement disputed in the thread (issue labelled invalid)');
    rows.push({
      source_file: FILE,
      source_row,
      hardware: gpu,
      n_devices: 1,
      model: rec.model ?? '',
      mode: 'inference',
      scenario: rec.metric ?? null,
      precision: rec.dtype ?? '',
      metric: 'latency_ms',
      value: webgpu,
      unit,
      runtime: `${rec.runtime} WebGPU / ${rec.browser || 'browser not stated'}`,
      date: rec.date || null,
    });
    return undefined;
  });
  return { read, rows, drops, notes: [] };
}

/** In-browser inference anecdotes (onnxruntime-web, transformers.js, tfjs) from GitHub issues. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'In-browser inference anecdotes from GitHub issue threads',
    repository: 'https://github.com (issue threads; URL per row in anecdotes.csv)',
    paths: FILE,
    commit: null,
    license: 'GitHub user content; figures used as facts with attribution',
  },
  parse,
};
