import { useQuery } from '@tanstack/react-query';
import { browserDevices, type BrowserProfile } from '../../core/lab/profile.ts';
import { encodeProfile } from '../../core/lab/profile-codec.ts';
import { calibratedLatency, DEFAULT_WIDTH, labEfficiencies } from '../../core/lab/calibration.ts';
import { compareRun, runQuery, type RunComparison } from '../../core/lab/report.ts';
import type { RunReport } from '../../core/lab/types.ts';
import { engineQuery } from '../../queries/engine.ts';

/** The real run's timings beside the engine's predictions for the measured "This browser" devices. */
export function useRunComparison(run: RunReport | null, profile: BrowserProfile | null) {
  // The engine loads only once there is a run to compare.
  const engine = useQuery({ ...engineQuery(), enabled: run !== null && profile !== null });
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
      // Each timing is also predicted from the other timings of its op class on this device (itself left out).
      const effs = labEfficiencies(run!.timings, devices);
      const width = engine.data!.manifest.conformal['transfer'] ?? DEFAULT_WIDTH;
      const calibrated = run!.timings.map((t, i) => {
        const q = queries[i];
        if (!q) return null;
        const c = calibratedLatency(
          q.workload,
          q.hw,
          effs,
          width,
          (e) => !(e.modelId === t.modelId && e.batch === t.batch),
        );
        return c?.value ?? null;
      });
      return compareRun(
        run!,
        queries.map((q) => (q ? preds[k++]! : null)),
        calibrated,
      );
    },
  });
}
