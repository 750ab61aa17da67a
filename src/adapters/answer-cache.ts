/**
 * Answers kept between visits (IndexedDB database `rooflight-cache`, store `answers`): a computed answer
 * (a learned ranking) under a key that names the build, so a second visit shows it at once while the engine
 * loads and checks it. The build id (vite.config.ts) changes with every build and snapshot, so an answer
 * never outlives the code, model and data that made it. A cache: every failure reads as a miss, and
 * nothing here ever throws to the page. Only the newest MAX_ENTRIES answers are kept.
 */
const DB_NAME = 'rooflight-cache';
const STORE = 'answers';
const MAX_ENTRIES = 24;

interface Entry {
  key: string;
  savedAt: number;
  /** The answer as JSON (see answerToJson): one string clones far faster than a deep object graph. */
  json: string;
}

const NON_FINITE = '__rooflightNumber';

/** JSON that keeps NaN and ±Infinity (plain JSON turns them into null). */
export function answerToJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? { [NON_FINITE]: String(v) } : v,
  );
}

/** The inverse of answerToJson. */
export function answerFromJson(json: string): unknown {
  return JSON.parse(json, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && NON_FINITE in v
      ? Number((v as Record<string, string>)[NON_FINITE])
      : v,
  );
}

/** The cache key of an answer: this build, the kind of answer, and what it depends on. */
export const answerKey = (kind: string, inputs: string): string =>
  `${import.meta.env.ROOFLIGHT_BUILD}|${kind}|${inputs}`;

let opened: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

const reads = new Map<string, Promise<unknown>>();

/**
 * The answer saved under `key`, or null (none, another build's, unreadable, or no IndexedDB). Reads of one
 * key share one promise, so the page's query picks up a read started before it rendered.
 */
export function readAnswer<T>(key: string): Promise<T | null> {
  let read = reads.get(key);
  if (!read) {
    read = readEntry(key);
    reads.set(key, read);
  }
  return read as Promise<T | null>;
}

async function readEntry(key: string): Promise<unknown> {
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
      req.onsuccess = () => {
        const json = (req.result as Entry | undefined)?.json;
        try {
          resolve(typeof json === 'string' ? answerFromJson(json) : null);
        } catch {
          resolve(null);
        }
      };
      req.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/**
 * Saves `value` under `key` and drops the oldest answers beyond MAX_ENTRIES (and every other build's).
 * Resolves true when saved; a value JSON cannot hold, a full disk or no IndexedDB resolve false.
 */
export async function saveAnswer(key: string, value: unknown): Promise<boolean> {
  const db = await open();
  if (!db) return false;
  const build = `${import.meta.env.ROOFLIGHT_BUILD}|`;
  reads.delete(key);
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.put({ key, savedAt: Date.now(), json: answerToJson(value) } satisfies Entry);
      const all = store.getAll();
      all.onsuccess = () => {
        const entries = (all.result as Entry[]).sort((a, b) => b.savedAt - a.savedAt);
        entries.forEach((e, i) => {
          if (i >= MAX_ENTRIES || !e.key.startsWith(build)) store.delete(e.key);
        });
      };
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => resolve(false);
      tx.onabort = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}

/** Drops every saved answer (their evidence changed: you imported, hid or deleted rows). */
export async function clearAnswers(): Promise<void> {
  reads.clear();
  const db = await open();
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
}
