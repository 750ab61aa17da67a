import { useQuery } from '@tanstack/react-query';
import type { BrowserEngine } from '../../adapters/engine-browser.ts';
import type { Metric } from '../../core/catalog/schema.ts';
import type { OperatingChoice } from '../../core/predict/operating-point.ts';
import type { Scenario } from '../../core/share/selection.ts';
import {
  devicePredictionsQuery,
  runtimeComparisonQuery,
  type WorkloadInput,
} from '../../queries/operating-points.ts';

/** Every metric on each chosen device at its operating point; idle until the model is a catalog one. */
export function useDevicePredictions(
  engine: BrowserEngine | undefined,
  input: WorkloadInput,
  metrics: readonly Metric[],
  choice: OperatingChoice,
) {
  const q = devicePredictionsQuery(engine, input, metrics, choice);
  return useQuery({ ...q, enabled: q.enabled !== false && metrics.length > 0 });
}

/** The compare-runtimes tables, computed only while the view is open. */
export function useRuntimeComparison(
  engine: BrowserEngine | undefined,
  input: WorkloadInput,
  scenario: Scenario,
  open: boolean,
) {
  return useQuery(runtimeComparisonQuery(engine, input, scenario, open));
}
