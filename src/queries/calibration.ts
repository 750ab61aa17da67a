import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { yoursChanged } from './yours.ts';

export const CALIBRATION_KEY = 'calibration';

/** Your stored calibration (report, model, switch), or null (IndexedDB `rooflight-calibration`). */
export function calibrationQuery() {
  return queryOptions({
    queryKey: [CALIBRATION_KEY],
    queryFn: async () => (await import('../adapters/calibrated-model-store.ts')).loadCalibration(),
    staleTime: Infinity,
  });
}

/**
 * After your calibration changed (a run stored, the switch flipped, deleted): refresh it, and drop the
 * learned engine and every answer computed on it, so no page shows answers of the other model.
 */
export async function calibrationChanged(client: QueryClient): Promise<void> {
  await client.invalidateQueries({ queryKey: [CALIBRATION_KEY] });
  await yoursChanged(client);
}
