/** The view state every shareable link encodes: the shape of the store's selection slice. */
import { normalizePrecision } from '../catalog/normalize.ts';
import { RUNTIME_CLASSES, type RuntimeClass } from '../catalog/runtime.ts';
import type { Mode } from '../catalog/schema.ts';
import { decodeProfile, encodeProfile } from '../lab/profile-codec.ts';
import type { BrowserProfile } from '../lab/profile.ts';
import type { Scenario } from '../predict/operating-point.ts';
import { DEFAULTS } from '../roofline/workload.ts';
import { BROWSER_PLATFORMS, PLATFORM_CLASSES, type PlatformClass } from '../select/platforms.ts';
import {
  DEFAULT_SORT,
  SORTABLE_COLUMNS,
  type MeasurementFilters,
  type MeasurementSort,
} from '../sql/measurements.ts';

export const SELECTION_PAGES = [
  'predict',
  'recommend',
  'compare',
  'matrix',
  'data',
  'sources',
  'lab',
  'accuracy',
  'yours',
] as const;
export type SelectionPage = (typeof SELECTION_PAGES)[number];

export const MODES = ['inference', 'training'] as const satisfies readonly Mode[];

/** The platform classes a link may filter on: the ranking's classes (one list for both). */
export const PLATFORMS = PLATFORM_CLASSES;
export type Platform = PlatformClass;

/** Shorthands accepted in `platforms=` (and written when a whole group is selected). */
export const PLATFORM_GROUPS: Readonly<Record<string, readonly Platform[]>> = {
  gpu: ['datacenter-gpu', 'workstation-gpu', 'consumer-gpu'],
  browser: BROWSER_PLATFORMS,
};

/** The software stack a prediction assumes: a runtime class, or `auto` (the most measured one per device). */
export type RuntimeSetting = RuntimeClass | 'auto';
export const RUNTIME_SETTINGS: readonly RuntimeSetting[] = ['auto', ...RUNTIME_CLASSES];

/** `single-stream` predicts the given batch; `offline` the system's best throughput (batch and layout searched). */
export const SCENARIOS = ['single-stream', 'offline'] as const satisfies readonly Scenario[];
export type { Scenario };

export const OBJECTIVES = ['latency', 'throughput', 'throughput_per_dollar', 'throughput_per_watt'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Precisions the workload controls offer (value, label); `best` lets each device use its best supported one. */
export const PRECISION_CHOICES: readonly (readonly [string, string])[] = [
  ['best', 'best available per device'],
  ['fp32', 'fp32'],
  ['tf32', 'tf32'],
  ['bf16', 'bf16'],
  ['fp16', 'fp16'],
  ['fp8', 'fp8'],
  ['fp4', 'fp4'],
  ['int8', 'int8'],
  ['int4', 'int4'],
  ['q8_0', 'q8_0 (GGUF)'],
  ['q6_k', 'q6_k (GGUF)'],
  ['q5_k_m', 'q5_k_m (GGUF)'],
  ['q4_k_m', 'q4_k_m (GGUF)'],
  ['q4_0', 'q4_0 (GGUF)'],
];

export const ARCHITECTURES = [
  'decoder-only',
  'encoder-only',
  'encoder-decoder',
  'cnn',
  'vit',
  'hybrid',
  'moe-decoder',
  'other',
] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** A user-described model (`model=custom`). */
export interface CustomModel {
  /** Parameters, billions. */
  params: number;
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  ffn: number;
  vocab: number;
  /** Forward GFLOPs per token (sequence models) or per sample; null: derived from params. */
  gflops: number | null;
  arch: Architecture;
}

/** Upper (or lower) limits on what a ranked device may do or cost; null: no limit. */
export interface Constraints {
  maxLatencyMs: number | null;
  minThroughput: number | null;
  minMemoryGb: number | null;
  maxPriceUsd: number | null;
  maxCloudUsdHr: number | null;
  maxPowerW: number | null;
}

/** Rows per page the Data page offers. */
export const PAGE_SIZES = [25, 50, 100, 250] as const;

/** The Data page's measurements table: filters, sort and paging (`q_*`, `sort`, `p`, `per_page`). */
export interface MeasurementsView {
  /** Each filter is absent for "any"; ids are lowercase, the model search is trimmed text. */
  filters: MeasurementFilters;
  sort: MeasurementSort;
  /** Zero-based page (the link's `p` is one-based). */
  pageIndex: number;
  pageSize: (typeof PAGE_SIZES)[number];
}

/** How the compatibility matrix groups platforms into columns. */
export const MATRIX_COLUMNS = ['backend', 'architecture'] as const;
export type MatrixColumns = (typeof MATRIX_COLUMNS)[number];

/** The Matrix page's view (its precision is the selection's: `best` is the 16/32-bit → 8/4-bit ladder). */
export interface MatrixView {
  columns: MatrixColumns;
  /** Show only families whose name contains this text ('' = all). */
  family: string;
}

export interface Selection {
  page: SelectionPage;
  /** A catalog model id, or `custom` (then `custom` holds the description). */
  model: string;
  /** Set exactly when `model === 'custom'`. */
  custom: CustomModel | null;
  mode: Mode;
  /** A normalized precision (`fp16`…), a GGUF kind (`q4_k_m`…) or `best` (best available per device). */
  precision: string;
  runtime: RuntimeSetting;
  scenario: Scenario;
  /** Ignored by `offline`, which searches the batch. */
  batch: number;
  seq: number;
  prompt: number;
  gen: number;
  image: number;
  devices: number;
  constraints: Constraints;
  /** Platforms to rank, in PLATFORMS order, no repeats, never empty. */
  platforms: Platform[];
  objective: Objective;
  /** Hardware ids to compare, at most MAX_HARDWARE, no repeats. */
  hardware: string[];
  /** A browser's measured profile (the lab's "This browser" devices); null when none. */
  lab: BrowserProfile | null;
  /** The Data page's table state. */
  data: MeasurementsView;
  /** The Matrix page's view. */
  matrix: MatrixView;
  /** Snapshot id the link was made with; null when not recorded. */
  sv: string | null;
  /** Model version the link was made with; null when not recorded. */
  mv: string | null;
}

export const MAX_HARDWARE = 12;

export const DEFAULT_CUSTOM: Readonly<CustomModel> = Object.freeze({
  params: 7,
  layers: 32,
  hidden: 4096,
  heads: 32,
  kvHeads: 8,
  ffn: 14336,
  vocab: 128256,
  gflops: null,
  arch: 'decoder-only',
});

export const NO_CONSTRAINTS: Readonly<Constraints> = Object.freeze({
  maxLatencyMs: null,
  minThroughput: null,
  minMemoryGb: null,
  maxPriceUsd: null,
  maxCloudUsdHr: null,
  maxPowerW: null,
});

export const DEFAULT_MEASUREMENTS_VIEW: Readonly<MeasurementsView> = Object.freeze({
  filters: Object.freeze({}),
  sort: Object.freeze({ ...DEFAULT_SORT }),
  pageIndex: 0,
  pageSize: 50,
} satisfies MeasurementsView);

export const DEFAULT_MATRIX_VIEW: Readonly<MatrixView> = Object.freeze({
  columns: 'backend',
  family: '',
} satisfies MatrixView);

export const DEFAULT_SELECTION: Readonly<Selection> = Object.freeze({
  page: 'recommend',
  model: 'llama-3.1-8b',
  custom: null,
  mode: 'inference',
  precision: 'best',
  runtime: 'auto',
  scenario: 'single-stream',
  batch: 1,
  seq: DEFAULTS.seqLen,
  prompt: DEFAULTS.promptTokens,
  gen: DEFAULTS.genTokens,
  image: DEFAULTS.imageSize,
  devices: 1,
  constraints: NO_CONSTRAINTS,
  platforms: [...PLATFORMS],
  objective: 'throughput',
  hardware: [],
  lab: null,
  data: DEFAULT_MEASUREMENTS_VIEW,
  matrix: DEFAULT_MATRIX_VIEW,
  sv: null,
  mv: null,
} satisfies Selection);

/** A fresh, mutable copy of the defaults. */
export function defaultSelection(): Selection {
  return {
    ...DEFAULT_SELECTION,
    constraints: { ...NO_CONSTRAINTS },
    platforms: [...PLATFORMS],
    hardware: [],
    data: { ...DEFAULT_MEASUREMENTS_VIEW, filters: {}, sort: { ...DEFAULT_SORT } },
    matrix: { ...DEFAULT_MATRIX_VIEW },
  };
}

/** Ids: lowercase letters, digits, `. _ - +`; 1–128 characters. Catalog existence is checked by the app. */
export const ID_PATTERN = /^[a-z0-9._+-]{1,128}$/;
/** Source ids: an id, or `yours:` and an id (a batch of your imported rows, from the Your data page). */
export const SOURCE_ID_PATTERN = /^(?:yours:)?[a-z0-9._+-]{1,128}$/;

/** Inclusive bounds of each number; `int` when only whole numbers are allowed. */
export interface NumberRule {
  min: number;
  max: number;
  int: boolean;
}

/** Longest free-text filter (the Data page's model search, the Matrix's family filter), characters. */
export const MAX_SEARCH_CHARS = 100;

/** Is `t` a filter text a selection may hold: trimmed, short, no control characters or lone surrogates? */
export function isSearchText(t: unknown): t is string {
  return (
    typeof t === 'string' && t === t.trim() && t.length <= MAX_SEARCH_CHARS && !/[\p{Cc}\p{Cs}]/u.test(t)
  );
}

const TOKENS: NumberRule = { min: 1, max: 1_048_576, int: true };
export const NUMBER_RULES = {
  batch: { min: 1, max: 65_536, int: true },
  seq: TOKENS,
  prompt: TOKENS,
  gen: TOKENS,
  image: { min: 1, max: 16_384, int: true },
  devices: { min: 1, max: 1024, int: true },
  /** The Data page's one-based page number. */
  page: { min: 1, max: 1_000_000, int: true },
  params: { min: 1e-6, max: 100_000, int: false },
  layers: { min: 1, max: 1024, int: true },
  hidden: { min: 1, max: 1_048_576, int: true },
  heads: { min: 1, max: 65_536, int: true },
  kvHeads: { min: 1, max: 65_536, int: true },
  ffn: { min: 1, max: 16_777_216, int: true },
  vocab: { min: 1, max: 16_777_216, int: true },
  gflops: { min: 1e-6, max: 1e9, int: false },
  maxLatencyMs: { min: 1e-6, max: 1e9, int: false },
  minThroughput: { min: 0, max: 1e12, int: false },
  minMemoryGb: { min: 0, max: 1e6, int: false },
  maxPriceUsd: { min: 1e-6, max: 1e9, int: false },
  maxCloudUsdHr: { min: 1e-6, max: 1e6, int: false },
  maxPowerW: { min: 1e-6, max: 1e7, int: false },
} as const satisfies Record<string, NumberRule>;

/** Does `n` satisfy `rule`? */
export function inRule(n: unknown, rule: NumberRule): n is number {
  return (
    typeof n === 'number' &&
    Number.isFinite(n) &&
    n >= rule.min &&
    n <= rule.max &&
    (!rule.int || Number.isInteger(n))
  );
}

/** Is `p` a precision a selection may hold (`best`, or already normalized)? */
export function isSelectionPrecision(p: unknown): p is string {
  return typeof p === 'string' && (p === 'best' || (p.length <= 32 && normalizePrecision(p) === p));
}

const has = <T extends string>(list: readonly T[], x: unknown): x is T =>
  typeof x === 'string' && (list as readonly string[]).includes(x);

function isValidCustom(c: CustomModel): boolean {
  return (
    inRule(c.params, NUMBER_RULES.params) &&
    inRule(c.layers, NUMBER_RULES.layers) &&
    inRule(c.hidden, NUMBER_RULES.hidden) &&
    inRule(c.heads, NUMBER_RULES.heads) &&
    inRule(c.kvHeads, NUMBER_RULES.kvHeads) &&
    inRule(c.ffn, NUMBER_RULES.ffn) &&
    inRule(c.vocab, NUMBER_RULES.vocab) &&
    (c.gflops === null || inRule(c.gflops, NUMBER_RULES.gflops)) &&
    has(ARCHITECTURES, c.arch)
  );
}

const FILTER_IDS = ['hardwareId', 'sourceId', 'metric', 'precision'] as const;

function isValidData(d: MeasurementsView): boolean {
  const f = d.filters;
  return (
    FILTER_IDS.every(
      (k) => f[k] === undefined || (k === 'sourceId' ? SOURCE_ID_PATTERN : ID_PATTERN).test(f[k]),
    ) &&
    (f.modelSearch === undefined || (f.modelSearch !== '' && isSearchText(f.modelSearch))) &&
    SORTABLE_COLUMNS.includes(d.sort.column) &&
    (d.sort.direction === 'asc' || d.sort.direction === 'desc') &&
    inRule(d.pageIndex + 1, NUMBER_RULES.page) &&
    (PAGE_SIZES as readonly number[]).includes(d.pageSize)
  );
}

/** Every field present, in range and well-formed (the invariant decodeSelection guarantees). */
export function isValidSelection(s: Selection): boolean {
  const c = s.constraints;
  const constraintsOk = (Object.keys(NO_CONSTRAINTS) as (keyof Constraints)[]).every(
    (k) => c[k] === null || inRule(c[k], NUMBER_RULES[k]),
  );
  const platformsOk =
    s.platforms.length > 0 &&
    s.platforms.every(
      (p, i) =>
        has(PLATFORMS, p) && (i === 0 || PLATFORMS.indexOf(s.platforms[i - 1]!) < PLATFORMS.indexOf(p)),
    );
  const hardwareOk =
    s.hardware.length <= MAX_HARDWARE &&
    s.hardware.every((h) => ID_PATTERN.test(h)) &&
    new Set(s.hardware).size === s.hardware.length;
  const version = (v: string | null) => v === null || ID_PATTERN.test(v);
  return (
    has(SELECTION_PAGES, s.page) &&
    ID_PATTERN.test(s.model) &&
    (s.model === 'custom' ? s.custom !== null && isValidCustom(s.custom) : s.custom === null) &&
    has(MODES, s.mode) &&
    isSelectionPrecision(s.precision) &&
    has(RUNTIME_SETTINGS, s.runtime) &&
    has(SCENARIOS, s.scenario) &&
    (['batch', 'seq', 'prompt', 'gen', 'image', 'devices'] as const).every((k) =>
      inRule(s[k], NUMBER_RULES[k]),
    ) &&
    constraintsOk &&
    platformsOk &&
    has(OBJECTIVES, s.objective) &&
    hardwareOk &&
    (s.lab === null || decodeProfile(encodeProfile(s.lab)).ok) &&
    isValidData(s.data) &&
    has(MATRIX_COLUMNS, s.matrix.columns) &&
    isSearchText(s.matrix.family) &&
    version(s.sv) &&
    version(s.mv)
  );
}
