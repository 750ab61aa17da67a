/**
 * Measured references: the same model measured on other devices (the strongest evidence, as in Habitat),
 * or an architectural twin measured on any device (twins.ts), nearest first. (The neighbour layer for rows without a roofline lives in engine.ts.)
 */
import { runtimeClassOf } from '../catalog/runtime.ts';
import type { MeasurementRow, Metric } from '../catalog/schema.ts';
import { precisionInfo } from '../roofline/precision.ts';

export interface Reference {
  row: MeasurementRow;
  /** The measured model's shape (twins.ts); null: no twin may stand in for it. */
  modelShape: string | null;
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
  /** The query model's shape (twins.ts): references of its architectural twins count too. */
  modelShape: string | null;
  hardwareId: string;
  metric: Metric;
  mode: string;
  precision: string;
  batch: number | null;
  promptTokens: number | null;
  genTokens: number | null;
  seqLen: number | null;
  imageSize: number | null;
  /** The query's runtime class, as the engine resolved it with the model (TensorRT serving an LLM: TensorRT-LLM). */
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
  /** Whether the reference measured an architectural twin of the query's model, not the model itself. */
  twin: boolean;
  /** Whether it ran on as many devices at the query's own lengths (where either states them). */
  sameShape: boolean;
}

/**
 * What one unit of distance costs: a runtime class other than the query's costs more than any spec gap
 * between devices of one kind, so same-runtime evidence always comes first when it exists.
 */
export const DISTANCE = {
  vendor: 1,
  kind: 1,
  devices: 1,
  runtime: 3,
  unknownBatch: 0.5,
  twin: 0.25,
  /** Per doubling between the reference's and the query's prompt, generated or sequence length. */
  length: 0.25,
  /** A length one side states and the other does not (as far as one doubling: the shape is less known). */
  unknownLength: 0.25,
} as const;

/** The most doublings a length may differ by (16×); farther references are not the same workload shape. */
const MAX_LENGTH_DOUBLINGS = 4;

/**
 * The distance between two lengths in doublings × DISTANCE.length (0 when neither states one,
 * DISTANCE.unknownLength when only one does), or null beyond MAX_LENGTH_DOUBLINGS. Efficiency is measured
 * against each row's own bound, which already scales with its lengths (the KV cache read per token, the
 * prompt's FLOPs), so a nearby length transfers; a row that states its lengths is nearer than one that does
 * not (MLPerf states none: a table at the query's own lengths is the better reference).
 */
export function lengthGap(a: number | null, b: number | null): number | null {
  if (a === b) return 0;
  if (a === null || b === null) return DISTANCE.unknownLength;
  if (a <= 0 || b <= 0) return null;
  const doublings = Math.abs(Math.log2(a / b));
  return doublings > MAX_LENGTH_DOUBLINGS ? null : doublings * DISTANCE.length;
}

/** A reference with what `find` compares, computed once. */
interface Entry {
  ref: Reference;
  runtime: string;
  log2Batch: number | null;
  /** Insertion order: ties in weight keep it. */
  order: number;
}

const shapeKey = (shape: string, metric: Metric, mode: string, precision: string) =>
  `shape:${shape}|${metric}|${mode}|${precisionClass(precision)}`;

/** Index of references by model (and by model shape, for twins), metric, mode and precision class. */
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
      const keys = ref.modelShape ? [k, shapeKey(ref.modelShape, r.metric, r.mode, r.precision)] : [k];
      for (const key of keys) {
        let group = this.byKey.get(key);
        if (!group) this.byKey.set(key, (group = { sized: [], unsized: [] }));
        (e.log2Batch === null ? group.unsized : group.sized).push(e);
      }
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
    for (const { e, gap, sameRuntime, twin, sameLengths } of candidates) {
      const ref = e.ref;
      // The model's own rows on this device are not transferred to it; a twin's are (the nearest evidence).
      if (!twin && ref.row.hardware_id === q.hardwareId) continue;
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
      const sameShape = sameLengths && ref.row.n_devices === q.nDevices;
      top[i] = { ref, weight: Math.exp(-tau * d), distance: d, sameRuntime, twin, sameShape };
      orders[i] = e.order;
    }
    return top;
  }

  /** Memo of `candidates` per workload shape: a ranking asks the same shape for every device. */
  private readonly shapes = new Map<string, Candidate[]>();

  /**
   * References with the query's workload shape (the same image size, lengths within 16×, batch within 2×)
   * and their device-independent distance: the batch and length gaps in doublings, the runtime class, and
   * whether a twin measured it.
   */
  private candidates(q: ReferenceQuery): Candidate[] {
    const key = refKey(q.modelId, q.metric, q.mode, q.precision);
    const shapeKey_ = `${key}|${q.modelShape}|${q.batch}|${q.promptTokens}|${q.genTokens}|${q.seqLen}|${q.imageSize}|${q.runtime}`;
    const memo = this.shapes.get(shapeKey_);
    if (memo) return memo;
    const out: Candidate[] = [];
    const rc = runtimeClassOf(q.runtime);
    const groups: { group: { sized: Entry[]; unsized: Entry[] } | undefined; twin: boolean }[] = [
      { group: this.byKey.get(key), twin: false },
    ];
    if (q.modelShape)
      groups.push({
        group: this.byKey.get(shapeKey(q.modelShape, q.metric, q.mode, q.precision)),
        twin: true,
      });
    for (const { group, twin } of groups) {
      if (!group) continue;
      const consider = (e: Entry, batchGap: number) => {
        const r = e.ref.row;
        // The shape group holds the model's own rows too: they come from the model's own group.
        if (twin && r.model_id === q.modelId) return;
        if (!sameLength(r.image_size, q.imageSize)) return;
        const prompt = lengthGap(r.prompt_tokens, q.promptTokens);
        const gen = lengthGap(r.gen_tokens, q.genTokens);
        const seq = lengthGap(r.seq_len, q.seqLen);
        if (prompt === null || gen === null || seq === null) return;
        const sameRuntime = e.runtime === rc;
        out.push({
          e,
          gap:
            batchGap + prompt + gen + seq + (sameRuntime ? 0 : DISTANCE.runtime) + (twin ? DISTANCE.twin : 0),
          sameRuntime,
          twin,
          sameLengths: prompt === 0 && gen === 0 && seq === 0,
        });
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
    }
    // Insertion order, so equal distances resolve the same way whatever the batch window held.
    out.sort((a, b) => a.e.order - b.e.order);
    if (this.shapes.size >= 4096) this.shapes.clear();
    this.shapes.set(shapeKey_, out);
    return out;
  }
}

interface Candidate {
  e: Entry;
  gap: number;
  sameRuntime: boolean;
  twin: boolean;
  /** Prompt, generated and sequence lengths all the query's (or stated by neither). */
  sameLengths: boolean;
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
