import type { UseQueryResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { modelVersion, resolveSelectionModel } from '../core/select/rank-selection.ts';
import type { Selection } from '../core/share/selection.ts';
import { rooflineEngineQuery } from '../queries/engine.ts';
import { engineWithYoursQuery } from '../queries/yours.ts';
import { useAppStore } from '../state/store.ts';

/**
 * Both engines for a selection (the roofline one answers first, the learned one refines it), the catalog's
 * models, the selection's model resolved against them, and the running snapshot and model versions recorded
 * for links. Shared by the Recommend ranking and the Compare page.
 */
export function useEngines(selection: Selection) {
  const fastEngine = useQuery(rooflineEngineQuery());
  // The learned engine, with your visible imported rows (the Your data page) among its evidence.
  const learnedEngine = useQuery(engineWithYoursQuery());
  const base = fastEngine.data ?? learnedEngine.data;
  const models = useMemo(() => new Map((base?.snapshot.models ?? []).map((m) => [m.id, m])), [base]);

  // An id the catalog lacks (from a link): use the default model and say so (once the catalog is loaded).
  const { effective, unknownModel, model, modelError } = base
    ? resolveSelectionModel(selection, models)
    : { effective: selection, unknownModel: null, model: null, modelError: null };

  const setRunningVersions = useAppStore((s) => s.setRunningVersions);
  const manifest = base?.manifest;
  // Your calibrated model has its own version (`…+cal.<digest>`), so links made with it say so.
  const calibrated = learnedEngine.data?.calibration?.version ?? null;
  useEffect(() => {
    if (manifest)
      setRunningVersions({ snapshot: manifest.snapshot, model: calibrated ?? modelVersion(manifest) });
  }, [manifest, calibrated, setRunningVersions]);

  return { fastEngine, learnedEngine, base, models, effective, unknownModel, model, modelError };
}

/**
 * The answer to show from a fast and a refined query: the refined one for the current inputs, else the fast
 * one, else whichever previous answer is kept while computing. `stale`: what is shown is a previous answer.
 */
export function shownAnswer<T>(
  fast: UseQueryResult<T>,
  refined: UseQueryResult<T>,
): { shown: T | undefined; stale: boolean } {
  const current = (q: UseQueryResult<T>) => (q.data && !q.isPlaceholderData ? q.data : undefined);
  const shown = current(refined) ?? current(fast) ?? refined.data ?? fast.data;
  return { shown, stale: shown !== undefined && shown !== current(refined) && shown !== current(fast) };
}
