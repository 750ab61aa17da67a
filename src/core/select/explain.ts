/**
 * Quantitative explanations of a recommendation, computed from the roofline estimate and the predictions:
 * the bound, why the top pick beats the runner-up, and how confident the answer is.
 */
import type { HardwareRow, MeasurementRow } from '../catalog/schema.ts';
import type { Layer } from '../predict/types.ts';
import type { PhaseBound } from '../roofline/bound.ts';
import { linkBytesPerSecond } from '../roofline/bound.ts';
import { workloadCost, totalParams, type PhaseCost } from '../roofline/cost.ts';
import { precisionInfo } from '../roofline/precision.ts';
import { DEFAULTS, type ModelArch, type Workload } from '../roofline/workload.ts';
import {
  fmtBandwidth,
  fmtFlop,
  fmtGB,
  fmtMs,
  fmtRatio,
  fmtSeconds,
  fmtTflops,
  fmtUsd,
  sig3,
} from '../format.ts';
import { itemUnit, type EstimateOk, type Objective } from './plan.ts';
import type { MetricValue, RankedRow, Ranking } from './rank.ts';
import { whatIfSentences } from './what-if.ts';

export interface Explanation {
  hardwareId: string;
  /** The dominant phase's bound, with its numbers. */
  bound: string;
  /** Every phase's bound (prefill and decode for LLMs). */
  phases: string[];
  /** Why this row beats the next one (null for the last row). */
  versusNext: string | null;
  /** Roofline re-runs: larger batch, lower precision, more devices. */
  whatIf: string[];
  confidence: string;
}

const PHASE_LABEL: Record<string, string> = {
  forward: '',
  'train-step': 'the training step ',
  prefill: 'prefill ',
  decode: 'decode ',
};

/** The phase that dominates end-to-end time (decode counts once per generated token). */
export function dominantPhase(w: Workload, est: EstimateOk): PhaseBound {
  const total = (p: PhaseBound) =>
    p.phase === 'decode' ? p.seconds * (w.genTokens ?? DEFAULTS.genTokens) : p.seconds;
  return est.phases.reduce((a, b) => (total(b) > total(a) ? b : a));
}

/** One sentence per phase: what bounds it and the numbers that set the bound. */
export function phaseSentence(w: Workload, hw: HardwareRow, est: EstimateOk, p: PhaseBound): string {
  const n = w.nDevices;
  const label = PHASE_LABEL[p.phase] ?? '';
  const verb = label ? `${label}is ` : '';
  const perDev = n > 1 ? ` per device (${n} devices, ${est.parallelism} parallel)` : '';
  const bw = hw.mem_bw_gbs ?? 0;
  const unit = itemUnit(w);
  const rate = `${sig3(p.items / p.seconds)} ${p.phase === 'prefill' ? 'prompt tokens/s' : unit}`;
  const step =
    p.phase === 'decode'
      ? w.batch > 1
        ? `per step (${w.batch} tokens)`
        : 'per token'
      : p.phase === 'prefill'
        ? `for ${sig3(p.items)} prompt tokens`
        : 'per step';
  if (p.bound === 'memory') {
    const bytes = p.memorySeconds * bw * 1e9;
    const cost = phaseCost(w, p.phase);
    const share = est.parallelism === 'tensor' || n === 1 ? n : 1;
    const weights = cost ? cost.weightBytes / share : 0;
    const rest = bytes - weights;
    const what =
      weights > 0 && rest / bytes < 0.01
        ? `${fmtGB(weights)} of weights`
        : weights > 0
          ? `${fmtGB(weights)} of weights + ${fmtGB(rest)} of ${p.phase === 'decode' || p.phase === 'prefill' ? 'KV cache' : 'activations'}`
          : fmtGB(bytes);
    return `${verb}memory-bound${at(w, p)}: ${what} read ${step}${perDev} at ${fmtBandwidth(bw)} → ≤ ${rate} (≥ ${fmtSeconds(p.seconds)} ${p.phase === 'decode' && w.batch === 1 ? 'per token' : p.phase === 'prefill' ? 'to first token' : 'per step'})`;
  }
  if (p.bound === 'compute') {
    const flop = p.computeSeconds * est.peakTflops * 1e12;
    return `${verb}compute-bound${at(w, p)}: ${fmtFlop(flop)} ${step}${perDev} at ${fmtTflops(est.peakTflops)} ${est.compute} → ≥ ${fmtSeconds(p.seconds)} (≤ ${rate})`;
  }
  const link = linkBytesPerSecond(hw);
  const bytes = p.commSeconds * link.bps;
  const via = link.assumed ? 'an assumed PCIe 4.0 link' : (hw.interconnect ?? 'the interconnect');
  return `${verb}communication-bound on ${n} devices: ${fmtGB(bytes)} exchanged ${step} over ${via} at ${fmtBandwidth(link.bps / 1e9)} per direction → ≥ ${fmtSeconds(p.seconds)}`;
}

const at = (w: Workload, p: PhaseBound) =>
  p.phase === 'decode' && w.batch === 1 ? '' : ` at batch ${w.batch}`;

function phaseCost(w: Workload, phase: string): PhaseCost | null {
  const info = precisionInfo(w.precision);
  if (!info) return null;
  try {
    return workloadCost(w, info).find((c) => c.phase === phase) ?? null;
  } catch {
    return null;
  }
}

/** The dominant phase's sentence. */
export function boundSentence(w: Workload, hw: HardwareRow, est: EstimateOk): string {
  return phaseSentence(w, hw, est, dominantPhase(w, est));
}

/** Why `a` ranks above `b` under the objective: the ratio of scores and the physical reason. */
export function compareSentence(a: RankedRow, b: RankedRow, objective: Objective): string {
  const ratio = objective === 'latency' ? b.score / a.score : a.score / b.score;
  const head =
    objective === 'latency'
      ? `${fmtRatio(ratio)} faster than ${b.hardware.name} (${fmtMs(a.score)} vs ${fmtMs(b.score)})`
      : objective === 'throughput'
        ? `${fmtRatio(ratio)} the throughput of ${b.hardware.name} (${sig3(a.score)} vs ${sig3(b.score)} ${itemUnit(a.workload)})`
        : `${fmtRatio(ratio)} the ${a.scoreUnit} of ${b.hardware.name} (${sig3(a.score)} vs ${sig3(b.score)})`;
  const why: string[] = [];
  const pa = dominantPhase(a.workload, a.estimate);
  const pb = dominantPhase(b.workload, b.estimate);
  const phase = PHASE_LABEL[pa.phase]?.trim();
  if (pa.bound === 'compute' && pb.bound === 'compute') {
    const r = a.estimate.peakTflops / b.estimate.peakTflops;
    const peaks =
      a.estimate.compute === b.estimate.compute
        ? `${fmtRatio(r)} the ${a.estimate.compute} peak (${fmtTflops(a.estimate.peakTflops)} vs ${sig3(b.estimate.peakTflops)})`
        : `${fmtRatio(r)} the peak (${fmtTflops(a.estimate.peakTflops)} ${a.estimate.compute} vs ${sig3(b.estimate.peakTflops)} ${b.estimate.compute})`;
    why.push(`${phase ? `${phase} ` : ''}compute-bound at batch ${a.workload.batch} and ${peaks}`);
  } else if (pa.bound === 'memory' && pb.bound === 'memory') {
    const ba = a.hardware.mem_bw_gbs ?? 0;
    const bb = b.hardware.mem_bw_gbs ?? 0;
    why.push(
      `${phase ? `${phase} ` : ''}memory-bound on both: ${fmtRatio(ba / bb)} the bandwidth (${fmtBandwidth(ba)} vs ${fmtBandwidth(bb)})`,
    );
  } else {
    why.push(`${a.hardware.name} is ${pa.bound}-bound, ${b.hardware.name} ${pb.bound}-bound`);
  }
  if (a.precision !== b.precision) why.push(`${a.precision} vs ${b.precision}`);
  if (a.devicesNeeded !== b.devicesNeeded) why.push(`${a.devicesNeeded} vs ${b.devicesNeeded} devices`);
  if (objective === 'throughput_per_dollar') {
    const pa$ = a.cost.usdPerMillionItems;
    const pb$ = b.cost.usdPerMillionItems;
    if (pa$ !== null && pb$ !== null) why.push(`${fmtUsd(pa$)} vs ${fmtUsd(pb$)} per million items`);
    else if (a.cost.purchaseUsd !== null && b.cost.purchaseUsd !== null)
      why.push(`${fmtUsd(a.cost.purchaseUsd)} vs ${fmtUsd(b.cost.purchaseUsd)} to buy`);
  }
  if (objective === 'throughput_per_watt' && a.powerW !== null && b.powerW !== null)
    why.push(`${sig3(a.powerW)} W vs ${sig3(b.powerW)} W`);
  return `${head}: ${why.join('; ')}`;
}

const LAYER_WORDS: Record<Layer, string> = {
  transfer: 'scaled from measurements of this model on other devices',
  learned: 'learned efficiency model',
  'roofline-typical': 'roofline × typical efficiency (no learned model)',
  neighbours: 'nearest measurements on this device',
  'memory-model': 'memory model',
};

/**
 * Confidence: the 80% interval as −/+ %, the layer, and the nearest measured row among `measured`
 * (rows of the same model family; rows on other devices are ignored). `models` resolves ids to sizes.
 */
export function confidenceSentence(
  row: RankedRow,
  objective: Objective,
  measured: readonly MeasurementRow[],
  models?: ReadonlyMap<string, ModelArch>,
): string {
  const mv: MetricValue | null = objective === 'latency' ? row.latency : row.throughput;
  const unit = objective === 'latency' ? 'ms' : itemUnit(row.workload);
  const parts: string[] = [];
  if (mv) {
    const lo = ((mv.value - mv.low) / mv.value) * 100;
    const hi = ((mv.high - mv.value) / mv.value) * 100;
    const pm = Math.abs(lo - hi) < 1 ? `±${lo.toFixed(0)}%` : `−${lo.toFixed(0)}%/+${hi.toFixed(0)}%`;
    parts.push(`80% interval ${sig3(mv.low)}–${sig3(mv.high)} ${unit} (${pm}), ${LAYER_WORDS[mv.layer]}`);
  }
  const family = row.workload.model.family;
  const mine = measured.filter((r) => r.hardware_id === row.hardware.id);
  if (mine.length === 0) {
    parts.push(
      `no measurements of ${family || row.workload.model.id} on ${row.hardware.name} in the snapshot`,
    );
    return parts.join('; ');
  }
  const w = row.workload;
  const params = totalParams(w.model);
  const dist = (r: MeasurementRow) => {
    const m = models?.get(r.model_id);
    const other = m ? totalParams(m) : null;
    const modelD =
      r.model_id === w.model.id ? 0 : params && other ? Math.abs(Math.log2(other / params)) + 0.5 : 2;
    const batchD = Math.abs(Math.log2((r.batch_size ?? w.batch) / w.batch));
    return modelD + batchD + (r.precision === w.precision ? 0 : 1) + (r.mode === w.mode ? 0 : 3);
  };
  const nearest = [...mine].sort((a, b) => dist(a) - dist(b) || cmp(a.model_id, b.model_id))[0]!;
  const same = [
    nearest.model_id === w.model.id ? 'same model' : null,
    nearest.precision === w.precision ? 'same precision' : null,
    nearest.batch_size === w.batch ? 'same batch' : null,
  ].filter((s) => s !== null);
  const models$ = new Set(mine.map((r) => r.model_id)).size;
  parts.push(
    `${mine.length} measurement${mine.length > 1 ? 's' : ''} of ${family || w.model.id} (${models$} model${models$ > 1 ? 's' : ''}) on ${row.hardware.name}; nearest: ${nearest.model_id} ${nearest.precision} batch ${nearest.batch_size ?? '?'} ${nearest.metric} = ${sig3(nearest.value)} ${nearest.unit}${same.length ? ` (${same.join(', ')})` : ''}`,
  );
  return parts.join('; ');
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Explanations for every ranked row; `measured` holds rows of the workload's model family (any device). */
export function explainRanking(
  ranking: Ranking,
  measured: readonly MeasurementRow[] = [],
  models?: ReadonlyMap<string, ModelArch>,
): Explanation[] {
  return ranking.ranked.map((row, i) => {
    const next = ranking.ranked[i + 1];
    return {
      hardwareId: row.hardware.id,
      bound: boundSentence(row.workload, row.hardware, row.estimate),
      phases: row.estimate.phases.map((p) => phaseSentence(row.workload, row.hardware, row.estimate, p)),
      versusNext: next ? compareSentence(row, next, ranking.objective) : null,
      whatIf: whatIfSentences(row, ranking.objective),
      confidence: confidenceSentence(row, ranking.objective, measured, models),
    };
  });
}
