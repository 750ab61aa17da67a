import { useQuery } from '@tanstack/react-query';
import type { BrowserEngine } from '../../adapters/engine-browser.ts';
import type { HardwareRow, ModelRow } from '../../core/catalog/schema.ts';
import type { Selection } from '../../core/share/selection.ts';
import { devicePredictionsQuery, runtimeComparisonQuery } from '../../queries/operating-points.ts';

/** Every metric of the selection's workload on each device at its operating point; idle without a model. */
export function useDevicePredictions(
  engine: BrowserEngine | undefined,
  selection: Selection,
  model: ModelRow | null,
  devices: readonly HardwareRow[],
) {
  return useQuery(devicePredictionsQuery(engine, selection, model, devices));
}

/** The compare-runtimes tables, computed only while the view is open. */
export function useRuntimeComparison(
  engine: BrowserEngine | undefined,
  selection: Selection,
  model: ModelRow | null,
  devices: readonly HardwareRow[],
  open: boolean,
) {
  return useQuery(runtimeComparisonQuery(engine, selection, model, devices, open));
}
