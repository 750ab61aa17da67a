import type { StateCreator } from 'zustand';
import type { MeasurementsView } from '../core/share/selection.ts';
import type { MeasurementFilters } from '../core/sql/measurements.ts';
import type { AppState } from './store.ts';

export type FilterKey = keyof MeasurementFilters;
export type PageSize = MeasurementsView['pageSize'];

/**
 * The Data page: its table's filters, sort and page live in the selection (`selection.data`, so in the URL);
 * the SQL box's text and mode stay in this slice.
 */
export interface ExploreSlice {
  sqlText: string;
  /** Scratch mode: user SQL may write, inside a transaction that is always rolled back. */
  scratch: boolean;
  /** Sets one filter ('' for any) and goes back to the first page. */
  setFilter(key: FilterKey, value: string): void;
  clearFilters(): void;
  /** Sorts by a column; a second click on the same column flips the direction. */
  toggleSort(column: string): void;
  setPageIndex(index: number): void;
  setPageSize(size: PageSize): void;
  setSqlText(text: string): void;
  setScratch(on: boolean): void;
}

export const DEFAULT_SQL = `SELECT hardware_id, count(*) AS n, round(median(value), 1) AS median_value
FROM measurements
WHERE metric = 'throughput'
GROUP BY hardware_id
ORDER BY n DESC
LIMIT 20`;

export const createExploreSlice: StateCreator<AppState, [], [], ExploreSlice> = (set, get) => {
  const data = () => get().selection.data;
  const setData = (patch: Partial<MeasurementsView>) => get().setSelection({ data: patch });
  return {
    sqlText: DEFAULT_SQL,
    scratch: false,
    setFilter(key, value) {
      const filters = { ...data().filters };
      // Ids are lowercase in the link and in the snapshot.
      const v = key === 'modelSearch' ? value.trim() : value.trim().toLowerCase();
      if (v === '') delete filters[key];
      else filters[key] = v;
      setData({ filters, pageIndex: 0 });
    },
    clearFilters() {
      setData({ filters: {}, pageIndex: 0 });
    },
    toggleSort(column) {
      const sort = data().sort;
      const direction = sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc';
      setData({ sort: { column, direction }, pageIndex: 0 });
    },
    setPageIndex(pageIndex) {
      setData({ pageIndex: Math.max(0, pageIndex) });
    },
    setPageSize(pageSize) {
      setData({ pageSize, pageIndex: 0 });
    },
    setSqlText(sqlText) {
      set({ sqlText });
    },
    setScratch(scratch) {
      set({ scratch });
    },
  };
};
