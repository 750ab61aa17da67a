/**
 * The importer under malformed input: at least 10,000 malformed files and rows per run (counted below).
 * Whole files (random bytes, bad encodings, truncated Parquet and JSON, flipped bytes, wrong schemas) must
 * give an outcome, never a throw; generated tables with known defects (NaN, ±Infinity, negative, huge,
 * wrong types, unknown names, wrong units, duplicates, faster than physics) must report every defective row
 * as bad, keep every valid one, and leave the rows already imported untouched.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { METRIC_UNITS, METRICS, type MeasurementRow } from '../catalog/schema.ts';
import { boundValue, RATE_METRICS, workloadOf } from '../predict/observation.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import llamaCsv from './fixtures/llama-bench.csv?raw';
import llamaJson from './fixtures/llama-bench.json?raw';
import llamaMd from './fixtures/llama-bench.md?raw';
import measurementsCsv from './fixtures/measurements.csv?raw';
import mlperfJson from './fixtures/mlperf-summary_results.json?raw';
import timmCsv from './fixtures/timm-benchmark.csv?raw';
import trtllmJson from './fixtures/trtllm-bench.json?raw';
import vllmJson from './fixtures/vllm-serving.json?raw';
import { toCsv } from '../csv.ts';
import { CATALOG, utf8 } from './fixtures.test-util.ts';
import { importBytes, importText } from './import.ts';
import type { ImportOptions, ImportOutcome } from './types.ts';
import { ROOFLINE_TOLERANCE } from './plausible.ts';

const SEED = 20251129;
let malformedFiles = 0;
let malformedRows = 0;

afterAll(() => {
  // The floor: at least 10,000 malformed files and rows per run.
  console.log(`importer fuzz: ${malformedFiles} malformed files + ${malformedRows} malformed rows`);
  expect(malformedFiles + malformedRows).toBeGreaterThanOrEqual(10_000);
});

const OPTIONS: ImportOptions = { defaults: { hardware: 'RTX 4090', precision: 'fp16' } };
const FIXTURES = [llamaCsv, llamaJson, llamaMd, measurementsCsv, mlperfJson, timmCsv, trtllmJson, vllmJson];
const NAMES = ['x.csv', 'x.json', 'x.md', 'x.tsv', 'x.parquet', 'x', 'x.txt'];

/** Invariants of any outcome; for `ok`, of every kept and every bad row. */
function checkOutcome(r: ImportOutcome, file: string): void {
  expect(['ok', 'needs-mapping', 'error']).toContain(r.status);
  if (r.status === 'error') {
    expect(r.message.startsWith(`${file}: `)).toBe(true);
    expect(r.message.length).toBeGreaterThan(file.length + 5);
    return;
  }
  if (r.status === 'needs-mapping') {
    expect(r.columns.length).toBeGreaterThan(0);
    return;
  }
  for (const b of r.bad) {
    expect(Number.isInteger(b.row) && b.row >= 0).toBe(true);
    expect(b.column).not.toBe('');
    expect(b.reason).not.toBe('');
  }
  for (const g of r.good) checkGood(g);
}

function checkGood(g: MeasurementRow): void {
  expect(Number.isFinite(g.value) && g.value > 0).toBe(true);
  expect(METRICS).toContain(g.metric);
  expect(g.unit).toBe(METRIC_UNITS[g.metric]);
  expect(CATALOG.hardwareById.has(g.hardware_id)).toBe(true);
  expect(CATALOG.modelsById.has(g.model_id)).toBe(true);
  expect(g.source_id.startsWith('yours:')).toBe(true);
  expect(g.flags.split(';')).toContain('yours');
  expect(Number.isInteger(g.source_row) && g.source_row >= 1).toBe(true);
  expect(Number.isInteger(g.n_devices) && g.n_devices >= 1).toBe(true);
  for (const v of [g.batch_size, g.seq_len, g.prompt_tokens, g.gen_tokens, g.image_size])
    expect(v === null || (Number.isInteger(v) && v > 0)).toBe(true);
  if (g.metric === 'memory_mb' || g.flags.includes('roofline')) return;
  const est = rooflineEstimate(
    workloadOf(g, CATALOG.modelsById.get(g.model_id)!),
    CATALOG.hardwareById.get(g.hardware_id)!,
  );
  const bound = est.ok ? boundValue(est, g.metric) : null;
  if (bound === null) return;
  const beyond = RATE_METRICS.has(g.metric) ? g.value / bound : bound / g.value;
  expect(beyond).toBeLessThanOrEqual(ROOFLINE_TOLERANCE * (1 + 1e-9));
}

const asBytes = (text: string) => utf8(text);
const utf16 = (text: string, bom: 'le' | 'be' | 'none') => {
  const out: number[] = bom === 'le' ? [0xff, 0xfe] : bom === 'be' ? [0xfe, 0xff] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (bom === 'be') out.push(c >> 8, c & 255);
    else out.push(c & 255, c >> 8);
  }
  return new Uint8Array(out);
};

/** Malformed whole files, each from a different failure family. */
const malformedFile: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 600 }),
  fc.tuple(fc.constantFrom(...FIXTURES), fc.nat()).map(([f, n]) => asBytes(f.slice(0, n % f.length))),
  fc
    .tuple(
      fc.constantFrom(...FIXTURES),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    )
    .map(([f, flips]) => {
      const b = asBytes(f);
      for (const [at, v] of flips) b[at % b.length] = v;
      return b;
    }),
  fc
    .tuple(
      fc.constantFrom(...FIXTURES),
      fc.constantFrom('le', 'be', 'none') as fc.Arbitrary<'le' | 'be' | 'none'>,
    )
    .map(([f, bom]) => utf16(f, bom)),
  fc.tuple(fc.constantFrom(...FIXTURES), fc.nat()).map(([f, at]) => {
    const b = asBytes(f);
    const i = at % b.length;
    return new Uint8Array([...b.subarray(0, i), 0xe9, 0xc3, 0x28, ...b.subarray(i)]);
  }),
  fc
    .uint8Array({ minLength: 0, maxLength: 300 })
    .map((mid) => new Uint8Array([0x50, 0x41, 0x52, 0x31, ...mid])),
  fc
    .uint8Array({ minLength: 0, maxLength: 300 })
    .map((mid) => new Uint8Array([...mid, 0x50, 0x41, 0x52, 0x31])),
  fc.jsonValue({ maxDepth: 3 }).map((v) => asBytes(JSON.stringify(v) ?? 'null')),
  fc
    .array(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 6 }), {
      maxLength: 6,
    })
    .map((v) => asBytes(JSON.stringify(v))),
  fc
    .tuple(
      fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.array(fc.string({ maxLength: 14 }), { maxLength: 10 }), { maxLength: 8 }),
    )
    .map(([head, rows]) => asBytes([head.join(','), ...rows.map((r) => r.join(','))].join('\n'))),
  fc
    .array(
      fc.array(
        fc.constantFrom(
          'NaN',
          'Infinity',
          '-1',
          '1e999',
          '',
          '"',
          '""',
          '0x1F',
          '1,2',
          'null',
          '\u0000',
          '|',
          '---',
        ),
        { maxLength: 7 },
      ),
      { maxLength: 8 },
    )
    .map((rows) =>
      asBytes(
        ['hardware,model,metric,value,precision,batch_size,unit', ...rows.map((r) => r.join(','))].join('\n'),
      ),
    ),
  fc.string({ maxLength: 400 }).map(asBytes),
);

describe('importer fuzz: malformed files', () => {
  it('never throws and always says what happened', () => {
    fc.assert(
      fc.property(malformedFile, fc.constantFrom(...NAMES), (bytes, file) => {
        malformedFiles++;
        const r = importBytes(bytes, file, CATALOG, OPTIONS);
        checkOutcome(r, file);
      }),
      { numRuns: 4500, seed: SEED },
    );
  });
});

/** Valid rows, well inside each device's roofline; `scale` varies the value. */
const TEMPLATES: ((scale: number) => Record<string, unknown>)[] = [
  (s) => ({
    hardware: 'RTX 4090',
    model: 'resnet50',
    precision: 'fp16',
    batch_size: 64,
    metric: 'throughput',
    value: 1000 * s,
    unit: 'img/s',
  }),
  (s) => ({
    hardware: 'H100 SXM',
    model: 'Llama-3.1-8B-Instruct',
    precision: 'bf16',
    batch_size: 1,
    prompt_tokens: 512,
    gen_tokens: 128,
    metric: 'decode_tokens_s',
    value: 100 * s,
  }),
  (s) => ({
    hardware: 'A100 80GB',
    model: 'bert-base-uncased',
    precision: 'fp16',
    batch_size: 8,
    seq_len: 128,
    metric: 'latency_ms',
    value: 5 * s,
    unit: 'ms',
  }),
  (s) => ({
    hardware: 'M2 Max',
    model: 'Qwen2.5-7B-Instruct',
    precision: 'Q4_K_M',
    metric: 'decode_tokens_s',
    value: 40 * s,
    runtime: 'llama.cpp Metal',
  }),
  (s) => ({
    hardware: 'RTX 4090',
    model: 'resnet50',
    precision: 'fp16',
    batch_size: 64,
    metric: 'memory_mb',
    value: 3000 * s,
  }),
];

type Defect = (r: Record<string, unknown>, rnd: number) => void;
/** One defect per bad row: each must be reported. */
const DEFECTS: Record<string, Defect> = {
  nan: (r) => void (r.value = 'NaN'),
  infinity: (r) => void (r.value = 'Infinity'),
  negInfinity: (r) => void (r.value = '-Infinity'),
  negative: (r, x) => void (r.value = -1 - x),
  zero: (r) => void (r.value = 0),
  huge: (r) => void (r.value = 1e300),
  text: (r) => void (r.value = 'fast'),
  empty: (r) => void (r.value = ''),
  object: (r) => void (r.value = { v: 1 }),
  list: (r) => void (r.value = [1, 2]),
  boolean: (r) => void (r.value = true),
  unknownHardware: (r, x) => void (r.hardware = `zz-device-${Math.floor(x * 1e6)}`),
  unknownModel: (r, x) => void (r.model = `qq-model-${Math.floor(x * 1e6)}`),
  emptyModel: (r) => void (r.model = ''),
  unknownMetric: (r) => void (r.metric = 'speed'),
  wrongUnit: (r) => void (r.unit = r.metric === 'memory_mb' ? 'ms' : 'GB'),
  unknownPrecision: (r) => void (r.precision = 'fp17'),
  fractionalBatch: (r) => void (r.batch_size = 2.5),
  negativeBatch: (r) => void (r.batch_size = -4),
  hugeBatch: (r) => void (r.batch_size = 1e12),
  badDate: (r) => void (r.date = 'yesterday'),
  badMode: (r) => void (r.mode = 'benchmarking'),
  zeroDevices: (r) => void (r.n_devices = 0),
  beyondPhysics: (r) =>
    void (r.value = r.metric === 'latency_ms' ? 1e-5 : r.metric === 'memory_mb' ? 9e5 : 1e7),
  controlChars: (r) => void (r.runtime = 'torch\u0001\u0002'),
};
const DEFECT_NAMES = Object.keys(DEFECTS);

const COLUMNS = [
  'hardware',
  'model',
  'precision',
  'batch_size',
  'seq_len',
  'prompt_tokens',
  'gen_tokens',
  'metric',
  'value',
  'unit',
  'runtime',
  'date',
  'mode',
  'n_devices',
];

/** A plan: per row, a template and either no defect, a defect, or "duplicate an earlier valid row". */
const plan = fc.array(
  fc.record({
    template: fc.nat({ max: TEMPLATES.length - 1 }),
    defect: fc.oneof(fc.constant(null), fc.constant('duplicate'), fc.constantFrom(...DEFECT_NAMES)),
    rnd: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  { minLength: 24, maxLength: 40 },
);

function serialize(rows: Record<string, unknown>[], container: 'csv' | 'tsv' | 'json' | 'jsonl'): string {
  if (container === 'json') return JSON.stringify(rows);
  if (container === 'jsonl') return rows.map((r) => JSON.stringify(r)).join('\n');
  const text = toCsv(
    COLUMNS,
    rows.map((r) =>
      Object.fromEntries(
        COLUMNS.map((c) => [c, typeof r[c] === 'object' && r[c] !== null ? JSON.stringify(r[c]) : r[c]]),
      ),
    ),
  );
  return container === 'tsv' ? text.replaceAll(',', '\t') : text;
}

describe('importer fuzz: malformed rows', () => {
  it('reports every defective row, keeps every valid one, and leaves existing rows intact', () => {
    const base = importText(
      serialize([TEMPLATES[0]!(0.3), TEMPLATES[1]!(0.3)], 'csv'),
      'before.csv',
      CATALOG,
      { batch: 'before' },
    );
    if (base.status !== 'ok') throw new Error('base import failed');
    const existing = Object.freeze(
      base.good.map((g) => Object.freeze({ ...g })),
    ) as readonly MeasurementRow[];
    const snapshot = structuredClone(existing);
    fc.assert(
      fc.property(
        plan,
        fc.constantFrom('csv', 'json', 'jsonl') as fc.Arbitrary<'csv' | 'json' | 'jsonl'>,
        fc.boolean(),
        (steps, container, withExisting) => {
          const rows: Record<string, unknown>[] = [];
          const expectBad = new Set<number>();
          const expectGood = new Set<number>();
          const valid: Record<string, unknown>[] = [];
          steps.forEach((s, i) => {
            const row = TEMPLATES[s.template]!(0.5 + (i + 1) / 100 + s.rnd / 1000);
            if (s.defect === 'duplicate' && valid.length > 0) {
              rows.push({ ...valid[Math.floor(s.rnd * valid.length) % valid.length]! });
              expectBad.add(i + 1);
            } else if (s.defect !== null && s.defect !== 'duplicate') {
              DEFECTS[s.defect]!(row, s.rnd);
              if (container === 'csv' && s.defect === 'controlChars') row.runtime = 'torch\u0001';
              rows.push(row);
              expectBad.add(i + 1);
            } else {
              rows.push(row);
              valid.push(row);
              expectGood.add(i + 1);
            }
          });
          // A duplicate of a row imported before: bad when the earlier rows are passed in.
          if (withExisting) {
            rows.push(TEMPLATES[0]!(0.3));
            expectBad.add(rows.length);
          }
          malformedRows += expectBad.size;
          const r = importText(
            serialize(rows, container),
            `fuzz.${container}`,
            CATALOG,
            withExisting ? { existing } : {},
          );
          if (r.status !== 'ok') throw new Error(`${r.status}: ${r.message}`);
          checkOutcome(r, `fuzz.${container}`);
          const badRows = new Set(r.bad.map((b) => b.row));
          const goodRows = new Set(r.good.map((g) => g.source_row));
          for (const n of expectBad)
            expect(badRows.has(n), `row ${n} (${JSON.stringify(rows[n - 1])}) should be reported`).toBe(true);
          for (const n of expectGood)
            expect(
              goodRows.has(n),
              `row ${n} should be kept: ${JSON.stringify(r.bad.filter((b) => b.row === n))}`,
            ).toBe(true);
          expect(r.good.length).toBe(expectGood.size);
          const kept = [...existing, ...r.good];
          expect(kept.slice(0, existing.length)).toEqual(snapshot);
        },
      ),
      { numRuns: 300, seed: SEED },
    );
    expect(existing).toEqual(snapshot);
  });
});
