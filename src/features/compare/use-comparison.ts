import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { resolveCompareDevices } from '../../core/compare/devices.ts';
import { browserDevices } from '../../core/lab/profile.ts';
import { modelVersion, resolveSelectionModel } from '../../core/select/rank-selection.ts';
import type { Selection } from '../../core/share/selection.ts';
import { comparisonQuery, type CompareResult } from '../../queries/compare.ts';
import { engineQuery, rooflineEngineQuery } from '../../queries/engine.ts';
import { useAppStore } from '../../state/store.ts';

/**
 * Both engines and both comparisons of the selection's devices: the roofline answer first, the learned one
 * refines it. `shown` is the best answer for the current selection (else the previous one while computing).
 */
export function useComparison(selection: Selection) {
  const fastEngine = useQuery(rooflineEngineQuery());
  const learnedEngine = useQuery(engineQuery());
  const base = fastEngine.data ?? learnedEngine.data;
  const models = useMemo(() => new Map((base?.snapshot.models ?? []).map((m) => [m.id, m])), [base]);
  // The catalog plus a link's "This browser" devices, which a comparison may name too.
  const catalog = useMemo(
    () =>
      new Map(
        [...(base?.snapshot.hardware ?? []), ...(selection.lab ? browserDevices(selection.lab) : [])].map(
          (h) => [h.id, h],
        ),
      ),
    [base, selection.lab],
  );
  const chosen = base ? resolveCompareDevices(selection.hardware, catalog) : null;
  const devices = chosen?.problem === null ? chosen.devices : [];
  const { effective, unknownModel, model, modelError } = base
    ? resolveSelectionModel(selection, models)
    : { effective: selection, unknownModel: null, model: null, modelError: null };

  const fast = useQuery({
    ...comparisonQuery('roofline', effective, fastEngine.data, model, devices),
    placeholderData: keepPreviousData,
  });
  const refined = useQuery({
    ...comparisonQuery('learned', effective, learnedEngine.data, model, devices),
    placeholderData: keepPreviousData,
  });
  const current = (q: typeof fast) => (q.data && !q.isPlaceholderData ? q.data : undefined);
  const shown: CompareResult | undefined =
    devices.length > 0 ? (current(refined) ?? current(fast) ?? refined.data ?? fast.data) : undefined;
  const stale = shown !== undefined && shown !== current(refined) && shown !== current(fast);

  const setRunningVersions = useAppStore((s) => s.setRunningVersions);
  const manifest = base?.manifest;
  useEffect(() => {
    if (manifest) setRunningVersions({ snapshot: manifest.snapshot, model: modelVersion(manifest) });
  }, [manifest, setRunningVersions]);

  return {
    fastEngine,
    learnedEngine,
    catalog,
    chosen,
    effective,
    model,
    modelError,
    unknownModel,
    fast,
    refined,
    shown,
    stale,
  };
}
