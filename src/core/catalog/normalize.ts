/** Normalizers shared by the ingest, the CLI and the app: precisions, units and name keys. */
import { METRIC_UNITS, type Metric, type Unit } from './schema.ts';

/** GGUF / llama.cpp quantization kinds kept as their own precision, with bits per weight. */
export const GGUF_BITS: Readonly<Record<string, number>> = {
  f32: 32,
  f16: 16,
  bf16: 16,
  q8_0: 8.5,
  q6_k: 6.5625,
  q5_k_m: 5.69,
  q5_k_s: 5.54,
  q5_0: 5.5,
  q5_1: 6,
  q4_k_m: 4.85,
  q4_k_s: 4.58,
  q4_0: 4.5,
  q4_1: 5,
  q3_k_m: 3.91,
  q3_k_s: 3.5,
  q3_k_l: 4.27,
  q2_k: 2.63,
  q2_k_l: 2.63,
  iq4_xs: 4.25,
  iq4_nl: 4.5,
  iq3_m: 3.66,
  iq3_s: 3.44,
  iq3_xs: 3.3,
  iq3_xxs: 3.06,
  iq2_m: 2.7,
  iq2_s: 2.5,
  iq2_xs: 2.31,
  iq2_xxs: 2.06,
  iq1_m: 1.75,
  iq1_s: 1.56,
};

/**
 * Bits per weight of llama.cpp quantization kinds (llama.cpp's quantize tool's table). Unsloth's dynamic
 * `UD-*` variants keep some tensors at higher precision; they are counted at their base kind's bits.
 */
function ggufBits(kind: string): number | undefined {
  const plain = kind.replace(/^ud_/, '');
  const candidates = [
    kind,
    plain,
    plain.replace(/_xl$/, '_m'),
    plain.replace(/_xl$/, ''),
    plain.replace(/^q8_k_xl$/, 'q8_0'),
  ];
  for (const c of candidates) if (c in GGUF_BITS) return GGUF_BITS[c];
  return undefined;
}

export const PRECISIONS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'fp4', 'int8', 'int4', 'mixed'] as const;

const PRECISION_SYNONYMS: Record<string, string> = {
  fp64: 'fp64',
  float64: 'fp64',
  double: 'fp64',
  fp32: 'fp32',
  float32: 'fp32',
  float: 'fp32',
  f32: 'fp32',
  single: 'fp32',
  tf32: 'tf32',
  fp16: 'fp16',
  float16: 'fp16',
  half: 'fp16',
  f16: 'fp16',
  amp: 'mixed',
  ampfp16: 'mixed',
  mixed: 'mixed',
  mixedprecision: 'mixed',
  mp: 'mixed',
  bf16: 'bf16',
  bfloat16: 'bf16',
  ampbf16: 'mixed-bf16',
  fp8: 'fp8',
  e4m3: 'fp8',
  fp8e4m3: 'fp8',
  nvfp4: 'fp4',
  mxfp4: 'fp4',
  fp4: 'fp4',
  int8: 'int8',
  i8: 'int8',
  w8a8: 'int8',
  int4: 'int4',
  i4: 'int4',
  w4a16: 'int4',
  q4f16: 'q4f16',
  q4f32: 'q4f32',
  q4f161: 'q4f16',
  q4f321: 'q4f32',
  q0f16: 'fp16',
  q0f32: 'fp32',
};

/** Is `precision` (normalized) a llama.cpp quantization kind? */
export function isGgufKind(precision: string): boolean {
  return ggufBits(precision) !== undefined && !['f32', 'f16', 'bf16'].includes(precision);
}

/**
 * Normalize a precision as written in a benchmark table (`FP16`, `AMP`, `bfloat16`, `Q4_K_M`, `q4f16_1`…).
 * GGUF kinds are kept (lowercase, e.g. `q4_k_m`); unknown spellings return null.
 */
export function normalizePrecision(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const lower = raw.trim().toLowerCase();
  if (lower === '') return null;
  const gguf = lower.replace(/[-\s]/g, '_');
  if (isGgufKind(gguf)) return gguf;
  const key = lower.replace(/[^a-z0-9]/g, '');
  return PRECISION_SYNONYMS[key] ?? null;
}

/** Bits per weight of a normalized precision (GGUF kinds included); null when unknown. */
export function bitsPerWeight(precision: string): number | null {
  const p = precision.toLowerCase();
  const gguf = ggufBits(p);
  if (gguf !== undefined) return gguf;
  switch (p) {
    case 'fp64':
      return 64;
    case 'fp32':
    case 'tf32':
      return 32;
    case 'fp16':
    case 'bf16':
    case 'mixed':
    case 'mixed-bf16':
      return 16;
    case 'fp8':
    case 'int8':
      return 8;
    case 'fp4':
    case 'int4':
      return 4;
    case 'q4f16':
    case 'q4f32':
      return 4.5;
    default:
      return null;
  }
}

const UNIT_TABLE: Record<string, Record<string, number>> = {
  ms: {
    ms: 1,
    s: 1000,
    sec: 1000,
    seconds: 1000,
    us: 0.001,
    µs: 0.001,
    microseconds: 0.001,
    ns: 1e-6,
    milliseconds: 1,
  },
  'items/s': {
    'items/s': 1,
    'img/s': 1,
    'images/s': 1,
    'samples/s': 1,
    'sample/s': 1,
    'seq/s': 1,
    'sequences/s': 1,
    'queries/s': 1,
    qps: 1,
    'inferences/s': 1,
    'tokens/s': 1,
    'tok/s': 1,
    'utterances/s': 1,
    'molecules/s': 1,
    'mols/s': 1,
    'mols/ms': 1000,
    'users/s': 1,
    'frames/s': 1,
    'mels/s': 1,
    'sentences/s': 1,
    'sent/s': 1,
  },
  'tokens/s': { 'tokens/s': 1, 'tok/s': 1, 't/s': 1, 'tokens/sec': 1 },
  MB: { mb: 1, mib: 1.048576, gb: 1000, gib: 1073.741824, kb: 0.001, kib: 0.001024, bytes: 1e-6 },
};

/**
 * Convert a value given in `rawUnit` to the normalized unit of `metric`.
 * Returns null when the unit does not fit the metric (e.g. `GB` for a latency).
 */
export function normalizeValue(
  metric: Metric,
  value: number,
  rawUnit: string,
): { value: number; unit: Unit } | null {
  const unit = METRIC_UNITS[metric];
  const table = UNIT_TABLE[unit];
  const key = rawUnit
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace('/sec', '/s')
    .replace('persecond', '/s');
  const factor = table?.[key] ?? table?.[rawUnit.trim()];
  if (factor === undefined || !Number.isFinite(value)) return null;
  return { value: value * factor, unit };
}

/** Trademark marks vendors add to names: ®, ™, ©, ℠ and their ASCII spellings (R), (TM), (C), (SM). */
const MARKS = /[®™©℠]|\((?:r|tm|c|sm)\)/gi;

/** A name without trademark marks: "Intel(R) Xeon(R) Platinum 8480+" → "Intel Xeon Platinum 8480+". */
export function stripMarks(raw: string): string {
  return raw.replace(MARKS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A matching key for names as benchmark tables write them: trademark marks dropped, lowercase, `+` kept
 * as `plus`, every other non-alphanumeric run removed. "NVIDIA H100-SXM-80GB" → "nvidiah100sxm80gb".
 */
export function nameKey(raw: string): string {
  return stripMarks(raw)
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9]+/g, '');
}

/** Words after a number that belong to it: "80 GB", "76-Core". */
const UNIT_WORDS = new Set(['gb', 'g', 'b', 'm', 'core', 'cores', 'c']);

/**
 * Lowercase word tokens: trademark marks dropped, `+` → `plus`, dots kept inside tokens (`3.1`), a number
 * joined to its unit ("76-Core" → `76core`, "80 GB" → `80gb`).
 */
export function nameTokens(raw: string): string[] {
  const parts = stripMarks(raw)
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .split(/[^a-z0-9.]+/)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t !== '');
  const out: string[] = [];
  for (const t of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\d+$/.test(prev) && UNIT_WORDS.has(t)) out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

/** Slug for ids: lowercase, runs of other characters become `-`, dots kept (e.g. `llama-3.1-8b`). */
export function slugify(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
