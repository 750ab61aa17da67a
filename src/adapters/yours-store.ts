/**
 * Your imported batches, kept in IndexedDB (database `rooflight`, see idb.ts): one record per batch keyed by
 * id, and its rows keyed by [batch id, position in the batch] (in chunks, below). Nothing leaves the browser. Every failure is an
 * Error whose message says what could not be done and why; writes are all or nothing.
 */
import type { MeasurementRow } from '../core/catalog/schema.ts';
import type { YoursBatch } from '../core/import/batches.ts';
import { messageOf } from './errors.ts';
import { inTransaction } from './idb.ts';

const BATCHES = 'yours-batches';
const ROWS = 'yours-rows';

/**
 * Rows are stored in chunks: one record per CHUNK rows of a batch, keyed by [batch id, position of its first
 * row], holding them as JSON text. One record per row made IndexedDB 20× slower (100k rows: 29 s against
 * 1.4 s in headless Chromium on 2 cores) and froze the page while it cloned each one.
 */
const CHUNK = 1000;

interface StoredChunk {
  batch: string;
  /** Position in the batch of the chunk's first row (0, 1000, 2000…). */
  seq: number;
  /** JSON of up to CHUNK rows in the snapshot's measurement schema. */
  rows: string;
}

/** Everything stored: batches (oldest first) and their rows (by batch, then in file order). */
export interface YoursStore {
  batches: YoursBatch[];
  rows: MeasurementRow[];
}

function fail(what: string, e: unknown): Error {
  return new Error(`Your data could not be ${what}: ${messageOf(e)}`, { cause: e });
}

const rowsOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

const byCreated = (a: YoursBatch, b: YoursBatch) =>
  a.created.localeCompare(b.created) || a.id.localeCompare(b.id);

/** Yields to the event loop, so parsing many chunks never holds the thread for long. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every batch, oldest first (no rows: cheap). */
export async function loadBatches(): Promise<YoursBatch[]> {
  try {
    return await inTransaction([BATCHES], 'readonly', (store) => {
      const b = store(BATCHES).getAll();
      return () => (b.result as YoursBatch[]).sort(byCreated);
    });
  } catch (e) {
    throw fail('read', e);
  }
}

/** Every batch and every row (`only`: the rows of that batch). */
export async function loadYours(only?: string): Promise<YoursStore> {
  let stored: { batches: YoursBatch[]; chunks: StoredChunk[] };
  try {
    stored = await inTransaction([BATCHES, ROWS], 'readonly', (store) => {
      const b = store(BATCHES).getAll();
      const r = store(ROWS).getAll(only === undefined ? undefined : rowsOf(only));
      return () => ({
        batches: (b.result as YoursBatch[]).sort(byCreated),
        chunks: r.result as StoredChunk[],
      });
    });
  } catch (e) {
    throw fail('read', e);
  }
  const order = new Map(stored.batches.map((x, i) => [x.id, i]));
  const chunks = stored.chunks.sort(
    (x, y) => (order.get(x.batch) ?? 0) - (order.get(y.batch) ?? 0) || x.seq - y.seq,
  );
  const rows: MeasurementRow[] = [];
  for (const [i, c] of chunks.entries()) {
    if (i > 0 && i % 20 === 0) await breathe();
    try {
      rows.push(...(JSON.parse(c.rows) as MeasurementRow[]));
    } catch (e) {
      throw fail('read', new Error(`rows ${c.seq + 1}… of batch "${c.batch}" are damaged (${messageOf(e)})`));
    }
  }
  return { batches: stored.batches, rows };
}

/** Stores a new batch and its rows, all or nothing (a batch id already stored is an error). */
export async function saveBatch(batch: YoursBatch, rows: readonly MeasurementRow[]): Promise<void> {
  try {
    await inTransaction([BATCHES, ROWS], 'readwrite', (store) => {
      store(BATCHES).add(batch);
      const s = store(ROWS);
      for (let seq = 0; seq < rows.length; seq += CHUNK)
        s.add({
          batch: batch.id,
          seq,
          rows: JSON.stringify(rows.slice(seq, seq + CHUNK)),
        } satisfies StoredChunk);
      return () => undefined;
    });
  } catch (e) {
    throw fail('saved', e);
  }
}

/** Renames or hides/shows a batch (its rows are untouched). */
export async function updateBatch(
  id: string,
  patch: Partial<Pick<YoursBatch, 'name' | 'hidden'>>,
): Promise<void> {
  try {
    const found = await inTransaction([BATCHES], 'readwrite', (store) => {
      const s = store(BATCHES);
      const get = s.get(id);
      get.onsuccess = () => {
        const b = get.result as YoursBatch | undefined;
        if (b) s.put({ ...b, ...patch, id });
      };
      return () => get.result !== undefined;
    });
    if (!found) throw new Error(`there is no batch "${id}" (deleted in another tab?)`);
  } catch (e) {
    throw fail('updated', e);
  }
}

/** Deletes a batch and its rows. */
export async function deleteBatch(id: string): Promise<void> {
  try {
    await inTransaction([BATCHES, ROWS], 'readwrite', (store) => {
      store(BATCHES).delete(id);
      store(ROWS).delete(rowsOf(id));
      return () => undefined;
    });
  } catch (e) {
    throw fail('deleted', e);
  }
}

/** Deletes every batch and row. */
export async function clearYours(): Promise<void> {
  try {
    await inTransaction([BATCHES, ROWS], 'readwrite', (store) => {
      store(BATCHES).clear();
      store(ROWS).clear();
      return () => undefined;
    });
  } catch (e) {
    throw fail('cleared', e);
  }
}
