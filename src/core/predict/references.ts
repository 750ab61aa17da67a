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
  return info.compute.some((c) => c === 'fp16' || c === 'fp16-acc32' || c === 'bf16')
    ? 'f16'
    : info.compute.join('/');
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
/** A reference with what `find` compares, computed once. */
interface Entry {
  ref: Reference;
  runtime: string;
  log2Batch: number | null;
  /** Insertion order: ties in weight keep it, as they did before the index was sorted by batch. */
  order: number;
}

export class ReferenceIndex {
  /** Per key: entries with a batch size sorted by it (so `find` scans only the ±2× window), then those without. */
  private readonly byKey = new Map<string, { sized: Entry[]; unsized: Entry[] }>();

  constructor(refs: Iterable<Reference>) {
    let order = 0;
    for (const ref of refs) {
      const r = ref.row;
      const k = refKey(r.model_id, r.metric, r.mode, r.precision);
      const e: Entry = {
        ref,
        runtime: runtimeClass(r.runtime),
        log2Batch: r.batch_size !== null ? Math.log2(r.batch_size) : null,
        order: order++,
      };
      let group = this.byKey.get(k);
      if (!group) this.byKey.set(k, (group = { sized: [], unsized: [] }));
      (e.log2Batch === null ? group.unsized : group.sized).push(e);
    }
    for (const g of this.byKey.values()) g.sized.sort((a, b) => a.log2Batch! - b.log2Batch!);
  }

  /**
   * References for a query on other devices with the same workload shape: batch within 2×, same lengths
   * (prompt, generation, sequence, image) when both state them. Weighted by closeness: same runtime class,
   * same vendor and kind, same batch.
   */
  find(q: ReferenceQuery, max = 8): WeightedReference[] {
    const candidates = this.candidates(q);
    // Top `max` by weight (ties keep insertion order), by insertion into a short sorted list.
    const top: { e: Entry; weight: number }[] = [];
    for (const { e, base } of candidates) {
      if (e.ref.row.hardware_id === q.hardwareId) continue;
      let w = base;
      if (e.ref.hwVendor === q.vendor) w *= 1.5;
      if (e.ref.hwKind === q.kind) w *= 2;
      if (top.length === max && !better(w, e.order, top[max - 1]!)) continue;
      let i = Math.min(top.length, max - 1);
      if (top.length < max) top.push({ e, weight: w });
      while (i > 0 && better(w, e.order, top[i - 1]!)) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = { e, weight: w };
    }
    return top.map(({ e, weight }) => ({ ref: e.ref, weight }));
  }

  /** Memo of `candidates` per workload shape: a ranking asks the same shape for every device. */
  private readonly shapes = new Map<string, { e: Entry; base: number }[]>();

  /**
   * References with the query's workload shape (lengths equal when both state them, batch within 2×) and
   * their device-independent weight: closeness in batch, same runtime class, single device.
   */
  private candidates(q: ReferenceQuery): { e: Entry; base: number }[] {
    const key = refKey(q.modelId, q.metric, q.mode, q.precision);
    const shapeKey = `${key}|${q.batch}|${q.promptTokens}|${q.genTokens}|${q.seqLen}|${q.imageSize}|${q.runtime}`;
    const memo = this.shapes.get(shapeKey);
    if (memo) return memo;
    const out: { e: Entry; base: number }[] = [];
    const group = this.byKey.get(key);
    if (group) {
      const rc = runtimeClass(q.runtime);
      const consider = (e: Entry, batchGap: number) => {
        const r = e.ref.row;
        if (!sameLength(r.prompt_tokens, q.promptTokens) || !sameLength(r.gen_tokens, q.genTokens)) return;
        if (!sameLength(r.seq_len, q.seqLen) || !sameLength(r.image_size, q.imageSize)) return;
        let w = 1 / (1 + 2 * batchGap);
        if (e.runtime === rc) w *= 3;
        if (r.n_devices === 1) w *= 1.2;
        out.push({ e, base: w });
      };
      const { sized, unsized } = group;
      if (q.batch === null) for (const e of sized) consider(e, 0.5);
      else {
        const qLog = Math.log2(q.batch);
        // First entry with log2Batch ≥ qLog − 1, then on while within 1 (a factor of 2).
        let lo = 0;
        let hi = sized.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sized[mid]!.log2Batch! < qLog - 1 - 1e-9) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < sized.length && sized[i]!.log2Batch! <= qLog + 1 + 1e-9; i++) {
          const gap = Math.abs(Math.log2(sized[i]!.ref.row.batch_size! / q.batch));
          if (gap <= 1) consider(sized[i]!, gap);
        }
      }
      for (const e of unsized) consider(e, 0.5);
      // Insertion order, so equal weights resolve the same way whatever the batch window held.
      out.sort((a, b) => a.e.order - b.e.order);
    }
    if (this.shapes.size >= 4096) this.shapes.clear();
    this.shapes.set(shapeKey, out);
    return out;
  }
}

/** Whether weight `w` at insertion `order` ranks before `other`. */
const better = (w: number, order: number, other: { e: Entry; weight: number }) =>
  w > other.weight || (w === other.weight && order < other.e.order);

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
