import { queryOptions } from '@tanstack/react-query';
import type { BrowserEngine } from '../adapters/engine-browser.ts';
import type { ModelRow } from '../core/catalog/schema.ts';
import type { BatchPoint } from '../core/select/chart-data.ts';
import type { RankedRow } from '../core/select/rank.ts';
import { rooflineEstimate } from '../core/roofline/estimate.ts';
import type { Workload } from '../core/roofline/workload.ts';
import type { EngineKind } from './ranking.ts';

/** Batch sizes the scaling chart predicts. */
export const SCALING_BATCHES = [1, 2, 4, 8, 16, 32, 64, 128, 256] as const;

/**
 * Throughput at each point of a sweep on the given rows' devices and precisions (`at` sets the swept field of
 * a row's workload); null where it does not fit. Points carry the swept value as `batch`.
 */
export async function sweepScaling(
  e: BrowserEngine,
  rows: readonly RankedRow[],
  model: ModelRow,
  values: readonly number[],
  at: (w: Workload, v: number) => Workload,
): Promise<BatchPoint[]> {
  const cases = rows.flatMap((r) =>
    values.map((v) => {
      const workload = at(r.workload, v);
      const est = rooflineEstimate(workload, r.hardware);
      return { r, v, workload, fits: est.ok && est.fit.status === 'fits' };
    }),
  );
  const asked = cases.filter((c) => c.fits);
  const preds = await e.engine.predictMany(
    asked.map((c) => ({
      workload: c.workload,
      hw: c.r.hardware,
      model,
      metric: 'throughput' as const,
      runtime: c.workload.runtime ?? null,
    })),
  );
  const byCase = new Map(asked.map((c, i) => [c, preds[i]]));
  return cases.map((c) => {
    const p = byCase.get(c);
    return {
      device: c.r.hardware.id,
      label: `${c.r.hardware.name} (${c.r.precision})`,
      batch: c.v,
      value: p?.ok ? p.value : null,
    };
  });
}

/** Throughput at each batch size on the given rows' devices and precisions; null where it does not fit. */
export function batchScaling(
  e: BrowserEngine,
  rows: readonly RankedRow[],
  model: ModelRow,
): Promise<BatchPoint[]> {
  return sweepScaling(e, rows, model, SCALING_BATCHES, (w, batch) => ({ ...w, batch }));
}

/** The scaling series for the top rows of a ranking, keyed like the ranking it belongs to. */
export function batchScalingQuery(
  kind: EngineKind,
  rankingKey: string,
  engine: BrowserEngine | undefined,
  rows: readonly RankedRow[],
  model: ModelRow | null,
) {
  return queryOptions({
    queryKey: ['batch-scaling', kind, rankingKey, rows.map((r) => r.hardware.id)],
    queryFn: () => batchScaling(engine!, rows, model!),
    enabled: engine !== undefined && model !== null && rows.length > 0,
    staleTime: Infinity,
  });
}
