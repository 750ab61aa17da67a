import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { measurementCountQuery, measurementPageQuery } from '../../queries/measurements.ts';
import { useAppStore } from '../../state/store.ts';

/** The current page of measurements and the filtered count, from the store's filters, sort and paging. */
export function useMeasurements() {
  const { filters, sort, pageIndex, pageSize } = useAppStore((s) => s.selection.data);
  const page = useQuery({
    ...measurementPageQuery(filters, sort, pageIndex, pageSize),
    placeholderData: keepPreviousData,
  });
  const count = useQuery({ ...measurementCountQuery(filters), placeholderData: keepPreviousData });
  return { page, count, pageIndex, pageSize };
}
