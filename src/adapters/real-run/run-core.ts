/**
 * The timing loop of a real run, independent of where it runs (the run worker, or Node in tests): each
 * model is built once, then each batch is called once (timed as `firstMs`: compile, upload, warm-up) and
 * repeated, each repetition read back with `await data()`, until enough repetitions or its share of the
 * time budget. Failures are reported per model or batch; the loop goes on with the rest.
 */
import type * as TF from '@tensorflow/tfjs';
import type { LabModel } from '../../core/lab/lab-models.ts';
import type { RunBackend, RunTiming } from '../../core/lab/types.ts';
import { messageOf } from '../errors.ts';
import { buildLabGraph } from './lab-graphs.ts';

/** Timed repetitions per batch when the budget allows. */
export const MAX_REPS = 5;
/** Default budget of a whole run, ms. */
export const DEFAULT_BUDGET_MS = 25_000;

export interface RunEvents {
  progress(stage: string, fraction: number): void;
  timing(t: RunTiming): void;
  error(message: string): void;
}

export interface RunPlan {
  backend: RunBackend;
  models: readonly LabModel[];
  budgetMs: number;
}

/** `25 s`, `0.3 s`. */
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function timeCall(graph: { forward(x: TF.Tensor): TF.Tensor }, x: TF.Tensor): Promise<number> {
  const t0 = performance.now();
  const y = graph.forward(x);
  try {
    await y.data();
  } finally {
    y.dispose();
  }
  return performance.now() - t0;
}

/**
 * Runs every batch of every model on the backend tf is already set to. Returns whether the time budget
 * ran out before every batch was timed (those batches are reported as errors).
 */
export async function runPlan(
  tf: typeof TF,
  plan: RunPlan,
  events: RunEvents,
): Promise<{ outOfTime: boolean }> {
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  const total = plan.models.reduce((n, m) => n + m.batches.length, 0);
  let done = 0;
  let outOfTime = false;
  const label = (m: LabModel, batch?: number) => (batch === undefined ? m.id : `${m.id} batch ${batch}`);

  for (const m of plan.models) {
    if (elapsed() > plan.budgetMs) {
      outOfTime = true;
      events.error(`${label(m)}: not run, the time budget (${seconds(plan.budgetMs)}) ran out`);
      done += m.batches.length;
      continue;
    }
    events.progress(`Building ${m.name}`, done / total);
    let graph;
    try {
      graph = buildLabGraph(tf, m);
    } catch (e) {
      events.error(`${label(m)}: could not be built on ${plan.backend}: ${messageOf(e)}`);
      done += m.batches.length;
      continue;
    }
    try {
      for (const batch of m.batches) {
        const left = plan.budgetMs - elapsed();
        if (left <= 0) {
          outOfTime = true;
          events.error(`${label(m, batch)}: not run, the time budget ran out`);
          done++;
          continue;
        }
        const share = left / (total - done);
        events.progress(`${m.name}: batch ${batch}`, done / total);
        const x = graph.input(batch);
        try {
          const batchStart = performance.now();
          const firstMs = await timeCall(graph, x);
          const times: number[] = [];
          while (times.length < MAX_REPS) {
            const last = times.at(-1) ?? firstMs;
            if (times.length > 0 && performance.now() - batchStart + last > share) break;
            times.push(await timeCall(graph, x));
          }
          events.timing({
            modelId: m.id,
            backend: plan.backend,
            batch,
            firstMs,
            medianMs: median(times),
            bestMs: Math.min(...times),
            reps: times.length,
          });
        } catch (e) {
          events.error(`${label(m, batch)}: failed on ${plan.backend}: ${messageOf(e)}`);
        } finally {
          x.dispose();
          done++;
        }
      }
    } finally {
      graph.dispose();
    }
  }
  events.progress('Done', 1);
  return { outOfTime };
}
