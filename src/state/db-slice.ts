import type { StateCreator } from 'zustand';
import { messageOf } from '../adapters/errors.ts';
import type { AppState } from './store.ts';

export type DbStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface DbSlice {
  dbStatus: DbStatus;
  /** What the loader is doing now, for the progress indicator. */
  dbStage: string;
  /** 0..1 */
  dbFraction: number;
  dbError: string | null;
  /** Rows per snapshot table once loaded. */
  dbCounts: Record<string, number>;
  /** Starts DuckDB and loads the snapshot (once); after a failure, tries again. */
  startDb(): void;
}

export const createDbSlice: StateCreator<AppState, [], [], DbSlice> = (set, get) => ({
  dbStatus: 'idle',
  dbStage: '',
  dbFraction: 0,
  dbError: null,
  dbCounts: {},
  startDb() {
    const status = get().dbStatus;
    if (status === 'loading' || status === 'ready') return;
    set({ dbStatus: 'loading', dbStage: 'Starting DuckDB', dbFraction: 0, dbError: null });
    // DuckDB's bindings load on demand: only the Data and Sources pages start the database.
    import('../adapters/duckdb-browser.ts')
      .then(({ getBrowserDb }) => getBrowserDb((dbStage, dbFraction) => set({ dbStage, dbFraction })))
      .then(
        (db) => set({ dbStatus: 'ready', dbCounts: db.counts, dbFraction: 1 }),
        (e: unknown) => set({ dbStatus: 'failed', dbError: messageOf(e) }),
      );
  },
});
