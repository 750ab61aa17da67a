import fc from 'fast-check';
import { sanitizeLabel } from '../lab/profile-codec.ts';
import type { BrowserProfile } from '../lab/profile.ts';
import { describe, expect, it } from 'vitest';
import { GGUF_BITS, PRECISIONS } from '../catalog/normalize.ts';
import { SORTABLE_COLUMNS } from '../sql/measurements.ts';
import {
  ARCHITECTURES,
  isSearchText,
  MATRIX_COLUMNS,
  MAX_HARDWARE,
  MAX_SEARCH_CHARS,
  MODES,
  NUMBER_RULES,
  OBJECTIVES,
  PAGE_SIZES,
  PLATFORMS,
  RUNTIME_SETTINGS,
  SCENARIOS,
  SELECTION_PAGES,
  isSelectionPrecision,
  isValidSelection,
  type NumberRule,
  type Selection,
} from './selection.ts';
import { decodeSelection, encodeSelection, MAX_LINK_CHARS, UNREADABLE } from './url-codec.ts';

const id = fc.stringMatching(/^[a-z0-9._+-]{1,128}$/);
const num = (r: NumberRule) =>
  r.int
    ? fc.integer({ min: r.min, max: r.max })
    : fc.double({ min: r.min, max: r.max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const opt = (r: NumberRule) => fc.option(num(r), { nil: null });

const custom = fc.record({
  params: num(NUMBER_RULES.params),
  layers: num(NUMBER_RULES.layers),
  hidden: num(NUMBER_RULES.hidden),
  heads: num(NUMBER_RULES.heads),
  kvHeads: num(NUMBER_RULES.kvHeads),
  ffn: num(NUMBER_RULES.ffn),
  vocab: num(NUMBER_RULES.vocab),
  gflops: opt(NUMBER_RULES.gflops),
  arch: fc.constantFrom(...ARCHITECTURES),
});
const model = fc.oneof(
  id.filter((m) => m !== 'custom').map((m) => ({ model: m, custom: null })),
  custom.map((c) => ({ model: 'custom', custom: c })),
);
const precision = fc
  .constantFrom('best', ...PRECISIONS, ...Object.keys(GGUF_BITS))
  .filter(isSelectionPrecision);

/** A measured figure as the codec writes it (5 significant digits). */
const figure = fc.double({ min: 0.001, max: 1e6, noNaN: true }).map((x) => Number(x.toPrecision(5)));
const profileArb: fc.Arbitrary<BrowserProfile> = fc
  .record({
    label: fc
      .string({ minLength: 1, maxLength: 40 })
      .map((t) => sanitizeLabel(t))
      .filter((t) => t.length > 0),
    webgpu: fc.option(
      fc.record({
        fp32: figure,
        fp16: fc.option(figure, { nil: null }),
        bw: fc.option(figure, { nil: null }),
        maxBufferMib: figure,
        maxBindingMib: figure,
        software: fc.boolean(),
      }),
      { nil: null },
    ),
    wasm: fc.option(
      fc.record({
        gflops: figure,
        bw: fc.option(figure, { nil: null }),
        simd: fc.boolean(),
        threads: fc.boolean(),
      }),
      { nil: null },
    ),
    webnn: fc.option(figure, { nil: null }),
    cores: fc.option(fc.integer({ min: 1, max: 256 }), { nil: null }),
    memoryGb: fc.option(fc.constantFrom(0.25, 0.5, 1, 2, 4, 8), { nil: null }),
  })
  .filter((p) => p.webgpu !== null || p.wasm !== null || p.webnn !== null);

/** Free text as a filter holds it: trimmed, no control characters (any other Unicode, `%`, `&`, `+`…). */
const searchText = fc
  .oneof(fc.string({ maxLength: MAX_SEARCH_CHARS }), fc.string({ unit: 'grapheme', maxLength: 30 }))
  .map((t) => t.trim())
  .filter(isSearchText);

const data = fc.record({
  filters: fc.record(
    {
      hardwareId: id,
      modelSearch: searchText.filter((t) => t !== ''),
      sourceId: id,
      metric: id,
      precision: id,
    },
    { requiredKeys: [] },
  ),
  sort: fc.record({
    column: fc.constantFrom(...SORTABLE_COLUMNS),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  pageIndex: fc.integer({ min: 0, max: NUMBER_RULES.page.max - 1 }),
  pageSize: fc.constantFrom(...PAGE_SIZES),
});
const matrix = fc.record({ columns: fc.constantFrom(...MATRIX_COLUMNS), family: searchText });

/** Any valid selection. */
const selectionArb: fc.Arbitrary<Selection> = fc
  .record({
    page: fc.constantFrom(...SELECTION_PAGES),
    model,
    mode: fc.constantFrom(...MODES),
    precision,
    runtime: fc.constantFrom(...RUNTIME_SETTINGS),
    scenario: fc.constantFrom(...SCENARIOS),
    batch: num(NUMBER_RULES.batch),
    seq: num(NUMBER_RULES.seq),
    prompt: num(NUMBER_RULES.prompt),
    gen: num(NUMBER_RULES.gen),
    image: num(NUMBER_RULES.image),
    devices: num(NUMBER_RULES.devices),
    constraints: fc.record({
      maxLatencyMs: opt(NUMBER_RULES.maxLatencyMs),
      minThroughput: opt(NUMBER_RULES.minThroughput),
      minMemoryGb: opt(NUMBER_RULES.minMemoryGb),
      maxPriceUsd: opt(NUMBER_RULES.maxPriceUsd),
      maxCloudUsdHr: opt(NUMBER_RULES.maxCloudUsdHr),
      maxPowerW: opt(NUMBER_RULES.maxPowerW),
    }),
    platforms: fc.subarray([...PLATFORMS], { minLength: 1 }),
    objective: fc.constantFrom(...OBJECTIVES),
    hardware: fc.uniqueArray(id, { maxLength: MAX_HARDWARE }),
    lab: fc.option(profileArb, { nil: null }),
    data,
    matrix,
    sv: fc.option(id, { nil: null }),
    mv: fc.option(id, { nil: null }),
  })
  .map(({ model: m, ...rest }) => ({ ...rest, ...m }));

const HOSTILE = [
  '<script>alert(1)</script>',
  '%00',
  '%',
  '%E0%A4%A',
  '%ZZ',
  '1e999',
  '-1',
  '99999999999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  '&',
  '=',
  '&&==&',
  '&batch=2&batch=3',
  '&v=2',
  '&page=',
  ',,,',
  '+',
  '\u0000',
  '\uD800',
  'javascript:alert(1)',
  '"><img src=x onerror=alert(1)>',
  '__proto__',
  '&__proto__=1&constructor=x',
  '&hardware=' + 'a,'.repeat(40),
  '&runtime=vLLM 0.9.1',
  '&runtime=llama.cpp%20(Metal)',
  '&runtime=foo',
  '&batch=max',
  '&scenario=offline',
  '&sort=-value',
  '&sort=;drop table measurements',
  '&p=0',
  '&per_page=7',
  '&q_model=%0A',
  '&q_model=%ED%A0%80',
  '&q_model=' + 'x'.repeat(200),
  '&matrix_family=llama%20',
  '&matrix_columns=nope',
];

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string()),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(link: string, ms: Mutation[]): string {
  let s = link;
  for (const m of ms) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.n);
    else s = s.slice(0, at) + m.text + s.slice(at + m.text.length);
  }
  return s;
}

/** decode never throws, returns a valid selection, names a field in every issue, and is canonical. */
function checkDecode(search: string): void {
  const { selection, issues } = decodeSelection(search);
  expect(isValidSelection(selection)).toBe(true);
  for (const i of issues) {
    expect(typeof i.field).toBe('string');
    expect(i.field.length).toBeGreaterThan(0);
    expect(i.message.length).toBeGreaterThan(0);
    expect(i.message).not.toBe(UNREADABLE);
  }
  expect(issues.length).toBeLessThanOrEqual(20);
  const again = decodeSelection(encodeSelection(selection));
  expect(again.issues).toEqual([]);
  expect(again.selection).toEqual(selection);
}

describe('round trip', () => {
  it('decode(encode(s)) equals s, with no issues', () => {
    fc.assert(
      fc.property(selectionArb, (s) => {
        expect(isValidSelection(s)).toBe(true);
        const { selection, issues } = decodeSelection(`?${encodeSelection(s)}`);
        expect(issues).toEqual([]);
        expect(selection).toEqual(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes v=1 first (or only a page), and no JSON', () => {
    fc.assert(
      fc.property(selectionArb, (s) => {
        const q = encodeSelection(s);
        expect(q === '' || q.startsWith('v=1&') || /^page=[a-z]+$/.test(q)).toBe(true);
        expect(q).not.toMatch(/[{}[\]"]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzzing', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkDecode), { numRuns: 3000 });
  });

  it('random parameter soups', () => {
    const name = fc.oneof(
      fc.constantFrom(
        'v',
        'page',
        'model',
        'batch',
        'hardware',
        'platforms',
        'params',
        'runtime',
        'scenario',
        'q_hw',
        'q_model',
        'q_source',
        'q_metric',
        'q_precision',
        'sort',
        'p',
        'per_page',
        'matrix_columns',
        'matrix_family',
      ),
      fc.string(),
    );
    const value = fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.constantFrom('max', 'offline', 'single-stream', ...RUNTIME_SETTINGS, 'TensorRT-LLM 0.12', 'MLX'),
      fc.string(),
      fc.double().map(String),
      fc.bigInt().map(String),
    );
    const soup = fc
      .array(fc.tuple(name, value), { maxLength: 40 })
      .map((ps) => ps.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(fc.property(soup, checkDecode), { numRuns: 2000 });
  });

  it('mutated valid links', () => {
    fc.assert(
      fc.property(selectionArb, fc.array(mutation, { minLength: 1, maxLength: 6 }), (s, ms) =>
        checkDecode(mutate(`?${encodeSelection(s)}`, ms)),
      ),
      { numRuns: 3000 },
    );
  });

  it('10 kB+ of junk and repeated parameters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 10_000, maxLength: 20_000 }), checkDecode), {
      numRuns: 50,
    });
    checkDecode('batch=1&'.repeat(5000));
    checkDecode(`model=${'a'.repeat(MAX_LINK_CHARS * 2)}`);
    checkDecode('<script>'.repeat(3000));
    checkDecode('%'.repeat(MAX_LINK_CHARS + 5));
  });
});
