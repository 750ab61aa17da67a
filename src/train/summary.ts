/** Per split: accuracy of the engine and the baselines, overall, per metric, per source and per layer. */
import { accuracy, type Accuracy } from '../core/predict/accuracy.ts';
import type { BaselinePrediction } from './baselines.ts';

export interface EvalRecord {
  split: string;
  fold: number;
  source: string;
  metric: string;
  kind: string;
  runtime: string;
  truth: number;
  ours: BaselinePrediction | null;
  layer: string;
  roofline: BaselinePrediction;
  knn: BaselinePrediction | null;
  sameModel: BaselinePrediction | null;
  /** The same model under the same runtime class on the most similar device, through this device's bound. */
  sameRuntime: BaselinePrediction | null;
  /** The roofline × the runtime class's typical efficiency on this device kind. */
  runtimeEff: BaselinePrediction | null;
}

export interface MethodScores {
  ours: Accuracy | null;
  roofline_constant: Accuracy | null;
  knn: Accuracy | null;
  /** The same-model baseline answers only where the model was measured elsewhere: scored on those rows… */
  same_model_scaled: Accuracy | null;
  /** …beside the engine on exactly those rows. */
  ours_on_same_model_rows: Accuracy | null;
  same_model_runtime: Accuracy | null;
  ours_on_same_runtime_rows: Accuracy | null;
  roofline_runtime: Accuracy | null;
  ours_on_runtime_rows: Accuracy | null;
  /** Engine MdAPE ÷ the best baseline's on that baseline's rows (the worst such ratio); < 1: never worse. */
  worst_ratio_to_baseline: number | null;
  /** Rows the engine could not answer. */
  unanswered: number;
}

const score = (rows: readonly EvalRecord[], pick: (r: EvalRecord) => BaselinePrediction | null) =>
  accuracy(
    rows.flatMap((r) => {
      const p = pick(r);
      return p ? [{ truth: r.truth, pred: p.value, low: p.low, high: p.high }] : [];
    }),
  );

export function methodScores(rows: readonly EvalRecord[]): MethodScores {
  const answered = rows.filter((r) => r.ours !== null);
  const sameRows = answered.filter((r) => r.sameModel !== null);
  const rtRows = answered.filter((r) => r.sameRuntime !== null);
  const effRows = answered.filter((r) => r.runtimeEff !== null);
  const s = {
    ours: score(answered, (r) => r.ours),
    roofline_constant: score(answered, (r) => r.roofline),
    knn: score(answered, (r) => r.knn),
    same_model_scaled: score(sameRows, (r) => r.sameModel),
    ours_on_same_model_rows: score(sameRows, (r) => r.ours),
    same_model_runtime: score(rtRows, (r) => r.sameRuntime),
    ours_on_same_runtime_rows: score(rtRows, (r) => r.ours),
    roofline_runtime: score(effRows, (r) => r.runtimeEff),
    ours_on_runtime_rows: score(effRows, (r) => r.ours),
    unanswered: rows.length - answered.length,
  };
  const ratio = (ours: Accuracy | null, base: Accuracy | null) =>
    ours && base && base.mdape > 0 ? ours.mdape / base.mdape : null;
  const ratios = [
    ratio(s.ours, s.roofline_constant),
    ratio(s.ours, s.knn),
    ratio(s.ours_on_same_model_rows, s.same_model_scaled),
    ratio(s.ours_on_same_runtime_rows, s.same_model_runtime),
    ratio(s.ours_on_runtime_rows, s.roofline_runtime),
  ].filter((x): x is number => x !== null);
  return {
    ...s,
    worst_ratio_to_baseline: ratios.length ? Math.round(Math.max(...ratios) * 1000) / 1000 : null,
  };
}

const groupBy = (rows: readonly EvalRecord[], key: (r: EvalRecord) => string) => {
  const m = new Map<string, EvalRecord[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

export function summarize(records: readonly EvalRecord[], splits: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const split of splits) {
    const rows = records.filter((r) => r.split === split);
    const by = (key: (r: EvalRecord) => string) =>
      Object.fromEntries([...groupBy(rows, key)].sort().map(([k, g]) => [k, methodScores(g)]));
    out[split] = {
      overall: methodScores(rows),
      byMetric: by((r) => r.metric),
      bySource: by((r) => r.source),
      byRuntime: by((r) => r.runtime),
      byLayer: Object.fromEntries(
        [...groupBy(rows, (r) => r.layer)].sort().map(([k, g]) => [k, score(g, (r) => r.ours)]),
      ),
    };
  }
  const hw = out.hardware as { overall: MethodScores; bySource: Record<string, MethodScores> } | undefined;
  const bigSources = hw ? Object.values(hw.bySource).filter((s) => (s.ours?.n ?? 0) >= 100) : [];
  const targets = hw
    ? {
        leaveHardwareOut_below_every_baseline_overall: (hw.overall.worst_ratio_to_baseline ?? Infinity) < 1,
        leaveHardwareOut_within_1_1x_best_baseline_per_source_100_rows: bigSources.every(
          (s) => (s.worst_ratio_to_baseline ?? 0) <= 1.1,
        ),
        leaveHardwareOut_mdape_le_15: (hw.overall.ours?.mdape ?? Infinity) <= 15,
        leaveHardwareOut_within25_ge_70: (hw.overall.ours?.within25 ?? 0) >= 70,
        leaveHardwareOut_width_le_2x: (hw.overall.ours?.medianWidth ?? Infinity) <= 2,
        leaveHardwareOut_mdape_le_10: (hw.overall.ours?.mdape ?? Infinity) <= 10,
        leaveHardwareOut_2x_better_than_roofline:
          (hw.overall.ours?.mdape ?? Infinity) * 2 <= (hw.overall.roofline_constant?.mdape ?? 0),
        leaveHardwareOut_coverage_75_85:
          (hw.overall.ours?.coverage80 ?? 0) >= 75 && (hw.overall.ours?.coverage80 ?? 100) <= 85,
      }
    : {};
  return { splits: out, targets };
}
