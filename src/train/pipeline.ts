/**
 * One training run, shared by `npm run train` and every evaluation fold: hold out a share of the training
 * devices for calibration, fit the network on the rest, and calibrate each layer's 80% interval on the
 * held-out devices by running the engine itself (split conformal), so intervals reflect unseen hardware.
 */
import type * as TF from '@tensorflow/tfjs';
import { TfjsEfficiencyModel } from '../adapters/tfjs-model.ts';
import { buildReferences, PredictionEngine } from '../core/predict/engine.ts';
import { FEATURE_COUNT, FEATURE_NAMES, FEATURE_VERSION } from '../core/predict/featurize.ts';
import type { Observation } from '../core/predict/observation.ts';
import { accuracy, type Scored } from '../core/predict/accuracy.ts';
import type { Manifest, Prediction, Query } from '../core/predict/types.ts';
import { buildPrior } from '../core/predict/prior.ts';
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

export function queryOf(o: Observation): Query {
  return {
    workload: o.workload,
    hw: o.hw,
    model: o.model,
    metric: o.row.metric,
    runtime: o.row.runtime,
    scenario: o.row.scenario,
    batchKnown: o.row.batch_size !== null,
  };
}

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
  const groupOf = new Map(order.map(({ d }, i) => [d, i % k]));
  const allRows = obs.map((_, i) => i);

  const { mean, std } = standardization(data.x, allRows);
  const xs = new Float32Array(data.x.length);
  for (let i = 0; i < xs.length; i++) {
    const sd = std[i % FEATURE_COUNT]!;
    xs[i] = sd === 0 ? 0 : (data.x[i]! - mean[i % FEATURE_COUNT]!) / sd;
  }
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
        return { runtime: x.row.runtime, hw: x.hw, metric: x.row.metric, efficiency: x.efficiency };
      }),
    );
  manifest.prior = priorOf(allRows);
  const held: { engineOf: (blend: number) => PredictionEngine; rows: Observation[] }[] = [];
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
    held.push({
      engineOf: (blend) =>
        new PredictionEngine({
          manifest: { ...manifest, prior, learnedBlend: blend },
          model: member,
          references,
        }),
      rows: heldRows.map((i) => obs[i]!),
    });
  }
  manifest.learnedBlend = await chooseBlend(held, o.log);
  // Split conformal per evidence level: |log error| of each member's answers on the devices it never saw.
  const byEvidence = new Map<string, number[]>();
  const push = (k: string, v: number) => {
    const list = byEvidence.get(k);
    if (list) list.push(v);
    else byEvidence.set(k, [v]);
  };
  for (const h of held) {
    const preds = await h.engineOf(manifest.learnedBlend).predictMany(h.rows.map(queryOf));
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

/**
 * The learned layer's blend with the smallest median |log error| on the devices each member never saw
 * (rows the engine answers from that layer only; ties keep the network's larger share).
 */
async function chooseBlend(
  held: readonly { engineOf: (blend: number) => PredictionEngine; rows: Observation[] }[],
  log: (s: string) => void,
): Promise<number> {
  let best = { blend: 1, err: Infinity };
  for (const blend of [...BLENDS].reverse()) {
    const errs: number[] = [];
    for (const h of held) {
      const preds = await h.engineOf(blend).predictMany(h.rows.map(queryOf), { consistency: false });
      preds.forEach((p, i) => {
        if (p.ok && p.layer === 'learned') errs.push(Math.abs(Math.log(p.value / h.rows[i]!.row.value)));
      });
    }
    if (errs.length === 0) return 1;
    const err = [...errs].sort((a, b) => a - b)[errs.length >> 1]!;
    log(
      `learned-layer blend ${blend}: median |log error| ${err.toFixed(3)} on ${errs.length} unseen-device rows`,
    );
    if (err < best.err - 1e-9) best = { blend, err };
  }
  return best.blend;
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
