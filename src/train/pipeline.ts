/**
 * One training run, shared by `npm run train` and every evaluation fold: hold out a share of the training
 * devices for calibration, fit the network on the rest, and calibrate each layer's 80% interval on the
 * held-out devices by running the engine itself (split conformal), so intervals reflect unseen hardware.
 */
import type * as TF from '@tensorflow/tfjs';
import { TfjsEfficiencyModel } from '../adapters/tfjs-model.ts';
import { buildReferences, PredictionEngine, type CalibrationTerms } from '../core/predict/engine.ts';
import {
  FEATURE_COUNT,
  FEATURE_NAMES,
  FEATURE_VERSION,
  standardizeInPlace,
} from '../core/predict/featurize.ts';
import { efficiency, queryOf, rowRuntime, type Observation } from '../core/predict/observation.ts';
import { accuracy, type Scored } from '../core/predict/accuracy.ts';
import type { Manifest, Prediction } from '../core/predict/types.ts';
import { buildPrior, buildSupport } from '../core/predict/prior.ts';
import { fromObservations, rng, standardization } from './dataset.ts';
import { DEFAULT_FIT, fitNetwork, QUANTILES, type FitOptions } from './network.ts';

export interface TrainedEngine {
  engine: PredictionEngine;
  model: TfjsEfficiencyModel;
  manifest: Manifest;
  /** Median log-efficiency the network gives each training observation (reference adjustment). */
  trainLogEff: Float32Array;
}

export interface TrainOptions {
  fit: FitOptions;
  /** Cross-fitted members: each is fit without one group of devices and calibrates on it. */
  members: number;
  coverage: number;
  snapshot: string;
  log: (s: string) => void;
}

export const DEFAULT_TRAIN: TrainOptions = {
  fit: DEFAULT_FIT,
  members: 3,
  coverage: 0.8,
  snapshot: 'unknown',
  log: () => {},
};

export { queryOf };

/** Conformal quantile: the ⌈(n+1)·coverage⌉-th smallest score. */
export function conformalQuantile(scores: number[], coverage: number): number {
  if (scores.length === 0) return 0.5;
  const s = [...scores].sort((a, b) => a - b);
  const k = Math.min(s.length - 1, Math.ceil((s.length + 1) * coverage) - 1);
  return Math.max(0, s[k]!);
}

/** Typical efficiency per device kind × phase (and per phase for any kind) with its log spread. */
function typicalEfficiency(obs: readonly Observation[]) {
  const groups = new Map<string, number[]>();
  for (const o of obs) {
    const phase = o.estimate.phases[0]!.phase;
    for (const key of [`${o.hw.kind}:${phase}`, `*:${phase}`]) {
      const g = groups.get(key) ?? [];
      g.push(Math.log(Math.min(o.efficiency, 1)));
      groups.set(key, g);
    }
  }
  const typical: Record<string, number> = {};
  const spread: Record<string, [number, number]> = {};
  for (const [key, logs] of groups) {
    if (logs.length < 20) continue;
    const s = [...logs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
    typical[key] = Math.exp(q(0.5));
    spread[key] = [q(0.5) - q(0.1), q(0.9) - q(0.5)];
  }
  return { typical, spread };
}

/**
 * Train on `obs` and return a calibrated engine whose references are all of `obs`.
 * Cross-fitting: devices are split into `members` groups; member k is fit without group k, and scores the
 * rows of group k as unseen hardware (through the engine, with references from the other groups). Those
 * out-of-group scores set the conformal widening; the served model averages the members.
 */
export async function trainEngine(
  tf: typeof TF,
  obs: readonly Observation[],
  options: Partial<TrainOptions> = {},
): Promise<TrainedEngine> {
  const o = { ...DEFAULT_TRAIN, ...options };
  const data = fromObservations([...obs]);
  const devices = [...new Set(obs.map((x) => x.hw.id))].sort();
  const random = rng(o.fit.seed + 1000);
  const order = devices.map((d) => ({ d, k: random() })).sort((a, b) => a.k - b.k);
  const k = Math.max(1, Math.min(o.members, devices.length));
  // Groups balanced by rows (largest device first into the lightest group): a member fit on a small share
  // of the rows is a weaker network than the served one, and would calibrate its settings on the wrong side.
  const rowsOf = new Map<string, number>();
  for (const x of obs) rowsOf.set(x.hw.id, (rowsOf.get(x.hw.id) ?? 0) + 1);
  const load = new Array<number>(k).fill(0);
  const groupOf = new Map<string, number>();
  for (const { d } of [...order].sort((a, b) => rowsOf.get(b.d)! - rowsOf.get(a.d)!)) {
    const g = load.indexOf(Math.min(...load));
    groupOf.set(d, g);
    load[g]! += rowsOf.get(d)!;
  }
  const allRows = obs.map((_, i) => i);

  const { mean, std } = standardization(data.x, allRows);
  const xs = standardizeInPlace(Float32Array.from(data.x), mean, std);
  const { typical, spread } = typicalEfficiency(obs);
  const manifest: Manifest = {
    featureVersion: FEATURE_VERSION,
    featureNames: [...FEATURE_NAMES],
    mean,
    std,
    quantiles: [...QUANTILES] as [number, number, number],
    conformal: { learned: 0, transfer: 0 },
    typicalEfficiency: typical,
    typicalSpread: spread,
    snapshot: o.snapshot,
    seed: o.fit.seed,
    trainedRows: obs.length,
    architecture: [FEATURE_COUNT, ...o.fit.hidden, 3],
    epochs: o.fit.steps,
  };

  const members: TF.LayersModel[] = [];
  const scores: Record<string, number[]> = { learned: [], transfer: [] };
  const unseen: Record<string, Scored[]> = { learned: [], transfer: [] };
  const priorOf = (rows: readonly number[]) =>
    buildPrior(
      rows.map((i) => {
        const x = obs[i]!;
        return { runtime: rowRuntime(x.row), hw: x.hw, metric: x.row.metric, efficiency: x.efficiency };
      }),
    );
  manifest.prior = priorOf(allRows);
  const supportOf = (rows: readonly number[]) =>
    buildSupport(rows.map((i) => ({ runtime: rowRuntime(obs[i]!.row), hw: obs[i]!.hw })));
  manifest.support = supportOf(allRows);
  const held: Held[] = [];
  for (let g = 0; g < k; g++) {
    const fitRows = k === 1 ? allRows : allRows.filter((i) => groupOf.get(obs[i]!.hw.id) !== g);
    const heldRows = k === 1 ? [] : allRows.filter((i) => groupOf.get(obs[i]!.hw.id) === g);
    o.log(`member ${g + 1}/${k}: fit on ${fitRows.length} rows, score ${heldRows.length} unseen-device rows`);
    const net = await fitNetwork(xs, data.t, data.w, fitRows, { ...o.fit, seed: o.fit.seed + g }, o.log);
    members.push(net);
    if (heldRows.length === 0) continue;
    const member = TfjsEfficiencyModel.wrap(tf, net);
    const q = member.predict(xs, obs.length);
    const references = buildReferences(
      fitRows.map((i) => obs[i]!),
      fitRows.map((i) => q[3 * i + 1]!),
    );
    const prior = priorOf(fitRows);
    const support = supportOf(fitRows);
    held.push({
      engineOf: (settings) =>
        new PredictionEngine({
          manifest: { ...manifest, prior, support, ...settings },
          model: member,
          references,
        }),
      rows: heldRows.map((i) => obs[i]!),
    });
  }
  const settings = await chooseSettings(held, o.log);
  Object.assign(manifest, settings);
  // Split conformal per evidence level: |log error| of each member's answers on the devices it never saw.
  const byEvidence = new Map<string, number[]>();
  const push = (k: string, v: number) => {
    const list = byEvidence.get(k);
    if (list) list.push(v);
    else byEvidence.set(k, [v]);
  };
  for (const h of held) {
    const preds = await h.engineOf(settings).predictMany(h.rows.map(queryOf));
    preds.forEach((p, i) => {
      if (!p.ok || !(p.layer in scores)) return;
      const truth = h.rows[i]!.row.value;
      const err = Math.abs(Math.log(p.value / truth));
      scores[p.layer]!.push(err);
      if (p.evidence) push(p.evidence, err);
      unseen[p.layer]!.push({ truth, pred: p.value });
    });
  }
  // Accuracy of each member on the devices it never saw (before widening): a built-in unseen-hardware check.
  manifest.metrics = {
    unseenDevices: {
      learned: accuracy(unseen.learned!),
      transfer: accuracy(unseen.transfer!),
      all: accuracy([...unseen.learned!, ...unseen.transfer!]),
    },
  };
  manifest.intervals = 'symmetric';
  manifest.conformal = {
    learned: conformalQuantile(scores.learned!, o.coverage),
    transfer: conformalQuantile(
      scores.transfer!.length >= 30 ? scores.transfer! : scores.learned!,
      o.coverage,
    ),
  };
  for (const [k, errs] of [...byEvidence].sort(([a], [b]) => a.localeCompare(b)))
    if (errs.length >= 30) manifest.conformal[k] = conformalQuantile(errs, o.coverage);
  o.log(
    `conformal half-widths (log): ${Object.entries(manifest.conformal)
      .map(([k, v]) => `${k} ${v.toFixed(3)}`)
      .join(', ')}`,
  );

  const model = TfjsEfficiencyModel.wrap(tf, averageMembers(tf, members));
  const q = model.predict(xs, obs.length);
  const trainLogEff = new Float32Array(obs.length);
  for (let i = 0; i < obs.length; i++) trainLogEff[i] = q[3 * i + 1]!;
  const engine = new PredictionEngine({ manifest, model, references: buildReferences(obs, trainLogEff) });
  return { engine, model, manifest, trainLogEff };
}

/** Network weights in the learned layer the search tries (the rest on the runtime's typical efficiency). */
export const BLENDS = [0, 0.25, 0.5, 0.75, 1] as const;
/** The most the network may move the learned layer from the runtime's typical efficiency (log). */
export const DEVIATIONS = [0.35, 0.7, 1.1, 1.6, Infinity] as const;
/** How sharply transfer prefers the nearest reference device (weight e^(−tau·distance)). */
export const TAUS = [0.5, 2] as const;
/**
 * Shares of the learned difference between devices that same-runtime transfer keeps. Members are fit on
 * two thirds of the devices, so their learned differences are noisier than the served network's and their
 * calibration leans toward small shares (on one leave-hardware-out fold, timm: 0.25 → 41% MdAPE, 1 → 21%);
 * the grid therefore starts at a half.
 */
export const SHRINKS = [0.5, 1] as const;
/** Rows a runtime class needs in calibration for its own shrink. */
const MIN_CLASS_ROWS = 30;

interface Held {
  engineOf: (settings: Partial<Manifest>) => PredictionEngine;
  rows: Observation[];
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Infinity;

/**
 * The settings that combine the engine's parts, each chosen for the smallest median |log error| on the
 * devices each cross-fitted member never saw: transfer's tau and shrink (per runtime class where it has
 * rows), and the learned layer's blend and deviation cap. Scored from the parts (calibrationTerms), so the
 * grid costs one pass per tau. Ties keep the earlier (sharper, less shrunk, more network) setting.
 */
async function chooseSettings(held: readonly Held[], log: (s: string) => void): Promise<Partial<Manifest>> {
  const clamp0 = (x: number) => Math.min(0, x);
  let best: {
    tau: number;
    shrink: number;
    err: number;
    terms: { t: CalibrationTerms; truth: number }[];
  } | null = null;
  for (const tau of TAUS) {
    const terms: { t: CalibrationTerms; truth: number }[] = [];
    for (const h of held) {
      const t = await h.engineOf({ transfer: { tau } }).calibrationTerms(h.rows.map(queryOf));
      t.forEach((x, i) => {
        const o = h.rows[i]!;
        if (x) terms.push({ t: x, truth: Math.log(efficiency(o.row.metric, x.bound, o.row.value)) });
      });
    }
    const tr = terms.filter((x) => x.t.kind === 'transfer');
    for (const shrink of SHRINKS) {
      const err = medianOf(
        tr.map(({ t, truth }) =>
          t.kind === 'transfer' ? Math.abs(clamp0(t.measured + shrink * t.difference) - truth) : 0,
        ),
      );
      log(`transfer tau ${tau} shrink ${shrink}: median |log error| ${err.toFixed(3)} on ${tr.length} rows`);
      if (!best || err < best.err - 1e-9) best = { tau, shrink, err, terms };
    }
  }
  if (!best) return {};
  const shrinkByRuntime: Record<string, number> = {};
  const byRuntime = new Map<string, { t: CalibrationTerms; truth: number }[]>();
  for (const x of best.terms)
    if (x.t.kind === 'transfer') byRuntime.set(x.t.runtime, [...(byRuntime.get(x.t.runtime) ?? []), x]);
  for (const [rt, rows] of [...byRuntime].sort(([a], [b]) => a.localeCompare(b))) {
    if (rows.length < MIN_CLASS_ROWS) continue;
    let pick = { shrink: best.shrink, err: Infinity };
    for (const shrink of SHRINKS) {
      const err = medianOf(
        rows.map(({ t, truth }) =>
          t.kind === 'transfer' ? Math.abs(clamp0(t.measured + shrink * t.difference) - truth) : 0,
        ),
      );
      if (err < pick.err - 1e-9) pick = { shrink, err };
    }
    shrinkByRuntime[rt] = pick.shrink;
  }
  log(`transfer shrink by runtime: ${JSON.stringify(shrinkByRuntime)}`);
  const learned = best.terms.filter((x) => x.t.kind === 'learned');
  let blend = { learnedBlend: 1, learnedMaxDeviation: Infinity, err: Infinity };
  for (const alpha of [...BLENDS].reverse())
    for (const dev of [...DEVIATIONS].reverse()) {
      const err = medianOf(
        learned.map(({ t, truth }) =>
          t.kind === 'learned'
            ? Math.abs(
                clamp0(t.prior + alpha * t.share * Math.max(-dev, Math.min(dev, t.q50 - t.prior))) - truth,
              )
            : 0,
        ),
      );
      if (err < blend.err - 1e-9) blend = { learnedBlend: alpha, learnedMaxDeviation: dev, err };
    }
  log(
    `learned layer: blend ${blend.learnedBlend}, deviation cap ${blend.learnedMaxDeviation}: median |log error| ${blend.err.toFixed(3)} on ${learned.length} rows`,
  );
  return {
    transfer: { tau: best.tau, shrink: best.shrink, shrinkByRuntime, maxCorrection: Math.log(4) },
    learnedBlend: blend.learnedBlend,
    // JSON has no Infinity: an uncapped deviation is stored as absent.
    ...(Number.isFinite(blend.learnedMaxDeviation) ? { learnedMaxDeviation: blend.learnedMaxDeviation } : {}),
  };
}

/** One tfjs model whose output is the mean of the members' outputs (saved and loaded as a single model). */
function averageMembers(tf: typeof TF, members: TF.LayersModel[]): TF.LayersModel {
  if (members.length === 1) return members[0]!;
  const input = tf.input({ shape: [FEATURE_COUNT] });
  const outs = members.map((m) => m.apply(input) as TF.SymbolicTensor);
  const mean = tf.layers.average().apply(outs) as TF.SymbolicTensor;
  return tf.model({ inputs: input, outputs: mean });
}

export type { Prediction };
