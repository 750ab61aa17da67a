import type { StateCreator } from 'zustand';
import { DEFAULT_SORT, type MeasurementFilters, type MeasurementSort } from '../core/sql/measurements.ts';
import type { AppState } from './store.ts';

export type FilterKey = keyof MeasurementFilters;

export interface ExploreSlice {
  filters: MeasurementFilters;
  sort: MeasurementSort;
  /** Zero-based page of the measurements table. */
  pageIndex: number;
  pageSize: number;
  sqlText: string;
  /** Scratch mode: user SQL may write, inside a transaction that is always rolled back. */
  scratch: boolean;
  setFilter(key: FilterKey, value: string): void;
  clearFilters(): void;
  /** Sorts by a column; a second click on the same column flips the direction. */
  toggleSort(column: string): void;
  setPageIndex(index: number): void;
  setPageSize(size: number): void;
  setSqlText(text: string): void;
  setScratch(on: boolean): void;
}

export const DEFAULT_SQL = `SELECT hardware_id, count(*) AS n, round(median(value), 1) AS median_value
FROM measurements
WHERE metric = 'throughput'
GROUP BY hardware_id
ORDER BY n DESC
LIMIT 20`;

export const createExploreSlice: StateCreator<AppState, [], [], ExploreSlice> = (set) => ({
  filters: {},
  sort: DEFAULT_SORT,
  pageIndex: 0,
  pageSize: 50,
  sqlText: DEFAULT_SQL,
  scratch: false,
  setFilter(key, value) {
    set((s) => {
      const filters = { ...s.filters };
      if (value === '') delete filters[key];
      else filters[key] = value;
      return { filters, pageIndex: 0 };
    });
  },
  clearFilters() {
    set({ filters: {}, pageIndex: 0 });
  },
  toggleSort(column) {
    set((s) => ({
      sort: {
        column,
        direction: s.sort.column === column && s.sort.direction === 'asc' ? 'desc' : 'asc',
      },
      pageIndex: 0,
    }));
  },
  setPageIndex(pageIndex) {
    set({ pageIndex: Math.max(0, pageIndex) });
  },
  setPageSize(pageSize) {
    set({ pageSize, pageIndex: 0 });
  },
  setSqlText(sqlText) {
    set({ sqlText });
  },
  setScratch(scratch) {
    set({ scratch });
  },
});
