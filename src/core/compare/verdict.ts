/**
 * The Compare page's verdict in plain words: which device does best on the workload, by how much, why (the
 * bound of the phase that dominates and the spec ratio that sets it), and what it costs against the others.
 */
import type { BoundKind } from '../roofline/bound.ts';
import { linkBytesPerSecond } from '../roofline/bound.ts';
import { isGenerative } from '../roofline/workload.ts';
import { dominantPhase } from '../select/explain.ts';
import { fmtBandwidth, fmtMs, fmtUsd, sig3 } from '../format.ts';
import { itemUnit } from '../select/plan.ts';
import type { RankedRow } from '../select/rank.ts';

/** What the verdict compares: throughput (higher is better) or end-to-end latency (lower is better). */
export type VerdictMetric = 'throughput' | 'latency';

/** One device's run as the verdict needs it; totals (prices, devices) are for the whole run. */
export interface VerdictRun {
  /** Throughput (items/s) or latency (ms), by the verdict's metric. */
  value: number;
  /** The throughput's unit ("tokens/s", "items/s"). */
  unit: string;
  precision: string;
  devices: number;
  /** The phase that dominates end-to-end time: decode, prefill, forward, train-step. */
  phase: string;
  bound: BoundKind;
  /** Compute peak at the run's precision, TFLOPS, and the compute class it runs on ("fp8", "bf16"). */
  peakTflops: number;
  compute: string;
  bandwidthGbs: number | null;
  /** Interconnect, GB/s per direction; null when the catalog gives none. */
  linkGbs: number | null;
  cloudUsdHr: number | null;
  purchaseUsd: number | null;
  usdPerMillion: number | null;
}

export interface VerdictDevice {
  id: string;
  name: string;
  /** null: the device cannot run the workload (`reason` says why). */
  run: VerdictRun | null;
  reason: string | null;
}

export interface Verdict {
  /** The best device on the metric; null when none can run the workload. */
  best: string | null;
  /** The best against each other device, then one sentence per device that cannot run it. */
  sentences: string[];
}

/** A ratio in words: 1.43×, 0.76×, 2.5×, 12×. */
export function ratioText(r: number): string {
  if (!Number.isFinite(r)) return `${r}×`;
  if (r >= 10) return `${r.toFixed(0)}×`;
  if (r >= 2) return `${r.toFixed(1)}×`;
  return `${r.toFixed(2)}×`;
}

/** Within 2%: the same for a verdict. */
const EVEN = 0.02;
const even = (r: number) => Math.abs(r - 1) < EVEN;

const PHASE_WORDS: Record<string, string> = {
  decode: 'decode',
  prefill: 'prefill',
  forward: 'the forward pass',
  'train-step': 'the training step',
};
const phaseWords = (p: string) => PHASE_WORDS[p] ?? p;

function valueText(r: VerdictRun, metric: VerdictMetric): string {
  return metric === 'latency' ? fmtMs(r.value) : `${sig3(r.value)} ${r.unit}`;
}

/** The spec that bounds both runs, as [label, a's, b's, formatter]; null when a figure is missing. */
function boundingSpec(
  a: VerdictRun,
  b: VerdictRun,
): { label: string; ratio: number; a: string; b: string } | null {
  if (a.bound === 'memory') {
    if (!a.bandwidthGbs || !b.bandwidthGbs) return null;
    return {
      label: 'bandwidth',
      ratio: a.bandwidthGbs / b.bandwidthGbs,
      a: fmtBandwidth(a.bandwidthGbs),
      b: fmtBandwidth(b.bandwidthGbs),
    };
  }
  if (a.bound === 'compute') {
    if (!(a.peakTflops > 0) || !(b.peakTflops > 0)) return null;
    const same = a.compute === b.compute;
    return {
      label: same ? `${a.compute} compute peak` : 'compute peak',
      ratio: a.peakTflops / b.peakTflops,
      a: `${sig3(a.peakTflops)} TFLOPS${same ? '' : ` ${a.compute}`}`,
      b: `${sig3(b.peakTflops)} TFLOPS${same ? '' : ` ${b.compute}`}`,
    };
  }
  if (!a.linkGbs || !b.linkGbs) return null;
  return {
    label: 'interconnect bandwidth',
    ratio: a.linkGbs / b.linkGbs,
    a: fmtBandwidth(a.linkGbs),
    b: fmtBandwidth(b.linkGbs),
  };
}

/** Why `a` is ahead of `b`: the bound and its spec ratio, then the other differences that matter. */
function reasons(an: string, a: VerdictRun, bn: string, b: VerdictRun, ahead: boolean): string[] {
  const out: string[] = [];
  let specExplains = false;
  if (a.bound === b.bound && a.phase === b.phase) {
    const head = `${phaseWords(a.phase)} is ${a.bound}-bound on both`;
    const spec = boundingSpec(a, b);
    if (!spec) out.push(`${head} (the catalog lacks the figure that bounds it)`);
    else if (even(spec.ratio)) out.push(`${head} with the same ${spec.label} (${spec.a})`);
    else if (!ahead) {
      const [hi, lo, r] = spec.ratio > 1 ? [an, spec, spec.ratio] : [bn, spec, 1 / spec.ratio];
      const [x, y] = spec.ratio > 1 ? [lo.a, lo.b] : [lo.b, lo.a];
      out.push(
        `${head}; ${hi} has ${ratioText(r)} the ${spec.label} (${x} vs ${y}), yet the predictions are level: their predicted efficiencies differ`,
      );
      specExplains = true;
    } else if (spec.ratio > 1) {
      out.push(`${head} and it has ${ratioText(spec.ratio)} the ${spec.label} (${spec.a} vs ${spec.b})`);
      specExplains = true;
    } else
      out.push(
        `${head}, though it has only ${ratioText(spec.ratio)} the ${spec.label} (${spec.a} vs ${spec.b})`,
      );
  } else {
    out.push(
      `${phaseWords(a.phase)} is ${a.bound}-bound on ${an} and ${phaseWords(b.phase)} ${b.bound}-bound on ${bn}`,
    );
    specExplains = true;
  }
  const other: string[] = [];
  if (a.precision !== b.precision) other.push(`it runs ${a.precision} against ${b.precision}`);
  if (a.devices !== b.devices)
    other.push(`it uses ${a.devices} device${a.devices > 1 ? 's' : ''} against ${b.devices}`);
  out.push(...other);
  if (ahead && !specExplains && other.length === 0)
    out.push('so the gap is the predicted efficiency (how close each gets to its bound on its runtime)');
  return out;
}

function priceText(r: VerdictRun): string {
  if (r.cloudUsdHr !== null) return `${fmtUsd(r.cloudUsdHr)}/h in the cloud`;
  if (r.purchaseUsd !== null) return `${fmtUsd(r.purchaseUsd)} to buy`;
  return 'no price in the catalog';
}

/** What `a` costs against `b`: per hour (and per million items) on cloud prices, else to buy. */
function costClause(an: string, a: VerdictRun, bn: string, b: VerdictRun, item: string): string {
  if (a.cloudUsdHr !== null && b.cloudUsdHr !== null && b.cloudUsdHr > 0) {
    const hour = `it costs ${ratioText(a.cloudUsdHr / b.cloudUsdHr)} per hour (${fmtUsd(a.cloudUsdHr)}/h vs ${fmtUsd(b.cloudUsdHr)}/h)`;
    return a.usdPerMillion !== null && b.usdPerMillion !== null && b.usdPerMillion > 0
      ? `${hour}, so ${ratioText(a.usdPerMillion / b.usdPerMillion)} per million ${item}s (${fmtUsd(a.usdPerMillion)} vs ${fmtUsd(b.usdPerMillion)})`
      : hour;
  }
  if (a.purchaseUsd !== null && b.purchaseUsd !== null && b.purchaseUsd > 0)
    return `it costs ${ratioText(a.purchaseUsd / b.purchaseUsd)} to buy (${fmtUsd(a.purchaseUsd)} vs ${fmtUsd(b.purchaseUsd)})`;
  const missing = [
    [an, a],
    [bn, b],
  ].filter(([, r]) => (r as VerdictRun).cloudUsdHr === null && (r as VerdictRun).purchaseUsd === null);
  if (missing.length > 0)
    return `the catalog has no price for ${missing.map(([n]) => n).join(' or ')}, so their costs cannot be compared`;
  return `their prices cannot be compared (${an}: ${priceText(a)}; ${bn}: ${priceText(b)})`;
}

/** One sentence: the best device `a` against `b`. */
function pairSentence(a: VerdictDevice, b: VerdictDevice, metric: VerdictMetric, item: string): string {
  const ra = a.run!;
  const rb = b.run!;
  const speed = metric === 'latency' ? rb.value / ra.value : ra.value / rb.value;
  const values =
    metric === 'latency'
      ? `latency ${valueText(ra, metric)} vs ${valueText(rb, metric)}`
      : `${sig3(ra.value)} vs ${sig3(rb.value)} ${ra.unit}`;
  const tied = even(speed);
  const head = tied
    ? `${a.name} and ${b.name} are about even here (${values})`
    : metric === 'latency'
      ? `${a.name} is ${ratioText(speed)} faster than ${b.name} here (${values})`
      : `${a.name} delivers ${ratioText(speed)} the throughput of ${b.name} here (${values})`;
  const why = reasons(a.name, ra, b.name, rb, !tied);
  const cost = costClause(a.name, ra, b.name, rb, item);
  return `${head}${tied ? ': ' : ' because '}${why.join('; ')}. For ${a.name}, ${cost}.`;
}

/**
 * The verdict on 2–6 devices: the best on `metric` against each of the others, then each device that cannot
 * run the workload with its reason. `item` names what throughput counts ("token", "item").
 */
export function compareVerdict(
  devices: readonly VerdictDevice[],
  metric: VerdictMetric,
  item = 'item',
): Verdict {
  const runnable = devices.filter((d) => d.run !== null);
  const cannot = devices
    .filter((d) => d.run === null)
    .map((d) => `${d.name} cannot run this workload: ${d.reason ?? 'no prediction'}.`);
  if (runnable.length === 0)
    return { best: null, sentences: ['None of the chosen devices can run this workload.', ...cannot] };
  const better = (x: VerdictRun, y: VerdictRun) =>
    metric === 'latency' ? x.value < y.value : x.value > y.value;
  const best = runnable.reduce((a, b) => (better(b.run!, a.run!) ? b : a));
  if (runnable.length === 1)
    return {
      best: best.id,
      sentences: [
        `Only ${best.name} can run this workload here (${valueText(best.run!, metric)}).`,
        ...cannot,
      ],
    };
  const pairs = runnable.filter((d) => d !== best).map((d) => pairSentence(best, d, metric, item));
  return { best: best.id, sentences: [...pairs, ...cannot] };
}

/** A ranked row as the verdict sees it (the dominant phase's bound, the specs and the run's totals). */
export function verdictRun(row: RankedRow, metric: VerdictMetric): VerdictRun | null {
  const m = metric === 'latency' ? row.latency : row.throughput;
  if (!m) return null;
  const phase = dominantPhase(row.workload, row.estimate);
  const link = linkBytesPerSecond(row.hardware);
  return {
    value: m.value,
    unit: itemUnit(row.workload),
    precision: row.precision,
    devices: row.devicesNeeded,
    phase: phase.phase,
    bound: row.bound ?? phase.bound,
    peakTflops: row.estimate.peakTflops,
    compute: row.estimate.compute,
    bandwidthGbs: row.hardware.mem_bw_gbs,
    linkGbs: link.assumed ? null : link.bps / 1e9,
    cloudUsdHr: row.cost.cloudUsdHr,
    purchaseUsd: row.cost.purchaseUsd,
    usdPerMillion: row.cost.usdPerMillionItems,
  };
}

/** The word for one item of throughput: "token" for generative inference, else "item". */
export const itemWord = (row: Pick<RankedRow, 'workload'>): string =>
  isGenerative(row.workload.model) && row.workload.mode === 'inference' ? 'token' : 'item';
