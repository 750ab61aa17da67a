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
export const TAUS = [0.5, 2, 8] as const;
/**
 * Shares of the learned difference between devices that same-runtime transfer keeps. Members are fit on part
 * of the devices, so their learned differences are noisier than the served network's; 0 leaves transfer to
 * the measured reference and the resource scaling alone.
 */
export const SHRINKS = [0, 0.5, 1] as const;
/**
 * Elasticity losses tried per runtime: the share of a faster bounding resource a runtime does not turn into
 * speed. At most 0.75, so a device with more of the bounding resource is never predicted slower and stays at
 * least ratio^0.25 faster (PyTorch eager on vision models turns an RTX 3090 → 4090 step of 2.3× dense peak
 * into ~1.4×, a loss of 0.6; llama.cpp decode of an 8B model runs 1.1× faster on an H100 PCIe than on an RTX
 * 4090 with 2× the bandwidth).
 */
export const ELASTICITIES = Array.from({ length: 16 }, (_, i) => i / 20);
/** A setting's error may exceed the best by this share and still be kept for being plainer (less elasticity). */
const PLAINER = 0.01;
/** Rows a runtime class (or class and bound kind) needs in calibration for its own settings. */
const MIN_CLASS_ROWS = 30;

interface Held {
  engineOf: (settings: Partial<Manifest>) => PredictionEngine;
  rows: Observation[];
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Infinity;

type Term = { t: CalibrationTerms; truth: number };
export type TransferTerm = { t: Extract<CalibrationTerms, { kind: 'transfer' }>; truth: number };

/**
 * The elasticity loss with the smallest median |log error| over `rows` under a shrink: the least loss whose
 * error is within PLAINER of the best (where the rows barely tell losses apart, the plain roofline scaling).
 */
export function elasticityFor(
  rows: readonly TransferTerm[],
  shrink: number,
): { elasticity: number; err: number } {
  const errs = ELASTICITIES.map((e) =>
    medianOf(
      rows.map(({ t, truth }) =>
        Math.abs(Math.min(0, t.measured + shrink * t.difference - e * t.scaling) - truth),
      ),
    ),
  );
  const best = Math.min(...errs);
  const k = errs.findIndex((e) => e <= best * (1 + PLAINER) + 1e-12);
  return { elasticity: ELASTICITIES[k]!, err: errs[k]! };
}

/**
 * The shrink (from SHRINKS) and elasticity loss with the smallest median |log error| over `rows`. Ties keep
 * the larger shrink (the network's difference as trained).
 */
export function pickTransfer(rows: readonly TransferTerm[]): {
  shrink: number;
  elasticity: number;
  err: number;
} {
  let pick = { shrink: 1, elasticity: 0, err: Infinity };
  for (const shrink of [...SHRINKS].reverse()) {
    const e = elasticityFor(rows, shrink);
    if (e.err < pick.err - 1e-9) pick = { shrink, ...e };
  }
  return pick;
}

/**
 * The settings that combine the engine's parts, each chosen for the smallest median |log error| on the
 * devices each cross-fitted member never saw: transfer's tau, shrink and elasticity loss (per runtime where
 * it has rows, and the elasticity also per bound kind), and the learned layer's blend and deviation
 * cap. Scored from the parts (calibrationTerms), so the grid costs one pass per tau.
 */
async function chooseSettings(held: readonly Held[], log: (s: string) => void): Promise<Partial<Manifest>> {
  const clamp0 = (x: number) => Math.min(0, x);
  let best: { tau: number; shrink: number; elasticity: number; err: number; terms: Term[] } | null = null;
  /** Per tau: transfer rows by runtime key and by `key:boundKind`. */
  const groupsByTau = new Map<number, Map<string, TransferTerm[]>>();
  for (const tau of TAUS) {
    const terms: Term[] = [];
    for (const h of held) {
      const t = await h.engineOf({ transfer: { tau } }).calibrationTerms(h.rows.map(queryOf));
      t.forEach((x, i) => {
        const o = h.rows[i]!;
        if (x) terms.push({ t: x, truth: Math.log(efficiency(o.row.metric, x.bound, o.row.value)) });
      });
    }
    const pick = pickTransfer(terms.filter((x): x is TransferTerm => x.t.kind === 'transfer'));
    log(
      `transfer tau ${tau}: shrink ${pick.shrink}, elasticity ${pick.elasticity}: median |log error| ${pick.err.toFixed(3)}`,
    );
    if (!best || pick.err < best.err - 1e-9) best = { tau, ...pick, terms };
    const groups = new Map<string, TransferTerm[]>();
    const add = (key: string, x: TransferTerm) => {
      const g = groups.get(key);
      if (g) g.push(x);
      else groups.set(key, [x]);
    };
    for (const x of terms)
      if (x.t.kind === 'transfer')
        for (const key of x.t.keys) {
          add(key, x as TransferTerm);
          add(`${key}:${x.t.boundKind}`, x as TransferTerm);
        }
    groupsByTau.set(tau, groups);
  }
  if (!best) return {};
  const tauByRuntime: Record<string, number> = {};
  const shrinkByRuntime: Record<string, number> = {};
  const elasticityByRuntime: Record<string, number> = {};
  const keys = [...groupsByTau.get(best.tau)!.keys()].sort((a, b) => a.localeCompare(b));
  // A runtime's tau, shrink and elasticity first (the same rows under each tau; ties keep the overall tau),
  // then each bound kind's elasticity under that tau and shrink.
  for (const key of keys) {
    if (key.includes(':') || groupsByTau.get(best.tau)!.get(key)!.length < MIN_CLASS_ROWS) continue;
    let pick: { tau: number; shrink: number; elasticity: number; err: number } | null = null;
    for (const tau of [best.tau, ...TAUS.filter((t) => t !== best.tau)]) {
      const p = pickTransfer(groupsByTau.get(tau)!.get(key) ?? []);
      if (!pick || p.err < pick.err - 1e-9) pick = { tau, ...p };
    }
    tauByRuntime[key] = pick!.tau;
    shrinkByRuntime[key] = pick!.shrink;
    elasticityByRuntime[key] = pick!.elasticity;
  }
  for (const key of keys) {
    if (!key.includes(':')) continue;
    const runtime = key.slice(0, key.lastIndexOf(':'));
    const rows = groupsByTau.get(tauByRuntime[runtime] ?? best.tau)!.get(key) ?? [];
    const shrink = shrinkByRuntime[runtime] ?? best.shrink;
    if (rows.length >= MIN_CLASS_ROWS) elasticityByRuntime[key] = elasticityFor(rows, shrink).elasticity;
  }
  log(`transfer tau by runtime: ${JSON.stringify(tauByRuntime)}`);
  log(`transfer shrink by runtime: ${JSON.stringify(shrinkByRuntime)}`);
  log(`transfer elasticity by runtime: ${JSON.stringify(elasticityByRuntime)}`);
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
    transfer: {
      tau: best.tau,
      tauByRuntime,
      shrink: best.shrink,
      shrinkByRuntime,
      elasticity: best.elasticity,
      elasticityByRuntime,
      maxCorrection: Math.log(4),
    },
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
