/** The predictor's public shapes: queries, answers, the learned model's contract and its manifest. */
import type { HardwareRow, Metric, ModelRow, Unit } from '../catalog/schema.ts';
import type { BoundKind } from '../roofline/bound.ts';
import type { Workload } from '../roofline/workload.ts';

export interface Query {
  workload: Workload;
  hw: HardwareRow;
  /** The catalog row when the model is in the catalog (enables measured references). */
  model: ModelRow;
  metric: Metric;
  runtime?: string | null;
  scenario?: string | null;
  /** False when the batch is not stated (MLPerf-style rows); affects features only. */
  batchKnown?: boolean;
}

/** Which layer of the fallback chain produced an answer. */
export type Layer = 'transfer' | 'learned' | 'roofline-typical' | 'neighbours' | 'memory-model';

export type Prediction =
  | {
      ok: true;
      metric: Metric;
      value: number;
      /** 80% prediction interval. */
      low: number;
      high: number;
      unit: Unit;
      layer: Layer;
      /** What bounds the workload on this device (compute, memory or communication). */
      bound: BoundKind | null;
      /** The roofline's value for this metric (the fastest physically possible), null for memory. */
      boundValue: number | null;
      /** One line: why this layer and what it used. */
      explanation: string;
      /** The evidence level whose calibration set the interval (e.g. `transfer:5+`, `learned:prior`). */
      evidence?: string;
      /** True when the answer is scaled from your own rows measured on this same device. */
      ownDevice?: boolean;
    }
  | { ok: false; metric: Metric; error: string };

/** Batched scorer of standardized feature rows → log-efficiency quantiles (row-major n × 3: q10, q50, q90). */
export interface EfficiencyModel {
  predict(features: Float32Array, rows: number): Promise<Float32Array> | Float32Array;
}

export interface Manifest {
  featureVersion: number;
  featureNames: string[];
  /**
   * Standardization: x' = (x − mean) / std. std 0 marks a feature that never varied in training (a device kind,
   * vendor or runtime absent from the data): x' = 0 whatever its value, since the network never learned a
   * weight for it and switching it on would only add its untrained first-layer weights.
   */
  mean: number[];
  std: number[];
  quantiles: [number, number, number];
  /**
   * Conformal widening (in log space) per layer and per evidence level (`transfer:1`, `transfer:2-4`,
   * `transfer:5+`, `learned:net`, `learned:prior`), so 80% intervals cover ~80% of unseen-device truths.
   */
  conformal: Record<string, number>;
  /**
   * `symmetric`: the interval is the prediction × e^(±c) with c calibrated per evidence level; absent: the
   * network's quantiles widened by the layer's c (models trained before evidence levels).
   */
  intervals?: 'symmetric';
  /** Median achieved efficiency per device kind × phase in the training data (the roofline-typical layer). */
  typicalEfficiency: Record<string, number>;
  /** Log-space spread (q90 − q50, q50 − q10) of the typical-efficiency layer. */
  typicalSpread: Record<string, [number, number]>;
  snapshot: string;
  seed: number;
  trainedRows: number;
  architecture: number[];
  epochs: number;
  trainedAt?: string;
  /** Digest of the observations whose median log-efficiency references.bin holds (see observationsDigest). */
  referencesDigest?: string;
  /** Training-time accuracy summaries (e.g. each cross-fitted member on the devices it never saw). */
  metrics?: Record<string, unknown>;
  /** Median log-efficiency by runtime × device kind × metric (core/predict/prior.ts): the runtime's baseline. */
  prior?: Record<string, number>;
  /**
   * Weight of the network in the learned layer, the rest on the runtime prior: chosen on devices each
   * cross-fitted member never saw (1: the network alone).
   */
  learnedBlend?: number;
  /** Training rows per runtime class × vendor × kind (prior.ts buildSupport): scales the network's weight. */
  support?: Record<string, number>;
  /** The most the network may move the learned layer away from the runtime's typical efficiency (log). */
  learnedMaxDeviation?: number;
  /**
   * Transfer from the same model on other devices: references weigh e^(−tau·distance); the network's
   * efficiency difference between query and reference device counts `shrink` of itself (same runtime class)
   * and never more than ±maxCorrection in log space. Chosen on devices each cross-fitted member never saw.
   */
  transfer?: Partial<TransferSettings>;
}

export interface TransferSettings {
  tau: number;
  /** Tau per runtime (engine.ts settingKeys) where calibration had rows: how sharply it prefers the nearest. */
  tauByRuntime?: Record<string, number>;
  shrink: number;
  /**
   * Shrink per runtime class or feature class (engine.ts settingKeys) where calibration had rows (models
   * trained before runtime classes were keys hold feature classes only).
   */
  shrinkByRuntime?: Record<string, number>;
  /**
   * Elasticity loss: how much of the bounding resource's ratio between the query's device and a reference's a
   * runtime fails to turn into speed. Speed scales as ratio^(1 − elasticity); 0 (the default) is the plain
   * roofline scaling. Per runtime (engine.ts settingKeys), and per `key:compute` / `key:memory` where
   * calibration had rows; else `elasticity`.
   */
  elasticity?: number;
  elasticityByRuntime?: Record<string, number>;
  maxCorrection: number;
}

/** Settings of models trained before `transfer` was chosen: the full learned difference, nearest first. */
export const TRANSFER_DEFAULTS: TransferSettings = { tau: 2, shrink: 1, maxCorrection: Math.log(4) };
