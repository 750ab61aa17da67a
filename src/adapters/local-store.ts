/**
 * The browser's own measurements, kept in IndexedDB (database `rooflight`, see idb.ts): measurement rows keyed by
 * `source_row`, and the devices that measured them keyed by id (last write wins). Nothing leaves the browser.
 * Every failure is an Error whose message says what could not be done and why. Also puts those rows into
 * the page's database next to the snapshot.
 */
import {
  HARDWARE_COLUMNS,
  MEASUREMENT_COLUMNS,
  MODEL_COLUMNS,
  SOURCE_COLUMNS,
} from '../core/catalog/columns.ts';
import { runtimeClassOf } from '../core/catalog/runtime.ts';
import type { HardwareRow, MeasurementRow } from '../core/catalog/schema.ts';
import type { Db } from '../core/db.ts';
import { LAB_MODELS, labModelRow } from '../core/lab/lab-models.ts';
import { LOCAL_SOURCE_ID, insertStatements, localSource } from '../core/lab/local-rows.ts';
import { messageOf } from './errors.ts';
import { inTransaction as inStores } from './idb.ts';

const ROWS = 'local-measurements';
const DEVICES = 'local-devices';

/** Everything stored locally. */
export interface LocalStore {
  rows: MeasurementRow[];
  hardware: HardwareRow[];
}

/** Wraps a failure in an Error naming the operation. */
function fail(what: string, e: unknown): Error {
  return new Error(`Local measurements could not be ${what}: ${messageOf(e)}`, { cause: e });
}

/** Runs `body` over the two local stores in one transaction (see idb.ts inTransaction). */
function inTransaction<T>(
  mode: IDBTransactionMode,
  body: (rows: IDBObjectStore, devices: IDBObjectStore) => () => T,
): Promise<T> {
  return inStores([ROWS, DEVICES], mode, (store) => body(store(ROWS), store(DEVICES)));
}

/** Every stored measurement row (by `source_row`) and device row. */
export async function loadLocal(): Promise<LocalStore> {
  try {
    return await inTransaction('readonly', (rows, devices) => {
      const r = rows.getAll();
      const d = devices.getAll();
      // Rows stored before runtime_class existed get it from the same classifier the ingest uses.
      const upgrade = (m: MeasurementRow): MeasurementRow =>
        m.runtime_class ? m : { ...m, runtime_class: runtimeClassOf(m.runtime) };
      return () => ({
        rows: (r.result as MeasurementRow[]).map(upgrade),
        hardware: d.result as HardwareRow[],
      });
    });
  } catch (e) {
    throw fail('read', e);
  }
}

/**
 * Stores new measurement rows (a `source_row` already stored is an error: nothing is overwritten) and
 * device rows (replacing a stored device with the same id), all or nothing.
 */
export async function appendLocal(
  rows: readonly MeasurementRow[],
  hardware: readonly HardwareRow[],
): Promise<void> {
  try {
    await inTransaction('readwrite', (store, devices) => {
      for (const r of rows) store.add(r);
      for (const h of hardware) devices.put(h);
      return () => undefined;
    });
  } catch (e) {
    throw fail('saved', e);
  }
}

/** The `source_row` the next stored run should start from: one past the largest stored, 1 when empty. */
export async function nextLocalRow(): Promise<number> {
  try {
    return await inTransaction('readonly', (rows) => {
      let next = 1;
      const req = rows.openKeyCursor(null, 'prev');
      req.onsuccess = () => {
        const key = req.result?.key;
        if (typeof key === 'number') next = key + 1;
      };
      return () => next;
    });
  } catch (e) {
    throw fail('read', e);
  }
}

/** Deletes every local measurement and device row. */
export async function clearLocal(): Promise<void> {
  try {
    await inTransaction('readwrite', (rows, devices) => {
      rows.clear();
      devices.clear();
      return () => undefined;
    });
  } catch (e) {
    throw fail('cleared', e);
  }
}

export interface LocalSyncResult {
  /** Local measurement rows now in the database. */
  count: number;
  /** Device rows this sync added (ids the snapshot lacks); the next sync replaces them. */
  hardwareIds: string[];
  /** Lab model rows this sync added (ids the snapshot lacks); the next sync replaces them. */
  modelIds: string[];
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Ids among `ids` that `table` already holds. */
async function presentIds(
  db: Db,
  table: 'hardware' | 'models',
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (${marks(ids.length)})`, [
    ...ids,
  ]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Puts the local rows into a database that holds the snapshot's tables, in one transaction: removes what
 * the `previous` sync added (local measurements, the `local` source row, devices and lab models the snapshot
 * lacked), then adds the stored measurements, the `local` source with their count, stored devices and the
 * lab models whose ids the snapshot lacks (a snapshot row always wins; among stored devices the last write
 * does). With nothing stored and nothing added before, it touches nothing, so a fresh browser's database is
 * exactly the snapshot. Safe to call again after each run and after clearing.
 */
export async function syncLocalRows(
  db: Db,
  local: { rows: readonly MeasurementRow[]; hardware: readonly HardwareRow[] },
  previous: LocalSyncResult | null = null,
): Promise<LocalSyncResult> {
  const empty = local.rows.length === 0 && local.hardware.length === 0;
  const hadNone =
    !previous || (previous.count === 0 && !previous.hardwareIds.length && !previous.modelIds.length);
  if (empty && hadNone) return { count: 0, hardwareIds: [], modelIds: [] };

  await db.query('BEGIN TRANSACTION');
  try {
    await db.query('DELETE FROM measurements WHERE source_id = ?', [LOCAL_SOURCE_ID]);
    await db.query('DELETE FROM sources WHERE id = ?', [LOCAL_SOURCE_ID]);
    for (const [table, ids] of [
      ['hardware', previous?.hardwareIds ?? []],
      ['models', previous?.modelIds ?? []],
    ] as const) {
      if (ids.length) await db.query(`DELETE FROM ${table} WHERE id IN (${marks(ids.length)})`, [...ids]);
    }

    const latest = new Map(local.hardware.map((h) => [h.id, h]));
    const knownDevices = await presentIds(db, 'hardware', [...latest.keys()]);
    const devices = [...latest.values()].filter((h) => !knownDevices.has(h.id));
    const labRows = local.rows.length ? LAB_MODELS.map(labModelRow) : [];
    const knownModels = await presentIds(
      db,
      'models',
      labRows.map((m) => m.id),
    );
    const models = labRows.filter((m) => !knownModels.has(m.id));

    const statements = [
      ...insertStatements('measurements', MEASUREMENT_COLUMNS, local.rows),
      ...insertStatements('hardware', HARDWARE_COLUMNS, devices),
      ...insertStatements('models', MODEL_COLUMNS, models),
      ...insertStatements(
        'sources',
        SOURCE_COLUMNS,
        local.rows.length ? [localSource(local.rows.length)] : [],
      ),
    ];
    for (const st of statements) await db.query(st.sql, st.params);
    await db.query('COMMIT');
    return {
      count: local.rows.length,
      hardwareIds: devices.map((h) => h.id),
      modelIds: models.map((m) => m.id),
    };
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
