import type { StateCreator } from 'zustand';
import { messageOf } from '../adapters/errors.ts';
import type { BrowserDb } from '../adapters/duckdb-browser.ts';
import type { LocalSyncResult } from '../adapters/local-store.ts';
import type { Db } from '../core/db.ts';
import type { AppState } from './store.ts';

export type DbStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface DbSlice {
  dbStatus: DbStatus;
  /** What the loader is doing now, for the progress indicator. */
  dbStage: string;
  /** 0..1 */
  dbFraction: number;
  dbError: string | null;
  /** Rows per snapshot table once loaded (the snapshot's own rows; local runs are counted apart). */
  dbCounts: Record<string, number>;
  /** Measurement rows from this browser's own runs now in the database (source `local`). */
  dbLocalCount: number;
  /** Why local runs could not be read or added (the snapshot is loaded regardless); null when they were. */
  dbLocalError: string | null;
  /**
   * When the local rows or your imported rows in the database last changed (`Date.now()`, 0 before), so older
   * cached queries refetch.
   */
  dbLocalChangedAt: number;
  /** Your visible imported rows now in the database (table `yours`). */
  dbYoursCount: number;
  /** Why your imported rows could not be read or added (the snapshot is loaded regardless); null when they were. */
  dbYoursError: string | null;
  /** Starts DuckDB and loads the snapshot (once), then this browser's local runs; after a failure, tries again. */
  startDb(): void;
  /**
   * Re-reads the local runs from IndexedDB and replaces them in the database (after a run or a clear).
   * Does nothing until the database is started; never rejects (a failure lands in `dbLocalError`).
   */
  refreshLocal(): Promise<void>;
  /**
   * Re-reads your imported batches from IndexedDB and puts the visible rows into the table `yours` (after an
   * import, a hide, a delete). Does nothing until the database is started; never rejects.
   */
  refreshYours(): Promise<void>;
}

type Set = (partial: Partial<AppState>) => void;

let syncQueue: Promise<void> = Promise.resolve();
/** What the last sync added to the database; the next one replaces it. */
let lastSync: LocalSyncResult | null = null;

/** Reads the local runs and puts them into the database, one sync at a time. Never rejects. */
function syncLocal(db: Db, set: Set): Promise<void> {
  const run = async () => {
    try {
      const { loadLocal, syncLocalRows } = await import('../adapters/local-store.ts');
      const local = await loadLocal();
      let result;
      try {
        result = await syncLocalRows(db, local, lastSync);
      } catch (e) {
        throw new Error(`Local runs could not be added to the table: ${messageOf(e)}`, { cause: e });
      }
      lastSync = result;
      set({ dbLocalCount: result.count, dbLocalError: null, dbLocalChangedAt: Date.now() });
    } catch (e) {
      set({ dbLocalError: messageOf(e) });
    }
  };
  syncQueue = syncQueue.then(run);
  return syncQueue;
}

/** Reads your batches and replaces the table `yours` with their visible rows, after any sync before it. */
function syncYours(db: BrowserDb, set: Set): Promise<void> {
  const run = async () => {
    try {
      const [{ loadYours }, { syncYoursRows }, { visibleRows }] = await Promise.all([
        import('../adapters/yours-store.ts'),
        import('../adapters/yours-db.ts'),
        import('../core/import/batches.ts'),
      ]);
      const { batches, rows } = await loadYours();
      let count;
      try {
        count = await syncYoursRows(db.raw, visibleRows(batches, rows));
      } catch (e) {
        throw new Error(`Your imported rows could not be added to the table: ${messageOf(e)}`, { cause: e });
      }
      set({ dbYoursCount: count, dbYoursError: null, dbLocalChangedAt: Date.now() });
    } catch (e) {
      set({ dbYoursError: messageOf(e) });
    }
  };
  syncQueue = syncQueue.then(run);
  return syncQueue;
}

export const createDbSlice: StateCreator<AppState, [], [], DbSlice> = (set, get) => ({
  dbStatus: 'idle',
  dbStage: '',
  dbFraction: 0,
  dbError: null,
  dbCounts: {},
  dbLocalCount: 0,
  dbLocalError: null,
  dbLocalChangedAt: 0,
  dbYoursCount: 0,
  dbYoursError: null,
  startDb() {
    const status = get().dbStatus;
    if (status === 'loading' || status === 'ready') return;
    set({ dbStatus: 'loading', dbStage: 'Starting DuckDB', dbFraction: 0, dbError: null });
    // DuckDB's bindings load on demand: only the Data and Sources pages start the database.
    import('../adapters/duckdb-browser.ts')
      .then(({ getBrowserDb }) => getBrowserDb((dbStage, dbFraction) => set({ dbStage, dbFraction })))
      .then(async (db) => {
        set({ dbStage: 'Adding your own runs from this browser' });
        await syncLocal(db, set);
        set({ dbStage: 'Adding your imported data' });
        await syncYours(db, set);
        return db;
      })
      .then(
        (db) => set({ dbStatus: 'ready', dbCounts: db.counts, dbFraction: 1 }),
        (e: unknown) => set({ dbStatus: 'failed', dbError: messageOf(e) }),
      );
  },
  async refreshLocal() {
    const status = get().dbStatus;
    if (status !== 'ready' && status !== 'loading') return;
    try {
      const { getBrowserDb } = await import('../adapters/duckdb-browser.ts');
      await syncLocal(await getBrowserDb(), set);
    } catch {
      // The database did not load; DbGate shows why.
    }
  },
  async refreshYours() {
    const status = get().dbStatus;
    if (status !== 'ready' && status !== 'loading') return;
    try {
      const { getBrowserDb } = await import('../adapters/duckdb-browser.ts');
      await syncYours(await getBrowserDb(), set);
    } catch {
      // The database did not load; DbGate shows why.
    }
  },
});
