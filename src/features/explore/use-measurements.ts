import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { measurementCountQuery, measurementPageQuery } from '../../queries/measurements.ts';
import { useAppStore } from '../../state/store.ts';

/** The current page of measurements and the filtered count, from the store's filters, sort and paging. */
export function useMeasurements() {
  const filters = useAppStore((s) => s.filters);
  const sort = useAppStore((s) => s.sort);
  const pageIndex = useAppStore((s) => s.pageIndex);
  const pageSize = useAppStore((s) => s.pageSize);
  const page = useQuery({
    ...measurementPageQuery(filters, sort, pageIndex, pageSize),
    placeholderData: keepPreviousData,
  });
  const count = useQuery({ ...measurementCountQuery(filters), placeholderData: keepPreviousData });
  return { page, count, pageIndex, pageSize };
}
