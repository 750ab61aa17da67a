import { useQuery } from '@tanstack/react-query';
import { browserDevices, type BrowserProfile } from '../../core/lab/profile.ts';
import { encodeProfile } from '../../core/lab/profile-codec.ts';
import { compareRun, runQuery, type RunComparison } from '../../core/lab/report.ts';
import type { RunReport } from '../../core/lab/types.ts';
import { engineQuery } from '../../queries/engine.ts';

/** The real run's timings beside the engine's predictions for the measured "This browser" devices. */
export function useRunComparison(run: RunReport | null, profile: BrowserProfile | null) {
  const engine = useQuery(engineQuery());
  return useQuery({
    queryKey: ['lab-comparison', run?.at ?? null, profile ? encodeProfile(profile) : null],
    enabled: engine.data !== undefined && run !== null && profile !== null,
    staleTime: Infinity,
    queryFn: async (): Promise<RunComparison[]> => {
      const devices = browserDevices(profile!);
      const queries = run!.timings.map((t) => runQuery(t, devices));
      const asked = queries.filter((q) => q !== null);
      const preds = await engine.data!.engine.predictMany(asked);
      let k = 0;
      return compareRun(
        run!,
        queries.map((q) => (q ? preds[k++]! : null)),
      );
    },
  });
}
