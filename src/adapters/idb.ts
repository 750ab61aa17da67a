/**
 * The browser's IndexedDB database `rooflight`, shared by the lab's local rows (local-store.ts) and your
 * imported batches (yours-store.ts). Each version only adds stores: opening an older database creates what
 * it lacks and keeps every store and row it has. One open function, so every caller asks for one version.
 */
import { messageOf } from './errors.ts';

export const DB_NAME = 'rooflight';

/** A store as created: its name and key path. */
export interface StoreSpec {
  name: string;
  keyPath: string | string[];
}

/** The stores each version adds (index 0: version 1). Never edit a past version's entry: add a version. */
export const VERSIONS: readonly (readonly StoreSpec[])[] = [
  [
    { name: 'local-measurements', keyPath: 'source_row' },
    { name: 'local-devices', keyPath: 'id' },
  ],
  [
    { name: 'yours-batches', keyPath: 'id' },
    { name: 'yours-rows', keyPath: ['batch', 'seq'] },
  ],
];

export const DB_VERSION = VERSIONS.length;

export type StoreName = 'local-measurements' | 'local-devices' | 'yours-batches' | 'yours-rows';

/**
 * The stores to create when a database at `oldVersion` (0: none yet) opens at `newVersion`: those the
 * versions after `oldVersion` add, minus any `existing` already has. Nothing is ever deleted.
 */
export function migrationPlan(
  oldVersion: number,
  newVersion: number = DB_VERSION,
  existing: Iterable<string> = [],
): StoreSpec[] {
  if (newVersion < oldVersion)
    throw new Error(`cannot open version ${newVersion} of a database at version ${oldVersion}`);
  const have = new Set(existing);
  return VERSIONS.slice(Math.max(0, oldVersion), newVersion)
    .flat()
    .filter((s) => !have.has(s.name));
}

function requestError(r: IDBRequest | IDBTransaction): string {
  const e = r.error;
  return e ? `${e.name}: ${e.message}` : 'unknown IndexedDB error';
}

/** Opens the database at DB_VERSION, migrating an older one (see migrationPlan). */
export function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this browser'));
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    req.onupgradeneeded = (event) => {
      const db = req.result;
      for (const s of migrationPlan(event.oldVersion, DB_VERSION, Array.from(db.objectStoreNames)))
        db.createObjectStore(s.name, { keyPath: s.keyPath });
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(new Error(requestError(req)));
    req.onblocked = () =>
      reject(new Error('the database is held open by another Rooflight tab; close that tab and retry'));
  });
}

/**
 * Runs `body` in one transaction over `stores` and resolves with what its returned getter gives once the
 * transaction commits (so a result is never reported for writes that were rolled back).
 */
export async function inTransaction<T>(
  stores: readonly StoreName[],
  mode: IDBTransactionMode,
  body: (store: (name: StoreName) => IDBObjectStore) => () => T,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction([...stores], mode);
      let result: () => T;
      try {
        result = body((name) => tx.objectStore(name));
      } catch (e) {
        tx.abort();
        reject(new Error(messageOf(e), { cause: e }));
        return;
      }
      tx.oncomplete = () => resolve(result());
      // The failing request carries the error; the transaction's own is set only once it aborts.
      tx.onerror = (e) => {
        const target = e.target as IDBRequest | IDBTransaction | null;
        reject(new Error(requestError(target ?? tx)));
      };
      tx.onabort = () => reject(new Error(tx.error ? requestError(tx) : 'the transaction was aborted'));
    });
  } finally {
    db.close();
  }
}
