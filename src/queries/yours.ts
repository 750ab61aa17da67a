import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { clearAnswers } from '../adapters/answer-cache.ts';
import { batchAccuracy } from '../core/import/batch-accuracy.ts';
import { visibleRows } from '../core/import/batches.ts';

/** Every query under this key reads your stored batches: invalidate it after any change to them. */
export const YOURS_KEY = 'yours';

/**
 * Cached answers computed on the learned engine, keyed by the selection only: they must be recomputed when
 * the engine's evidence (your visible rows) changes.
 */
const ENGINE_ANSWERS = new Set([
  'ranking',
  'compare',
  'compare-runtimes',
  'length-scaling',
  'batch-scaling',
  'device-predictions',
  'runtime-comparison',
]);

/**
 * After your batches changed (kept, hidden, shown, deleted): drops the engine with your rows and every answer
 * computed on it (so none is shown again from an engine with the old evidence), and refreshes your data.
 */
export async function yoursChanged(client: QueryClient): Promise<void> {
  // Rankings saved for the next visit were made without these rows (none is saved while you have any).
  await clearAnswers();
  client.removeQueries({ predicate: (q) => ENGINE_ANSWERS.has(String(q.queryKey[0])) });
  await client.resetQueries({ queryKey: [YOURS_KEY, 'engine'] });
  await client.invalidateQueries({ queryKey: [YOURS_KEY] });
}

/** Your stored batches, oldest first (IndexedDB; without their rows). */
export function yoursQuery() {
  return queryOptions({
    queryKey: [YOURS_KEY, 'batches'],
    queryFn: async () => (await import('../adapters/yours-store.ts')).loadBatches(),
    staleTime: Infinity,
  });
}

/**
 * The learned engine with your visible rows among its evidence (the plain learned engine when there are
 * none). Your rows are optional: when they cannot be read, the engine loads without them and says why.
 */
export function engineWithYoursQuery() {
  return queryOptions({
    queryKey: [YOURS_KEY, 'engine'],
    queryFn: async () => {
      // engine-calibrated.ts: engine-yours.ts's engine, on your calibrated model when its switch is on.
      const [{ loadEngineForYou: loadEngineWithYours }, { loadYours }] = await Promise.all([
        import('../adapters/engine-calibrated.ts'),
        import('../adapters/yours-store.ts'),
      ]);
      const without = async (e: unknown) => ({
        ...(await loadEngineWithYours([])),
        yoursProblem: e instanceof Error ? e.message : String(e),
      });
      let stored;
      try {
        stored = await loadYours();
      } catch (e) {
        return without(e);
      }
      try {
        return {
          ...(await loadEngineWithYours(visibleRows(stored.batches, stored.rows))),
          yoursProblem: null,
        };
      } catch (e) {
        // The engine itself may be what failed: then this fails again, and the page says so.
        return without(
          new Error(`your rows could not join the evidence (${e instanceof Error ? e.message : String(e)})`),
        );
      }
    },
    staleTime: Infinity,
  });
}

/** How well the shipped engine predicts each of your batches (predicted vs measured). */
export function yoursAccuracyQuery() {
  return queryOptions({
    queryKey: [YOURS_KEY, 'accuracy'],
    queryFn: async () => {
      const [{ loadEngineBrowser }, { loadYours }] = await Promise.all([
        import('../adapters/engine-browser.ts'),
        import('../adapters/yours-store.ts'),
      ]);
      const [base, stored] = await Promise.all([loadEngineBrowser(), loadYours()]);
      const catalog = {
        hardware: new Map(base.snapshot.hardware.map((h) => [h.id, h])),
        models: new Map(base.snapshot.models.map((m) => [m.id, m])),
      };
      const scores = await batchAccuracy(base.engine, catalog, stored.batches, stored.rows, {
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      });
      return { ...scores, learned: base.model !== null };
    },
    staleTime: Infinity,
  });
}

/**
 * Your scored rows (yoursAccuracyQuery) in the page's DuckDB as `holdout_yours`, for the Accuracy page's
 * "your rows": their count.
 */
export function yoursHoldoutQuery() {
  return queryOptions({
    queryKey: [YOURS_KEY, 'holdout-table'],
    queryFn: async ({ client }) => {
      const scored = await client.fetchQuery(yoursAccuracyQuery());
      const { loadYoursHoldout } = await import('../adapters/yours-holdout-browser.ts');
      return { rows: await loadYoursHoldout(scored.rows), learned: scored.learned };
    },
    staleTime: Infinity,
  });
}
