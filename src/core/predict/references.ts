/**
 * Measured references: the same model measured on other devices (the strongest evidence, as in Habitat),
 * nearest device first. (The neighbour layer for rows without a roofline lives in engine.ts.)
 */
import { runtimeClassOf } from '../catalog/runtime.ts';
import type { MeasurementRow, Metric } from '../catalog/schema.ts';
import { precisionInfo } from '../roofline/precision.ts';

export interface Reference {
  row: MeasurementRow;
  /** Achieved efficiency of the reference against its own roofline bound. */
  efficiency: number;
  /** The learned model's median log-efficiency for the reference's own features. */
  predictedLogEff: number;
  hwVendor: string;
  hwKind: string;
  /** The reference device's dense peak at the reference's precision (TFLOPS) and its bandwidth (GB/s). */
  peakTflops: number;
  memBwGbs: number;
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
  /** The query device's dense peak at the query's precision (TFLOPS) and bandwidth (GB/s); null: unknown. */
  peakTflops: number | null;
  memBwGbs: number | null;
  nDevices: number;
}

export interface WeightedReference {
  ref: Reference;
  weight: number;
  /** Distance from the query in log units (specs, batch, vendor, kind, device count, runtime). */
  distance: number;
  /** Whether the reference ran under the query's runtime class. */
  sameRuntime: boolean;
}

/**
 * What one unit of distance costs: a runtime class other than the query's costs more than any spec gap
 * between devices of one kind, so same-runtime evidence always comes first when it exists.
 */
export const DISTANCE = { vendor: 1, kind: 1, devices: 1, runtime: 3, unknownBatch: 0.5 } as const;

/** A reference with what `find` compares, computed once. */
interface Entry {
  ref: Reference;
  runtime: string;
  log2Batch: number | null;
  /** Insertion order: ties in weight keep it. */
  order: number;
}

/** Index of references by model, metric, mode and precision class. */
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
        runtime: r.runtime_class || runtimeClassOf(r.runtime),
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
   * References for a query on other devices with the same workload shape (batch within 2×, the same lengths
   * where both state them), nearest first. Distance is the log gap in dense peak and bandwidth (the two
   * resources a roofline bound scales with) plus the batch gap in doublings, plus fixed costs for another
   * vendor, device kind, device count or runtime class; weight = e^(−tau·distance).
   */
  find(q: ReferenceQuery, max = 8, tau = 2): WeightedReference[] {
    const candidates = this.candidates(q);
    const top: WeightedReference[] = [];
    const orders: number[] = [];
    const logGap = (a: number | null, b: number) => (a && a > 0 && b > 0 ? Math.abs(Math.log(a / b)) : 1);
    for (const { e, gap, sameRuntime } of candidates) {
      const ref = e.ref;
      if (ref.row.hardware_id === q.hardwareId) continue;
      let d = gap + logGap(q.peakTflops, ref.peakTflops) + logGap(q.memBwGbs, ref.memBwGbs);
      if (ref.hwVendor !== q.vendor) d += DISTANCE.vendor;
      if (ref.hwKind !== q.kind) d += DISTANCE.kind;
      if (ref.row.n_devices !== q.nDevices) d += DISTANCE.devices;
      if (top.length === max && !closer(d, e.order, top[max - 1]!.distance, orders[max - 1]!)) continue;
      let i = Math.min(top.length, max - 1);
      if (top.length < max) {
        top.push(null as never);
        orders.push(0);
      }
      while (i > 0 && closer(d, e.order, top[i - 1]!.distance, orders[i - 1]!)) {
        top[i] = top[i - 1]!;
        orders[i] = orders[i - 1]!;
        i--;
      }
      top[i] = { ref, weight: Math.exp(-tau * d), distance: d, sameRuntime };
      orders[i] = e.order;
    }
    return top;
  }

  /** Memo of `candidates` per workload shape: a ranking asks the same shape for every device. */
  private readonly shapes = new Map<string, { e: Entry; gap: number; sameRuntime: boolean }[]>();

  /**
   * References with the query's workload shape (lengths equal when both state them, batch within 2×) and
   * their device-independent distance: the batch gap in doublings and the runtime class.
   */
  private candidates(q: ReferenceQuery): { e: Entry; gap: number; sameRuntime: boolean }[] {
    const key = refKey(q.modelId, q.metric, q.mode, q.precision);
    const shapeKey = `${key}|${q.batch}|${q.promptTokens}|${q.genTokens}|${q.seqLen}|${q.imageSize}|${q.runtime}`;
    const memo = this.shapes.get(shapeKey);
    if (memo) return memo;
    const out: { e: Entry; gap: number; sameRuntime: boolean }[] = [];
    const group = this.byKey.get(key);
    if (group) {
      const rc = runtimeClassOf(q.runtime);
      const consider = (e: Entry, batchGap: number) => {
        const r = e.ref.row;
        if (!sameLength(r.prompt_tokens, q.promptTokens) || !sameLength(r.gen_tokens, q.genTokens)) return;
        if (!sameLength(r.seq_len, q.seqLen) || !sameLength(r.image_size, q.imageSize)) return;
        const sameRuntime = e.runtime === rc;
        out.push({ e, gap: batchGap + (sameRuntime ? 0 : DISTANCE.runtime), sameRuntime });
      };
      const { sized, unsized } = group;
      if (q.batch === null) for (const e of sized) consider(e, DISTANCE.unknownBatch);
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
      for (const e of unsized) consider(e, DISTANCE.unknownBatch);
      // Insertion order, so equal distances resolve the same way whatever the batch window held.
      out.sort((a, b) => a.e.order - b.e.order);
    }
    if (this.shapes.size >= 4096) this.shapes.clear();
    this.shapes.set(shapeKey, out);
    return out;
  }
}

/** Whether distance `d` at insertion `order` ranks before `other` at `otherOrder`. */
const closer = (d: number, order: number, other: number, otherOrder: number) =>
  d < other || (d === other && order < otherOrder);

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
