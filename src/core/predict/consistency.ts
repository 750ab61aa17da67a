/**
 * Physics an engineer checks at a glance, enforced on every batch of predictions:
 * - a device with at least the bandwidth and the peak of another (and the interconnect, on several devices)
 *   is never slower at the same workload, precision and runtime;
 * - throughput never falls, and never more than doubles, when the batch doubles; a batch's latency never
 *   falls, and never more than doubles;
 * - fewer bytes per weight are faster when decode is memory-bound: at least min(1.3, the bound's ratio) ×
 *   the heavier format (fp8 over fp16, int4 over int8, q4 over q8_0);
 * - a larger model of one family (more total and active parameters, same architecture) is never faster.
 * Each query is compared with the half-batch, the heavier precision and the devices it dominates (those in
 * the same call, and the catalog's for small calls); the predictions are then moved the least that satisfies
 * every comparison (measured evidence moving less than learned guesses), never past the roofline bound.
 * Intervals move with their prediction.
 * Your own measurements outrank the spec sheet where they are the basis of an answer: a prediction scaled
 * from your rows on the same device (`Prediction.ownDevice`), or any prediction on a device a calibrated model
 * was tuned on with your rows (`own`), is not compared with other devices by their specs (your drivers,
 * clocks and cooling are facts a spec sheet does not know); every other comparison still holds for it.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import { isGgufKind } from '../catalog/normalize.ts';
import type { RooflineEstimate } from '../roofline/estimate.ts';
import type { ModelArch } from '../roofline/workload.ts';
import { RATE_METRICS } from './observation.ts';
import type { Prediction, Query } from './types.ts';

/** Device kinds compared for dominance (browsers and CPUs have peaks of another nature). */
const DOMINANCE_KINDS = new Set(['gpu', 'soc-gpu', 'tpu', 'npu']);
/** Calls up to this many queries also compare with every catalog device they dominate. */
export const CATALOG_EXPANSION_LIMIT = 16;
/** The least speed-up fewer bytes per weight must give on memory-bound decode (capped by the bound's ratio). */
export const FEWER_BYTES_GAIN = 1.3;

/** The next heavier format of a precision, for the fewer-bytes rule. */
export function heavierPrecision(p: string): string | null {
  if (p === 'fp8') return 'fp16';
  if (p === 'fp4') return 'fp8';
  if (p === 'int4') return 'int8';
  if (p === 'int8') return 'fp16';
  if (isGgufKind(p) && p !== 'q8_0' && p !== 'f16') return 'q8_0';
  return null;
}

type Relation = 'batch' | 'precision' | 'device' | 'smaller-model';
interface Edge {
  from: number;
  kind: Relation;
  /** precision: the required gain; batch: batch ÷ half-batch. */
  factor: number;
}
interface Node {
  query: Query;
  estimate: RooflineEstimate;
  in: Edge[];
}

const peakOf = (e: RooflineEstimate) => (e.ok ? e.peakTflops : 0);

/** Everything but the device: queries that share it are compared across devices. */
function shapeKey(q: Query, ids: (o: object) => number, withModel = true): string {
  const w = q.workload;
  return [
    withModel ? ids(w.model) : '',
    q.metric,
    q.runtime ?? '',
    q.scenario ?? '',
    q.batchKnown ?? true,
    w.mode,
    w.batch,
    w.precision,
    w.nDevices,
    w.parallelism ?? '',
    w.layout ? `${w.layout.tp}x${w.layout.pp}` : '',
    w.seqLen ?? '',
    w.promptTokens ?? '',
    w.genTokens ?? '',
    w.imageSize ?? '',
    w.runtime ?? '',
    w.kvPrecision ?? '',
  ].join('|');
}

/** Is a a larger member of b's family (at least b's total and active parameters, the same architecture)? */
function larger(a: ModelArch, b: ModelArch): boolean {
  if (a === b || a.family !== b.family || a.architecture !== b.architecture) return false;
  const [pa, pb] = [a.params_m ?? 0, b.params_m ?? 0];
  const [aa, ab] = [a.active_params_m ?? pa, b.active_params_m ?? pb];
  return pa >= pb && aa >= ab && (pa > pb || aa > ab);
}

/** Rate metrics and direct time metrics; memory is not a speed. */
const isSpeed = (q: Query) => q.metric !== 'memory_mb';

/** Is decode memory-bound in this estimate (the fewer-bytes rule applies only there)? */
function decodeMemoryBound(e: RooflineEstimate): boolean {
  return e.ok && e.phases.some((p) => p.phase === 'decode' && p.bound === 'memory');
}

/**
 * Predict `queries` through `raw` with the comparisons above. `catalog` supplies dominated devices for small
 * calls; `estimate` is the roofline the engine uses (memoized there).
 */
export async function predictConsistent(
  queries: readonly Query[],
  raw: (qs: readonly Query[]) => Promise<Prediction[]>,
  estimate: (q: Query) => RooflineEstimate,
  catalog: readonly HardwareRow[] = [],
  own: ReadonlySet<string> = new Set(),
): Promise<Prediction[]> {
  const objectIds = new WeakMap<object, number>();
  let next = 0;
  const ids = (o: object) => {
    let id = objectIds.get(o);
    if (id === undefined) objectIds.set(o, (id = next++));
    return id;
  };
  const nodes: Node[] = [];
  const index = new Map<string, number>();
  const add = (q: Query): number => {
    const key = `${shapeKey(q, ids)}@${q.hw.id}`;
    let i = index.get(key);
    if (i === undefined) {
      index.set(key, (i = nodes.length));
      nodes.push({ query: q, estimate: estimate(q), in: [] });
    }
    return i;
  };
  queries.forEach(add);
  const expandCatalog = queries.length <= CATALOG_EXPANSION_LIMIT;

  // Comparators: half batch and heavier precision of every node (transitively), catalog devices when small.
  for (let i = 0; i < nodes.length; i++) {
    const { query: q, estimate: e } = nodes[i]!;
    if (!isSpeed(q) || !e.ok) continue;
    const w = q.workload;
    if (q.batchKnown !== false && w.batch >= 2) {
      const half = Math.floor(w.batch / 2);
      const from = add({ ...q, workload: { ...w, batch: half } });
      nodes[i]!.in.push({ from, kind: 'batch', factor: w.batch / half });
    }
    const heavy = heavierPrecision(w.precision);
    if (heavy && (q.metric === 'decode_tokens_s' || q.metric === 'tpot_ms') && decodeMemoryBound(e)) {
      const from = add({ ...q, workload: { ...w, precision: heavy } });
      nodes[i]!.in.push({ from, kind: 'precision', factor: 0 });
    }
    if (expandCatalog && i < queries.length && DOMINANCE_KINDS.has(q.hw.kind) && !own.has(q.hw.id))
      for (const d of catalog)
        if (d.id !== q.hw.id && DOMINANCE_KINDS.has(d.kind) && !own.has(d.id)) add({ ...q, hw: d });
  }
  // Dominance within each shape (after expansion, so catalog devices and half-batches are compared too).
  const byShape = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (!isSpeed(n.query) || !n.estimate.ok) return;
    const k = shapeKey(n.query, ids);
    const list = byShape.get(k);
    if (list) list.push(i);
    else byShape.set(k, [i]);
  });
  const bw = nodes.map((n) => n.query.hw.mem_bw_gbs ?? 0);
  const pk = nodes.map((n) => peakOf(n.estimate));
  const ic = nodes.map((n) => n.query.hw.interconnect_gbs ?? 0);
  const ok = nodes.map((n) => DOMINANCE_KINDS.has(n.query.hw.kind) && !own.has(n.query.hw.id));
  const size = (i: number) => pk[i]! * bw[i]!;
  const hwOf = nodes.map((n) => n.query.hw);
  const dom = (a: number, b: number) =>
    bw[a]! >= bw[b]! &&
    pk[a]! >= pk[b]! &&
    a !== b &&
    ok[a]! &&
    ok[b]! &&
    hwOf[a] !== hwOf[b] &&
    (nodes[a]!.query.workload.nDevices <= 1 || ic[a]! >= ic[b]!);
  for (const members of byShape.values()) {
    if (members.length < 2) continue;
    const multi = nodes[members[0]!]!.query.workload.nDevices > 1;
    const byBw = [...members].sort((x, y) => bw[y]! - bw[x]! || pk[y]! - pk[x]! || size(y) - size(x));
    for (const a of members) {
      // Only the devices a dominates that no other such device dominates (its dominated set's skyline in
      // bandwidth × peak): the rest are reached through them, the order being transitive.
      let best = -Infinity;
      const kept: number[] = [];
      for (const b of byBw) {
        if (!dom(a, b)) continue;
        if (dom(b, a)) {
          // A twin (each dominates the other): linked both ways, and never standing in for the devices below.
          nodes[a]!.in.push({ from: b, kind: 'device', factor: 1 });
          continue;
        }
        if (multi ? kept.some((c) => dom(c, b)) : pk[b]! <= best) continue;
        best = Math.max(best, pk[b]!);
        kept.push(b);
        nodes[a]!.in.push({ from: b, kind: 'device', factor: 1 });
      }
    }
  }

  // Model size within each device × shape: a larger model of one family never beats a smaller one.
  const byDevice = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (!isSpeed(n.query) || !n.estimate.ok) return;
    const k = `${shapeKey(n.query, ids, false)}@${n.query.hw.id}`;
    const list = byDevice.get(k);
    if (list) list.push(i);
    else byDevice.set(k, [i]);
  });
  for (const members of byDevice.values()) {
    if (members.length < 2) continue;
    for (const a of members)
      for (const b of members) {
        const ma = nodes[a]!.query.workload.model;
        const mb = nodes[b]!.query.workload.model;
        if (a !== b && larger(ma, mb)) nodes[a]!.in.push({ from: b, kind: 'smaller-model', factor: 1 });
      }
  }

  const answers = await raw(nodes.map((n) => n.query));
  // Device comparisons skip answers based on your own rows of that device.
  const mine = answers.map((a) => a.ok && a.ownDevice === true);
  if (mine.some(Boolean))
    nodes.forEach((n, i) => {
      n.in = n.in.filter((e) => e.kind !== 'device' || (!mine[i] && !mine[e.from]));
    });
  const value = answers.map((a) => (a.ok ? a.value : NaN));
  const bound = answers.map((a) => (a.ok && a.boundValue !== null ? a.boundValue : NaN));
  // Precision gains: min(1.3, ratio of the two bounds), so the bound itself always satisfies the rule.
  nodes.forEach((n, i) => {
    for (const e of n.in)
      if (e.kind === 'precision') {
        const r = RATE_METRICS.has(n.query.metric) ? bound[i]! / bound[e.from]! : bound[e.from]! / bound[i]!;
        e.factor = Number.isFinite(r) && r > 1 ? Math.min(FEWER_BYTES_GAIN, r) : 1;
      }
  });
  // Every comparison as "log v[y] ≥ log v[x] + g" (for times, faster means smaller, so the pairs turn round).
  const cons: { x: number; y: number; g: number }[] = [];
  nodes.forEach((n, i) => {
    const rate = RATE_METRICS.has(n.query.metric);
    for (const e of n.in) {
      const j = e.from;
      if (e.kind === 'batch') {
        // rate(b/2) ≤ rate(b) ≤ (b ÷ b/2)·rate(b/2); a batch's time likewise never falls, nor more than doubles.
        cons.push({ x: j, y: i, g: 0 }, { x: i, y: j, g: -Math.log(e.factor) });
      } else if (e.kind === 'precision')
        cons.push(rate ? { x: j, y: i, g: Math.log(e.factor) } : { x: i, y: j, g: Math.log(e.factor) });
      else if (e.kind === 'device') cons.push(rate ? { x: j, y: i, g: 0 } : { x: i, y: j, g: 0 });
      else if (e.kind === 'smaller-model') cons.push(rate ? { x: i, y: j, g: 0 } : { x: j, y: i, g: 0 });
    }
  });
  // Gauss–Seidel order: constraints into the weakest, smallest-batch predictions first, so one sweep carries a
  // change up the whole chain.
  const rank = nodes.map(
    (n) =>
      [
        n.query.workload.batch,
        n.query.workload.model.params_m ?? 0,
        peakOf(n.estimate) * (n.query.hw.mem_bw_gbs ?? 0),
      ] as const,
  );
  const before = (i: number, j: number) =>
    rank[i]![0] - rank[j]![0] || rank[i]![1] - rank[j]![1] || rank[i]![2] - rank[j]![2];
  cons.sort((c, d) => before(c.y, d.y) || before(c.x, d.x));
  const lv = value.map((v) => Math.log(v));
  const lb = bound.map((b) => Math.log(b));
  const rateAt = nodes.map((n) => RATE_METRICS.has(n.query.metric));
  // Measured evidence (transfer, neighbours) weighs more than a learned guess when two predictions disagree.
  const weight = answers.map((a) => (a.ok && (a.layer === 'transfer' || a.layer === 'neighbours') ? 4 : 1));
  const clamp = (i: number) => {
    if (!Number.isFinite(lb[i]!)) return;
    if (rateAt[i] ? lv[i]! > lb[i]! : lv[i]! < lb[i]!) lv[i] = lb[i]!;
  };
  // Cyclic projections: each violated comparison moves both predictions, in proportion to the other's weight,
  // the least that satisfies it; bounds are hard. Repeated until no comparison is off by more than 0.01%.
  for (let pass = 0; pass < 60; pass++) {
    let worst = 0;
    for (const c of cons) {
      const [vx, vy] = [lv[c.x]!, lv[c.y]!];
      if (!Number.isFinite(vx) || !Number.isFinite(vy)) continue;
      const d = vx + c.g - vy;
      if (d <= 1e-9) continue;
      worst = Math.max(worst, d);
      const [wx, wy] = [weight[c.x]!, weight[c.y]!];
      lv[c.y] = vy + (d * wx) / (wx + wy);
      lv[c.x] = vx - (d * wy) / (wx + wy);
      clamp(c.x);
      clamp(c.y);
    }
    if (worst < 1e-4) break;
  }
  settle(lv, lb, rateAt, nodes, rank);
  lv.forEach((l, i) => {
    if (Number.isFinite(l)) value[i] = Math.exp(l);
  });
  return queries.map((q) => {
    const i = index.get(`${shapeKey(q, ids)}@${q.hw.id}`)!;
    const a = answers[i]!;
    if (!a.ok || Math.abs(value[i]! / a.value - 1) < 1e-9) return a;
    const s = value[i]! / a.value;
    return {
      ...a,
      value: value[i]!,
      low: a.low * s,
      high: a.high * s,
      explanation: `${a.explanation}; moved ${s > 1 ? 'up' : 'down'} ×${(s > 1 ? s : 1 / s).toFixed(2)} to agree with related predictions (devices it dominates, half the batch, a heavier format, a smaller model)`,
    };
  });
}

/**
 * Finish what the projections left slightly off (long chains converge slowly): one-sided sweeps in the
 * order half batch → smaller model → smaller device, each prediction clamped between what its comparisons
 * allow (the lower limit winning a conflict), so every comparison holds exactly.
 */
function settle(
  lv: number[],
  lb: readonly number[],
  rateAt: readonly boolean[],
  nodes: readonly Node[],
  rank: readonly (readonly [number, number, number])[],
): void {
  const order = nodes
    .map((_, i) => i)
    .sort((i, j) => rank[i]![0] - rank[j]![0] || rank[i]![1] - rank[j]![1] || rank[i]![2] - rank[j]![2]);
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const i of order) {
      const v = lv[i]!;
      if (!Number.isFinite(v)) continue;
      const rate = rateAt[i]!;
      let lo = rate ? -Infinity : Number.isFinite(lb[i]!) ? lb[i]! : -Infinity;
      let hi = rate && Number.isFinite(lb[i]!) ? lb[i]! : Infinity;
      for (const e of nodes[i]!.in) {
        const u = lv[e.from]!;
        if (!Number.isFinite(u)) continue;
        if (e.kind === 'batch') {
          lo = Math.max(lo, u);
          hi = Math.min(hi, u + Math.log(e.factor));
        } else if (e.kind === 'smaller-model') {
          if (rate) hi = Math.min(hi, u);
          else lo = Math.max(lo, u);
        } else if (rate) lo = Math.max(lo, u + Math.log(e.factor));
        else hi = Math.min(hi, u - Math.log(e.factor));
      }
      const nv = hi >= lo ? Math.min(Math.max(v, lo), hi) : lo;
      if (Math.abs(nv - v) > 1e-12) {
        lv[i] = nv;
        changed = true;
      }
    }
    if (!changed) break;
  }
}
