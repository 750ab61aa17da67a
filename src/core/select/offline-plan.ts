/**
 * The offline scenario in a ranking: every planned run moves to the operating point the engine predicts
 * fastest (operatingPoint's search over replicas × TP layouts and power-of-two batches), searched for all
 * devices in one batched prediction.
 */
import type { ModelRow } from '../catalog/schema.ts';
import { operatingPoint } from '../predict/operating-point.ts';
import type { Prediction, Query } from '../predict/types.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import type { PlannedRun } from './plan.ts';
import { planQueries, type Exclusion, type RankPlan, type RankRequest } from './rank.ts';

export type PredictMany = (qs: readonly Query[]) => Promise<Prediction[]>;

/**
 * Calls made in the same turn of the event loop become one call of `predictMany` (the engine scores rows in
 * large batches far faster than one small batch per device); each caller gets its own slice back.
 */
export function coalesce(predictMany: PredictMany): PredictMany {
  let pending: {
    qs: readonly Query[];
    resolve: (p: Prediction[]) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const all = await predictMany(batch.flatMap((b) => b.qs));
      let at = 0;
      for (const b of batch) {
        b.resolve(all.slice(at, at + b.qs.length));
        at += b.qs.length;
      }
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  };
  return (qs) =>
    new Promise<Prediction[]>((resolve, reject) => {
      if (pending.length === 0) void Promise.resolve().then(flush);
      pending.push({ qs, resolve, reject });
    });
}

/**
 * The plan at each device's offline operating point. The runtime stays the one planned; a device where no
 * layout and batch fit is excluded with the reason.
 */
export async function offlinePlan(
  plan: RankPlan,
  req: RankRequest,
  model: ModelRow,
  predictMany: PredictMany,
): Promise<RankPlan> {
  const batched = coalesce(predictMany);
  const points = await Promise.all(
    plan.runs.map((run) =>
      operatingPoint(batched, req.runtimeEvidence ?? null, model, run.hardware, run.workload, {
        runtime: run.runtime?.runtime ?? req.runtime ?? 'auto',
        scenario: 'offline',
      }),
    ),
  );
  const runs: PlannedRun[] = [];
  const excluded: Exclusion[] = [...plan.excluded];
  plan.runs.forEach((run, i) => {
    const op = points[i]!;
    const estimate = 'error' in op ? null : rooflineEstimate(op.workload, run.hardware);
    if ('error' in op || !estimate?.ok) {
      const reason = 'error' in op ? op.error : `offline: ${estimate?.ok === false ? estimate.reason : ''}`;
      excluded.push({ hardware: run.hardware, code: 'does-not-fit', reason, precision: run.precision });
      return;
    }
    runs.push({ ...run, workload: op.workload, estimate, scenario: 'offline', search: op.search });
  });
  return { runs, excluded, queries: planQueries(runs, req.workload) };
}
