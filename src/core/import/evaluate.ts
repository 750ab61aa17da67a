/**
 * How well an engine predicts your rows: each imported row becomes the engine query it answers (its own
 * workload, runtime and scenario), and the answers are scored as `npm run eval` scores held-out rows
 * (core/predict/accuracy.ts): MdAPE, shares within ±10/25%, 80% interval coverage, overall, per source and
 * per metric. Imported rows are unseen by the shipped model, so no row needs leaving out.
 */
import type { HardwareRow, MeasurementRow, ModelRow } from '../catalog/schema.ts';
import { accuracy, type Accuracy } from '../predict/accuracy.ts';
import { rowRuntime, workloadOf } from '../predict/observation.ts';
import type { Prediction, Query } from '../predict/types.ts';

export interface ImportedQuery {
  row: MeasurementRow;
  query: Query;
}

/** The engine query of each row whose device and model are in the catalog. */
export function importedQueries(
  rows: readonly MeasurementRow[],
  hardware: ReadonlyMap<string, HardwareRow>,
  models: ReadonlyMap<string, ModelRow>,
): { items: ImportedQuery[]; skipped: { row: MeasurementRow; reason: string }[] } {
  const items: ImportedQuery[] = [];
  const skipped: { row: MeasurementRow; reason: string }[] = [];
  for (const row of rows) {
    const hw = hardware.get(row.hardware_id);
    const model = models.get(row.model_id);
    if (!hw || !model) {
      skipped.push({ row, reason: `unknown ${hw ? 'model' : 'hardware'} id` });
      continue;
    }
    items.push({
      row,
      query: {
        workload: workloadOf(row, model),
        hw,
        model,
        metric: row.metric,
        runtime: rowRuntime(row),
        scenario: row.scenario,
        batchKnown: row.batch_size !== null,
      },
    });
  }
  return { items, skipped };
}

export interface ScoredRow {
  row: MeasurementRow;
  /** Null where the engine could not answer (the reason in `error`). */
  predicted: number | null;
  low: number | null;
  high: number | null;
  layer: string | null;
  /** The prediction's evidence level (Prediction.evidence), when it has one. */
  evidence: string | null;
  error: string | null;
  /** |predicted − measured| / measured, %. */
  ape: number | null;
}

export interface ImportedScores {
  overall: Accuracy | null;
  bySource: Record<string, Accuracy | null>;
  byMetric: Record<string, Accuracy | null>;
  answered: number;
  unanswered: number;
  rows: ScoredRow[];
}

/** Score predictions (in the order of `items`) against the measured values. */
export function scoreImported(items: readonly ImportedQuery[], preds: readonly Prediction[]): ImportedScores {
  const rows: ScoredRow[] = items.map(({ row }, i) => {
    const p = preds[i];
    if (!p || !p.ok)
      return {
        row,
        predicted: null,
        low: null,
        high: null,
        layer: null,
        evidence: null,
        error: p?.error ?? 'no answer',
        ape: null,
      };
    return {
      row,
      predicted: p.value,
      low: p.low,
      high: p.high,
      layer: p.layer,
      evidence: p.evidence ?? null,
      error: null,
      ape: (Math.abs(p.value - row.value) / row.value) * 100,
    };
  });
  const scored = rows.filter((r) => r.predicted !== null);
  const acc = (rs: readonly ScoredRow[]) =>
    accuracy(rs.map((r) => ({ truth: r.row.value, pred: r.predicted!, low: r.low!, high: r.high! })));
  const groupBy = (key: (r: ScoredRow) => string) => {
    const groups = new Map<string, ScoredRow[]>();
    for (const r of scored) {
      const k = key(r);
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    return Object.fromEntries(
      [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, acc(g)]),
    );
  };
  return {
    overall: acc(scored),
    bySource: groupBy((r) => r.row.source_id),
    byMetric: groupBy((r) => r.row.metric),
    answered: scored.length,
    unanswered: rows.length - scored.length,
    rows,
  };
}
