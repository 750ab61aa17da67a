/**
 * The versioned, human-readable URL codec: `?v=1&model=llama-3.1-8b&batch=8&platforms=gpu,apple`.
 * encodeSelection writes only non-default fields in a fixed order; decodeSelection never throws and
 * replaces each bad field by its default, naming it in an issue. Parameters are documented in docs/links.md
 * (linked from README.md's "Shareable links").
 */
import { isCalibratedVersion } from '../calibrate/report.ts';
import { normalizePrecision } from '../catalog/normalize.ts';
import { parseRuntime } from '../catalog/runtime.ts';
import { decodeProfile, encodeProfile } from '../lab/profile-codec.ts';
import { DEFAULT_SORT, SORTABLE_COLUMNS, type MeasurementSort } from '../sql/measurements.ts';
import { encodePlatforms, readHardware, readPlatforms, short } from './lists.ts';
import {
  ARCHITECTURES,
  DEFAULT_CUSTOM,
  DEFAULT_MATRIX_VIEW,
  DEFAULT_MEASUREMENTS_VIEW,
  DEFAULT_SELECTION,
  defaultSelection,
  ID_PATTERN,
  SOURCE_ID_PATTERN,
  inRule,
  isSearchText,
  MATRIX_COLUMNS,
  MAX_SEARCH_CHARS,
  MODES,
  NUMBER_RULES,
  OBJECTIVES,
  PAGE_SIZES,
  SCENARIOS,
  SELECTION_PAGES,
  type Constraints,
  type CustomModel,
  type MeasurementsView,
  type Selection,
} from './selection.ts';

/** The link format this app writes. */
export const LINK_VERSION = 1;
/** Input beyond this many characters is ignored. */
export const MAX_LINK_CHARS = 16_384;
const MAX_VALUE_CHARS = 2048;
const MAX_ISSUES = 20;

export interface UrlIssue {
  /** The URL parameter at fault (`link` for the query string as a whole). */
  field: string;
  /** The offending value, shortened for display. */
  value: string;
  message: string;
}

export interface Decoded {
  selection: Selection;
  issues: UrlIssue[];
}

type NumberKey = keyof typeof NUMBER_RULES;
type WorkloadKey = 'batch' | 'seq' | 'prompt' | 'gen' | 'image' | 'devices';
type CustomNumberKey = Exclude<keyof CustomModel, 'arch'>;

const CUSTOM_PARAMS: readonly [string, CustomNumberKey][] = [
  ['params', 'params'],
  ['layers', 'layers'],
  ['hidden', 'hidden'],
  ['heads', 'heads'],
  ['kv_heads', 'kvHeads'],
  ['ffn', 'ffn'],
  ['vocab', 'vocab'],
  ['gflops', 'gflops'],
];
const WORKLOAD_PARAMS: readonly WorkloadKey[] = ['batch', 'seq', 'prompt', 'gen', 'image', 'devices'];
const CONSTRAINT_PARAMS: readonly [string, keyof Constraints][] = [
  ['max_latency_ms', 'maxLatencyMs'],
  ['min_throughput', 'minThroughput'],
  ['min_memory_gb', 'minMemoryGb'],
  ['max_price_usd', 'maxPriceUsd'],
  ['max_cloud_usd_hr', 'maxCloudUsdHr'],
  ['max_power_w', 'maxPowerW'],
];

/** The Data page's id filters: parameter → filter key (the model search, `q_model`, is text). */
const DATA_ID_FILTERS: readonly [string, 'hardwareId' | 'sourceId' | 'metric' | 'precision'][] = [
  ['q_hw', 'hardwareId'],
  ['q_source', 'sourceId'],
  ['q_metric', 'metric'],
  ['q_precision', 'precision'],
];
const DATA_PARAMS = [...DATA_ID_FILTERS.map(([p]) => p), 'q_model', 'sort', 'p', 'per_page'];

/** A sort as the link writes it: the column, `-` first for descending. */
const sortText = (s: MeasurementSort) => `${s.direction === 'desc' ? '-' : ''}${s.column}`;

/** Every parameter, in the order encodeSelection writes them. */
export const PARAMS: readonly string[] = [
  'v',
  'page',
  'model',
  ...CUSTOM_PARAMS.map(([p]) => p),
  'arch',
  'mode',
  'precision',
  'runtime',
  'scenario',
  ...WORKLOAD_PARAMS,
  ...CONSTRAINT_PARAMS.map(([p]) => p),
  'platforms',
  'objective',
  'hardware',
  'lab',
  ...DATA_PARAMS,
  'matrix_columns',
  'matrix_family',
  'sv',
  'mv',
];
const CUSTOM_ONLY = new Set(['arch', ...CUSTOM_PARAMS.map(([p]) => p)]);

const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');

/** The query string (without `?`) for a selection: `v=1` first, then only non-default fields. */
export function encodeSelection(s: Selection): string {
  const pairs: [string, string][] = [];
  const put = (name: string, value: string | number | null, dflt: string | number | null) => {
    if (value !== null && value !== dflt) pairs.push([name, String(value)]);
  };
  put('model', s.model, DEFAULT_SELECTION.model);
  if (s.model === 'custom' && s.custom) {
    for (const [p, k] of CUSTOM_PARAMS) put(p, s.custom[k], DEFAULT_CUSTOM[k]);
    put('arch', s.custom.arch, DEFAULT_CUSTOM.arch);
  }
  put('mode', s.mode, DEFAULT_SELECTION.mode);
  put('precision', s.precision, DEFAULT_SELECTION.precision);
  put('runtime', s.runtime, DEFAULT_SELECTION.runtime);
  put('scenario', s.scenario, DEFAULT_SELECTION.scenario);
  for (const k of WORKLOAD_PARAMS) put(k, s[k], DEFAULT_SELECTION[k]);
  for (const [p, k] of CONSTRAINT_PARAMS) put(p, s.constraints[k], null);
  const platforms = encodePlatforms(s.platforms);
  put('platforms', platforms, encodePlatforms(DEFAULT_SELECTION.platforms));
  put('objective', s.objective, DEFAULT_SELECTION.objective);
  put('hardware', s.hardware.join(','), '');
  put('lab', s.lab ? encodeProfile(s.lab) : null, null);
  const d = s.data;
  for (const [p, k] of DATA_ID_FILTERS) put(p, d.filters[k] ?? null, null);
  put('q_model', d.filters.modelSearch ?? '', '');
  put('sort', sortText(d.sort), sortText(DEFAULT_SORT));
  put('p', d.pageIndex + 1, DEFAULT_MEASUREMENTS_VIEW.pageIndex + 1);
  put('per_page', d.pageSize, DEFAULT_MEASUREMENTS_VIEW.pageSize);
  put('matrix_columns', s.matrix.columns, DEFAULT_MATRIX_VIEW.columns);
  put('matrix_family', s.matrix.family, DEFAULT_MATRIX_VIEW.family);
  put('sv', s.sv, null);
  put('mv', s.mv, null);
  // A link that only names a page carries no versioned state, so it stays `?page=sources`.
  const head: [string, string][] = pairs.length > 0 ? [['v', String(LINK_VERSION)]] : [];
  if (s.page !== DEFAULT_SELECTION.page) head.push(['page', s.page]);
  return [...head, ...pairs].map(([k, v]) => `${k}=${enc(v)}`).join('&');
}

const fieldName = (name: string) => short(name, 40) || '(no name)';
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function describe(rule: { min: number; max: number; int: boolean }): string {
  return `${rule.int ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}`;
}

/** The query's parameters, first occurrence of each, plus issues for repeats and bad encoding. */
function readParams(search: string, issues: UrlIssue[]): Map<string, string> {
  let text = search.startsWith('?') ? search.slice(1) : search;
  if (text.length > MAX_LINK_CHARS) {
    issues.push({
      field: 'link',
      value: `${text.length} characters`,
      message: `longer than ${MAX_LINK_CHARS} characters; the rest is ignored`,
    });
    text = text.slice(0, MAX_LINK_CHARS);
  }
  const params = new Map<string, string>();
  const repeated = new Set<string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' ')).trim().toLowerCase();
      value = decodeURIComponent(rawValue.replace(/\+/g, ' ')).trim();
    } catch {
      issues.push({
        field: fieldName(rawName),
        value: short(rawValue),
        message: 'malformed %-encoding; ignored',
      });
      continue;
    }
    if (!PARAMS.includes(name)) {
      issues.push({ field: fieldName(name), value: short(value), message: 'unknown parameter; ignored' });
    } else if (params.has(name)) {
      if (!repeated.has(name)) {
        repeated.add(name);
        issues.push({ field: name, value: short(value), message: 'repeated; the first value is used' });
      }
    } else params.set(name, value);
  }
  return params;
}

/** The part of the selection a ranking depends on (no page, no link versions), as a stable key. */
export const rankingKey = (s: Selection): string =>
  encodeSelection({ ...s, page: 'data', hardware: [], sv: null, mv: null });

/** Reads a link's query string into a valid Selection; never throws. */
export function decodeSelection(search: string): Decoded {
  try {
    return decode(search);
  } catch {
    return { selection: defaultSelection(), issues: [{ field: 'link', value: '', message: UNREADABLE }] };
  }
}

/** The message of the last-resort issue (a decoder bug); tests assert it never appears. */
export const UNREADABLE = 'unreadable; all defaults are used';

function decode(search: string): Decoded {
  const issues: UrlIssue[] = [];
  const s = defaultSelection();
  const params = readParams(typeof search === 'string' ? search : '', issues);
  const bad = (field: string, value: string, message: string) =>
    issues.push({ field, value: short(value), message: `${message}; the default is used` });
  const get = (name: string): string | undefined => {
    const v = params.get(name);
    if (v === undefined) return undefined;
    if (v.length > MAX_VALUE_CHARS) {
      bad(name, v, `longer than ${MAX_VALUE_CHARS} characters`);
      return undefined;
    }
    if (v === '') {
      bad(name, v, 'empty');
      return undefined;
    }
    return v;
  };
  const num = (name: string, key: NumberKey): number | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    const rule = NUMBER_RULES[key];
    const n = NUMBER_TEXT.test(v) && v.length <= 32 ? Number(v) : NaN;
    if (inRule(n, rule)) return n;
    bad(name, v, `not ${describe(rule)}`);
    return undefined;
  };
  const oneOf = <T extends string>(name: string, list: readonly T[]): T | undefined => {
    const v = get(name)?.toLowerCase();
    if (v === undefined) return undefined;
    if ((list as readonly string[]).includes(v)) return v as T;
    bad(name, v, `not one of ${list.join(', ')}`);
    return undefined;
  };
  const id = (name: string, pattern = ID_PATTERN): string | undefined => {
    const v = get(name)?.toLowerCase();
    if (v === undefined) return undefined;
    if (pattern.test(v)) return v;
    bad(
      name,
      v,
      `not a valid id (a-z, 0-9, . _ - +${pattern === SOURCE_ID_PATTERN ? ', after an optional yours:' : ''}; at most 128 characters)`,
    );
    return undefined;
  };

  const v = params.get('v');
  if (v !== undefined && v !== String(LINK_VERSION)) {
    const n = Number(v);
    const newer = /^\d{1,6}$/.test(v) && n > LINK_VERSION;
    issues.push({
      field: 'v',
      value: short(v),
      message: newer
        ? `made by a newer Rooflight (link version ${n}); read as version ${LINK_VERSION}, best effort`
        : `unsupported link version; read as version ${LINK_VERSION}`,
    });
  }

  s.page = oneOf('page', SELECTION_PAGES) ?? s.page;
  s.model = id('model') ?? s.model;
  if (s.model === 'custom') {
    const c: CustomModel = { ...DEFAULT_CUSTOM };
    const fields: Record<CustomNumberKey, number | null> = c;
    for (const [p, k] of CUSTOM_PARAMS) fields[k] = num(p, k) ?? fields[k];
    c.arch = oneOf('arch', ARCHITECTURES) ?? c.arch;
    s.custom = c;
  } else {
    for (const p of CUSTOM_ONLY)
      if (params.has(p))
        issues.push({
          field: p,
          value: short(params.get(p)!),
          message: 'used only with model=custom; ignored',
        });
  }
  s.mode = oneOf('mode', MODES) ?? s.mode;
  const precision = get('precision');
  if (precision !== undefined) {
    const p =
      precision.toLowerCase() === 'best'
        ? 'best'
        : precision.length <= 32
          ? normalizePrecision(precision)
          : null;
    if (p === null) bad('precision', precision, 'not a known precision (fp16, bf16, int8, q4_k_m, best…)');
    else s.precision = p;
  }
  const runtime = get('runtime');
  if (runtime !== undefined) {
    const r = parseRuntime(runtime.slice(0, 200));
    if (r.runtime !== 'auto') s.runtime = r.runtime;
    else if (r.note !== null)
      issues.push({
        field: 'runtime',
        value: short(runtime),
        message:
          'not a runtime Rooflight knows (a class id such as vllm, its label, or text like "vLLM 0.9.1"); auto is used',
      });
  }
  const scenario = oneOf('scenario', SCENARIOS);
  s.scenario = scenario ?? s.scenario;
  // `batch=max` is the offline scenario's batch: the best one the search finds.
  const batchMax = params.get('batch')?.toLowerCase() === 'max';
  if (batchMax) {
    if (scenario === 'single-stream')
      issues.push({
        field: 'scenario',
        value: scenario,
        message: 'batch=max means the offline scenario; offline is used',
      });
    s.scenario = 'offline';
  }
  for (const k of WORKLOAD_PARAMS) if (!(k === 'batch' && batchMax)) s[k] = num(k, k) ?? s[k];
  for (const [p, k] of CONSTRAINT_PARAMS) s.constraints[k] = num(p, k) ?? null;
  s.platforms = readPlatforms(get('platforms'), issues) ?? s.platforms;
  s.objective = oneOf('objective', OBJECTIVES) ?? s.objective;
  s.hardware = readHardware(get('hardware'), issues);
  const lab = get('lab');
  if (lab !== undefined) {
    const d = decodeProfile(lab);
    if (d.ok) s.lab = d.profile;
    else
      issues.push({
        field: 'lab',
        value: short(lab),
        message: `not a browser profile (${d.problem}); the shared browser is left out`,
      });
  }
  const text = (name: string): string | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    if (isSearchText(v)) return v;
    bad(name, v, `not a search text (at most ${MAX_SEARCH_CHARS} characters, no control characters)`);
    return undefined;
  };
  s.data = readData(id, text, num, get, bad);
  s.matrix = {
    columns: oneOf('matrix_columns', MATRIX_COLUMNS) ?? DEFAULT_MATRIX_VIEW.columns,
    family: text('matrix_family') ?? DEFAULT_MATRIX_VIEW.family,
  };
  s.sv = id('sv') ?? null;
  s.mv = id('mv') ?? null;

  if (issues.length > MAX_ISSUES) {
    const more = issues.length - (MAX_ISSUES - 1);
    issues.splice(MAX_ISSUES - 1, Infinity, {
      field: 'link',
      value: '',
      message: `and ${more} more problems`,
    });
  }
  return { selection: s, issues };
}

/** The Data page's parameters: filters, sort, page and rows per page, each bad one replaced by its default. */
function readData(
  id: (name: string, pattern?: RegExp) => string | undefined,
  text: (name: string) => string | undefined,
  num: (name: string, key: NumberKey) => number | undefined,
  get: (name: string) => string | undefined,
  bad: (field: string, value: string, message: string) => void,
): MeasurementsView {
  const d: MeasurementsView = { ...DEFAULT_MEASUREMENTS_VIEW, filters: {}, sort: { ...DEFAULT_SORT } };
  for (const [p, k] of DATA_ID_FILTERS) {
    const v = id(p, k === 'sourceId' ? SOURCE_ID_PATTERN : ID_PATTERN);
    if (v !== undefined) d.filters[k] = v;
  }
  const search = text('q_model');
  if (search !== undefined) d.filters.modelSearch = search;
  const sort = get('sort')?.toLowerCase();
  if (sort !== undefined) {
    const column = sort.replace(/^[-+]/, '');
    if (SORTABLE_COLUMNS.includes(column))
      d.sort = { column, direction: sort.startsWith('-') ? 'desc' : 'asc' };
    else bad('sort', sort, 'not a column of the measurements table (e.g. value, or -value for descending)');
  }
  const page = num('p', 'page');
  if (page !== undefined) d.pageIndex = page - 1;
  const size = get('per_page');
  if (size !== undefined) {
    const n = PAGE_SIZES.find((x) => String(x) === size);
    if (n !== undefined) d.pageSize = n;
    else bad('per_page', size, `not one of ${PAGE_SIZES.join(', ')}`);
  }
  return d;
}

/** What the running app has loaded: the snapshot id and the predictor model's version. */
export interface RunningVersions {
  snapshot: string | null;
  model: string | null;
}

/** A message when the link was made with another snapshot or model version than the running app; else null. */
export function versionNotice(selection: Selection, running: RunningVersions): string | null {
  const diffs: string[] = [];
  if (selection.sv !== null && running.snapshot !== null && selection.sv !== running.snapshot)
    diffs.push(`data snapshot ${selection.sv} (this app has ${running.snapshot})`);
  if (selection.mv !== null && running.model !== null && selection.mv !== running.model)
    diffs.push(
      `model version ${selection.mv} (${isCalibratedVersion(selection.mv) ? 'a private model calibrated on the sharer’s own data, whose rows the link does not carry; ' : ''}this app has ${running.model}${isCalibratedVersion(running.model) ? ', your calibrated model' : ''})`,
    );
  if (diffs.length === 0) return null;
  return `This link was made with ${diffs.join(' and ')}; results may differ from the ones it was shared with.`;
}
