/**
 * Dense tensor peaks: the ratio rules each architecture's datasheets follow, used to fill a precision a
 * device has but no table states, and to cross-check every stated peak against a rule or a second source.
 */
import type { Field } from './device-types.ts';

export type PeakField = Extract<
  Field,
  | 'tf32_tflops'
  | 'fp16_tflops'
  | 'fp16_acc32_tflops'
  | 'bf16_tflops'
  | 'fp8_tflops'
  | 'fp4_tflops'
  | 'int8_tops'
  | 'int4_tops'
>;

export const PEAK_FIELDS: readonly PeakField[] = [
  'tf32_tflops',
  'fp16_tflops',
  'fp16_acc32_tflops',
  'bf16_tflops',
  'fp8_tflops',
  'fp4_tflops',
  'int8_tops',
  'int4_tops',
];

/** What a rule needs to know of a device. */
export interface DeviceClass {
  vendor: string;
  architecture: string;
  segment: string;
}

/** `field = ratio × of` on the devices `applies` accepts. */
export interface PeakRule {
  field: PeakField;
  of: PeakField;
  ratio: number;
  applies: (d: DeviceClass) => boolean;
  why: string;
}

const arch = (re: RegExp) => (d: DeviceClass) => re.test(d.architecture);
/** GeForce parts (consumer and laptop, Turing and later) run fp16 with fp32 accumulate, and bf16, at half rate. */
export const isGeForce = (d: DeviceClass): boolean =>
  d.vendor === 'NVIDIA' &&
  /^(consumer|laptop)$/.test(d.segment) &&
  /^(turing|ampere|ada|blackwell)$/.test(d.architecture);
const notGeForce = (f: (d: DeviceClass) => boolean) => (d: DeviceClass) => f(d) && !isGeForce(d);
const nvidia = (f: (d: DeviceClass) => boolean) => (d: DeviceClass) => d.vendor === 'NVIDIA' && f(d);

/**
 * Ratios between dense peaks as the vendors' architecture whitepapers and datasheets state them. Order
 * matters when filling: a rule's `of` is filled by an earlier rule where it can be.
 */
export const PEAK_RULES: readonly PeakRule[] = [
  {
    field: 'fp16_acc32_tflops',
    of: 'fp16_tflops',
    ratio: 0.5,
    applies: isGeForce,
    why: 'GeForce Turing/Ampere/Ada/Blackwell: fp16 with fp32 accumulate at half the fp16-accumulate rate',
  },
  {
    field: 'bf16_tflops',
    of: 'fp16_acc32_tflops',
    ratio: 1,
    applies: (d) => isGeForce(d) && d.architecture !== 'turing',
    why: 'GeForce: bf16 accumulates in fp32, so it runs at the fp32-accumulate rate',
  },
  {
    field: 'bf16_tflops',
    of: 'fp16_tflops',
    ratio: 1,
    applies: notGeForce(arch(/^(ampere|ada|hopper|blackwell.*|cdna[234]|gaudi\d|tpu-.*|neuron-.*|xe-hpc)$/)),
    why: 'bf16 at the fp16 rate (Ampere and later outside GeForce, CDNA2+, Gaudi, TPU, Trainium, Xe-HPC)',
  },
  {
    field: 'fp8_tflops',
    of: 'fp16_tflops',
    ratio: 2,
    applies: arch(/^(ada|hopper|blackwell.*|cdna[34])$/),
    why: 'fp8 = 2 × fp16 dense (Ada, Hopper, Blackwell, CDNA3/4)',
  },
  {
    field: 'fp4_tflops',
    of: 'fp8_tflops',
    ratio: 2,
    applies: arch(/^(blackwell|cdna4)$/),
    why: 'fp4 = 2 × fp8 dense (Blackwell, CDNA4)',
  },
  {
    field: 'fp4_tflops',
    of: 'fp8_tflops',
    ratio: 3,
    applies: arch(/^blackwell-ultra$/),
    why: 'fp4 = 3 × fp8 dense (Blackwell Ultra: 1.5× Blackwell NVFP4)',
  },
  {
    field: 'int8_tops',
    of: 'fp8_tflops',
    ratio: 1,
    applies: arch(/^(ada|hopper|blackwell|cdna3)$/),
    why: 'int8 = fp8 dense (Ada, Hopper, Blackwell, CDNA3)',
  },
  {
    field: 'int8_tops',
    of: 'fp16_tflops',
    ratio: 2,
    applies: nvidia(arch(/^(turing|ampere)$/)),
    why: 'int8 = 2 × fp16 dense (Turing, Ampere)',
  },
  {
    field: 'int4_tops',
    of: 'int8_tops',
    ratio: 2,
    applies: nvidia(arch(/^(turing|ampere)$/)),
    why: 'int4 = 2 × int8 dense (Turing, Ampere)',
  },
  {
    field: 'tf32_tflops',
    of: 'bf16_tflops',
    ratio: 0.5,
    applies: nvidia(arch(/^(ampere|ada|hopper|blackwell.*)$/)),
    why: 'tf32 = bf16 / 2 dense (NVIDIA Ampere and later)',
  },
];

/** A figure with the text naming where it came from. */
export interface Sourced {
  value: number;
  src: string;
}

/** A recorded correction: set (or clear) a figure, or ignore one disagreeing source, always with the reason. */
export interface PeakCorrection {
  device: string;
  field: PeakField;
  /** The corrected value (null clears it); absent when the entry only waives one check. */
  value?: number | null;
  /** Waive the cross-check against this source (a rule's `why` prefix or a raw folder name). */
  waive?: string;
  reason: string;
}

export interface PeakCheck {
  device: string;
  field: PeakField;
  value: number;
  /** The peak a rule related this one to (also confirmed when they agree). */
  base?: PeakField;
  against: string;
  expected: number;
  agrees: boolean;
}

/** Disagreements beyond this fail the ingest unless a correction waives them. */
export const PEAK_TOLERANCE = 0.1;

/** Fill every precision a rule derives and the device lacks (only from tensor figures, not shader lower bounds). */
export function fillPeaks(d: DeviceClass, out: Map<Field, Sourced>): string[] {
  const filled: string[] = [];
  for (const r of PEAK_RULES) {
    if (out.has(r.field) || !r.applies(d)) continue;
    const base = out.get(r.of);
    if (!base || base.src.includes('non-tensor')) continue;
    const value = Math.round(base.value * r.ratio * 1000) / 1000;
    out.set(r.field, { value, src: `derived:rule ${r.field} = ${r.ratio} × ${r.of} (${r.why})` });
    filled.push(`${r.field}=${value}`);
  }
  return filled;
}

/**
 * Cross-check each stated peak against the rules that relate it to another peak and against other sources'
 * figures for it. A derived figure is not checked against the rule that derived it.
 */
export function checkPeaks(
  id: string,
  d: DeviceClass,
  out: ReadonlyMap<Field, Sourced>,
  alternates: ReadonlyMap<Field, Sourced[]>,
  corrections: readonly PeakCorrection[],
): PeakCheck[] {
  const checks: PeakCheck[] = [];
  const waived = (field: PeakField, against: string) =>
    corrections.some((c) => c.device === id && c.field === field && c.waive && against.startsWith(c.waive));
  const add = (field: PeakField, value: number, against: string, expected: number, base?: PeakField) => {
    if (waived(field, against)) return;
    const agrees = Math.abs(value / expected - 1) <= PEAK_TOLERANCE;
    checks.push({ device: id, field, value, against, expected, agrees, ...(base ? { base } : {}) });
  };
  for (const r of PEAK_RULES) {
    const v = out.get(r.field);
    const base = out.get(r.of);
    if (!v || !base || !r.applies(d) || v.src.includes('derived:rule') || base.src.includes('non-tensor'))
      continue;
    if (v.src.includes('non-tensor')) continue;
    add(r.field, v.value, `rule: ${r.why}`, base.value * r.ratio, r.of);
  }
  for (const f of PEAK_FIELDS) {
    const v = out.get(f);
    if (!v || v.src.includes('non-tensor')) continue;
    for (const alt of alternates.get(f) ?? []) {
      if (alt.src === v.src) continue;
      add(f, v.value, alt.src.split(':')[0] ?? alt.src, alt.value);
    }
  }
  return checks;
}
