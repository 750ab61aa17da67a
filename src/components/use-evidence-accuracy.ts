import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { lookupEvidenceAccuracy, type EvidenceAccuracy } from '../core/accuracy/evidence-accuracy.ts';
import { evidenceStatsQuery } from '../queries/accuracy.ts';

/** True once the browser has been idle (or after `timeout` ms), so a background load waits for the page's own work. */
function useIdle(enabled: boolean, timeout = 4000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled || idle) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setIdle(true), { timeout });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setIdle(true), 200);
    return () => clearTimeout(id);
  }, [enabled, idle, timeout]);
  return idle;
}

/**
 * How accurate predictions like this one were on devices the engine never saw: the held-out MdAPE of the
 * prediction's evidence level (`Prediction.evidence`, or its `layer` when it has none), with the sentence
 * and a link to the Accuracy page filtered to that level. Null until loaded, and when this build has no
 * holdout.parquet or no held-out rows like it.
 *
 * It runs SQL over the `holdout` table, so it starts DuckDB and loads the snapshot and holdout.parquet if
 * they are not loaded yet; it waits for the browser to be idle first. One query serves every caller.
 */
export function useEvidenceAccuracy(
  evidence: string | null | undefined,
  options: { enabled?: boolean } = {},
): EvidenceAccuracy | null {
  const wanted = (options.enabled ?? true) && !!evidence;
  const idle = useIdle(wanted);
  const q = useQuery({ ...evidenceStatsQuery(), enabled: wanted && idle });
  return useMemo(() => (q.data ? lookupEvidenceAccuracy(evidence, q.data) : null), [q.data, evidence]);
}
