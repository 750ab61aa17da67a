/**
 * Measured references: the same model measured on other devices (the strongest evidence, as in Habitat),
 * and nearest measured neighbours when no roofline can be computed.
 */
import type { MeasurementRow, Metric } from '../catalog/schema.ts';
import { precisionInfo } from '../roofline/precision.ts';
import { runtimeClass } from './featurize.ts';

export interface Reference {
  row: MeasurementRow;
  /** Achieved efficiency of the reference against its own roofline bound. */
  efficiency: number;
  /** The learned model's median log-efficiency for the reference's own features. */
  predictedLogEff: number;
  hwVendor: string;
  hwKind: string;
}

/** References match within a class: weight-only bit width, 16-bit floats (fp16, bf16, AMP), or the compute path. */
const precisionClass = (p: string) => {
  const info = precisionInfo(p);
  if (!info) return p;
  if (info.weightOnly) return `w${Math.round(info.weightBits)}`;
  return info.compute.some((c) => c === 'fp16' || c === 'bf16') ? 'f16' : info.compute.join('/');
};

const refKey = (modelId: string, metric: Metric, mode: string, precision: string) =>
  `${modelId}|${metric}|${mode}|${precisionClass(precision)}`;

export interface ReferenceQuery {
  modelId: string;
  hardwareId: string;
  metric: Metric;
  mode: string;
  precision: string;
  batch: number | null;
  promptTokens: number | null;
  genTokens: number | null;
  seqLen: number | null;
  imageSize: number | null;
  runtime: string | null;
  vendor: string;
  kind: string;
}

export interface WeightedReference {
  ref: Reference;
  weight: number;
}

/** Index of references by model, metric, mode and precision class. */
export class ReferenceIndex {
  private readonly byKey = new Map<string, Reference[]>();

  constructor(refs: Iterable<Reference>) {
    for (const r of refs) {
      const k = refKey(r.row.model_id, r.row.metric, r.row.mode, r.row.precision);
      const list = this.byKey.get(k);
      if (list) list.push(r);
      else this.byKey.set(k, [r]);
    }
  }

  /**
   * References for a query on other devices with the same workload shape: batch within 2×, same lengths
   * (prompt, generation, sequence, image) when both state them. Weighted by closeness: same runtime class,
   * same vendor and kind, same batch.
   */
  find(q: ReferenceQuery, max = 8): WeightedReference[] {
    const list = this.byKey.get(refKey(q.modelId, q.metric, q.mode, q.precision)) ?? [];
    const out: WeightedReference[] = [];
    const rc = runtimeClass(q.runtime);
    for (const ref of list) {
      const r = ref.row;
      if (r.hardware_id === q.hardwareId) continue;
      if (!sameLength(r.prompt_tokens, q.promptTokens) || !sameLength(r.gen_tokens, q.genTokens)) continue;
      if (!sameLength(r.seq_len, q.seqLen) || !sameLength(r.image_size, q.imageSize)) continue;
      const batchGap =
        r.batch_size !== null && q.batch !== null ? Math.abs(Math.log2(r.batch_size / q.batch)) : 0.5;
      if (batchGap > 1) continue;
      let w = 1 / (1 + 2 * batchGap);
      if (runtimeClass(r.runtime) === rc) w *= 3;
      if (ref.hwVendor === q.vendor) w *= 1.5;
      if (ref.hwKind === q.kind) w *= 2;
      if (r.n_devices === 1) w *= 1.2;
      out.push({ ref, weight: w });
    }
    out.sort((a, b) => b.weight - a.weight);
    return out.slice(0, max);
  }
}

const sameLength = (a: number | null, b: number | null) => a === null || b === null || a === b;

/** Weighted geometric mean. */
export function weightedLogMean(values: readonly { log: number; weight: number }[]): number {
  let s = 0;
  let w = 0;
  for (const v of values) {
    s += v.log * v.weight;
    w += v.weight;
  }
  return w > 0 ? s / w : NaN;
}
