import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { resolveCompareDevices } from '../../core/compare/devices.ts';
import { browserDevices } from '../../core/lab/profile.ts';
import type { Selection } from '../../core/share/selection.ts';
import { comparisonQuery, type CompareResult } from '../../queries/compare.ts';
import { shownAnswer, useEngines } from '../../components/use-engines.ts';

/**
 * Both engines and both comparisons of the selection's devices: the roofline answer first, the learned one
 * refines it. `shown` is the best answer for the current selection (else the previous one while computing).
 */
export function useComparison(selection: Selection) {
  const { fastEngine, learnedEngine, base, effective, unknownModel, model, modelError } =
    useEngines(selection);
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

  const fast = useQuery({
    ...comparisonQuery('roofline', effective, fastEngine.data, model, devices),
    placeholderData: keepPreviousData,
  });
  const refined = useQuery({
    ...comparisonQuery('learned', effective, learnedEngine.data, model, devices),
    placeholderData: keepPreviousData,
  });
  const answer = shownAnswer<CompareResult>(fast, refined);
  const shown = devices.length > 0 ? answer.shown : undefined;
  const stale = devices.length > 0 && answer.stale;

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
