/** TensorFlow.js backend README: MobileNet V2 / Face Detector latency per device and backend (Chrome 79). */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'tfjs-wasm-backend-bench';
const FILE = `${DIR}/tfjs_wasm_webgl_js_latency.csv`;

/**
 * Physical devices as the README names them. "Desktop Windows/Linux" and "Node v.14 on Macbook Pro" (year not
 * stated) name no identifiable device and are dropped.
 */
const DEVICES: Record<string, string> = {
  'iPhone X': 'iPhone X',
  'iPhone XS': 'iPhone XS',
  'Pixel 4': 'Pixel 4',
  'ThinkPad X1 Gen6 w/Linux': 'ThinkPad X1 Gen6',
  'Macbook Pro 15 2019': 'MacBook Pro 15 (2019)',
};

function parse(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  readCsv(rawRoot, FILE).forEach((rec, i) => {
    read++;
    const source_row = i + 1;
    const value = num(rec.latency_ms);
    if (value === null)
      return drops.push({ source_file: FILE, source_row, reason: 'N/A in README (not measured)' });
    const hardware = DEVICES[rec.device ?? ''];
    if (!hardware) return drops.push({ source_file: FILE, source_row, reason: 'device not identified' });
    rows.push({
      source_file: FILE,
      source_row,
      hardware,
      n_devices: 1,
      model: rec.model ?? '',
      mode: 'inference',
      precision: 'fp32',
      batch_size: num(rec.batch) ?? 1,
      metric: 'latency_ms',
      value,
      unit: 'ms',
      runtime: `TensorFlow.js ${rec.backend} / Chrome 79`,
    });
    return undefined;
  });
  return {
    read,
    rows,
    drops,
    notes: ['precision taken as fp32 (tfjs default; not stated per row)'],
  };
}

/** tfjs-backend-wasm README benchmarks: mean of 200 runs, batch 1, WASM / WebGL / plain JS in Chrome 79. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'TensorFlow.js WASM vs WebGL vs plain-JS backend latency',
    repository: 'https://github.com/tensorflow/tfjs',
    paths: FILE,
    commit: '0107aa99f848fac16f94c9fcdb635f0e13320b59',
    license: 'Apache-2.0',
  },
  parse,
};
