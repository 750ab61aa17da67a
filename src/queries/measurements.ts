import { queryOptions } from '@tanstack/react-query';
import {
  countMeasurements,
  listMeasurements,
  type MeasurementFilters,
  type MeasurementSort,
} from '../core/sql/measurements.ts';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import { run } from './run.ts';

/** A measurement with the joined display names. */
export type MeasurementListRow = MeasurementRow & { hardware_name: string | null; model_name: string | null };

/** One page of measurements for the filters and sort. */
export function measurementPageQuery(
  filters: MeasurementFilters,
  sort: MeasurementSort,
  pageIndex: number,
  pageSize: number,
) {
  return queryOptions({
    queryKey: ['measurements', 'page', filters, sort, pageIndex, pageSize],
    queryFn: () =>
      run<MeasurementListRow>(
        listMeasurements({ filters, sort, limit: pageSize, offset: pageIndex * pageSize }),
      ),
  });
}

/** How many measurements match the filters. */
export function measurementCountQuery(filters: MeasurementFilters) {
  return queryOptions({
    queryKey: ['measurements', 'count', filters],
    queryFn: async () => (await run<{ n: number }>(countMeasurements(filters)))[0]?.n ?? 0,
  });
}

/** Every measurement matching the filters, for CSV export (fetched on demand, not cached long). */
export function measurementExportQuery(filters: MeasurementFilters, sort: MeasurementSort) {
  return queryOptions({
    queryKey: ['measurements', 'export', filters, sort],
    queryFn: () => run<MeasurementListRow>(listMeasurements({ filters, sort })),
    gcTime: 0,
  });
}
