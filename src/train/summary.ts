/** Per split: accuracy of the engine and the baselines, overall, per metric, per source and per layer. */
import { accuracy, type Accuracy } from '../core/predict/accuracy.ts';
import type { BaselinePrediction } from './baselines.ts';

export interface EvalRecord {
  split: string;
  fold: number;
  source: string;
  metric: string;
  kind: string;
  truth: number;
  ours: BaselinePrediction | null;
  layer: string;
  roofline: BaselinePrediction;
  knn: BaselinePrediction | null;
  sameModel: BaselinePrediction | null;
}

export interface MethodScores {
  ours: Accuracy | null;
  roofline_constant: Accuracy | null;
  knn: Accuracy | null;
  /** The same-model baseline answers only where the model was measured elsewhere: scored on those rows… */
  same_model_scaled: Accuracy | null;
  /** …beside the engine on exactly those rows. */
  ours_on_same_model_rows: Accuracy | null;
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
  return {
    ours: score(answered, (r) => r.ours),
    roofline_constant: score(answered, (r) => r.roofline),
    knn: score(answered, (r) => r.knn),
    same_model_scaled: score(sameRows, (r) => r.sameModel),
    ours_on_same_model_rows: score(sameRows, (r) => r.ours),
    unanswered: rows.length - answered.length,
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
      byLayer: Object.fromEntries(
        [...groupBy(rows, (r) => r.layer)].sort().map(([k, g]) => [k, score(g, (r) => r.ours)]),
      ),
    };
  }
  const hw = out.hardware as { overall: MethodScores } | undefined;
  const targets = hw
    ? {
        leaveHardwareOut_mdape_le_10: (hw.overall.ours?.mdape ?? Infinity) <= 10,
        leaveHardwareOut_2x_better_than_roofline:
          (hw.overall.ours?.mdape ?? Infinity) * 2 <= (hw.overall.roofline_constant?.mdape ?? 0),
        leaveHardwareOut_coverage_75_85:
          (hw.overall.ours?.coverage80 ?? 0) >= 75 && (hw.overall.ours?.coverage80 ?? 100) <= 85,
      }
    : {};
  return { splits: out, targets };
}
