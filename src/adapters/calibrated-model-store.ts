/**
 * Your calibration, kept in this browser (IndexedDB database `rooflight-calibration`, apart from the
 * `rooflight` database of your imported rows): the last run's report (its cross-validation, its decision and
 * which batches and how many rows it was tuned on — never the rows), the calibrated model's files when the
 * run kept it, and the switch "use my calibrated model". Nothing leaves the browser. A completed run replaces
 * what was stored; a cancelled one never reaches here.
 */
import type { CalibrationReport } from '../core/calibrate/report.ts';
import { messageOf } from './errors.ts';

export const CALIBRATION_DB = 'rooflight-calibration';
const VERSION = 1;
const STORE = 'calibration';
const KEY = 'current';

export interface StoredCalibration {
  report: CalibrationReport;
  /** The calibrated model (tfjs model.json text and weights.bin bytes); null when the run did not keep it. */
  model: { modelJson: string; weights: ArrayBuffer } | null;
  /** Predict with the calibrated model (on when a run keeps one; the page's switch changes it). */
  use: boolean;
}

interface Row extends StoredCalibration {
  id: typeof KEY;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this browser'));
      return;
    }
    const req = indexedDB.open(CALIBRATION_DB, VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE))
        req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('the database could not be opened'));
    req.onblocked = () =>
      reject(new Error('the database is held open by another Rooflight tab; close that tab and retry'));
  });
}

/** One transaction on the store; resolves with what `body`'s getter gives once it has committed. */
async function run<T>(
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore) => () => T,
  what: string,
): Promise<T> {
  let db: IDBDatabase | null = null;
  try {
    db = await open();
    const tx = db.transaction(STORE, mode);
    const result = body(tx.objectStore(STORE));
    return await new Promise<T>((resolve, reject) => {
      tx.oncomplete = () => resolve(result());
      tx.onerror = () => reject(tx.error ?? new Error('unknown IndexedDB error'));
      tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
    });
  } catch (e) {
    throw new Error(`Your calibration could not be ${what}: ${messageOf(e)}`, { cause: e });
  } finally {
    db?.close();
  }
}

/** The stored calibration, or null when there is none. */
export function loadCalibration(): Promise<StoredCalibration | null> {
  return run(
    'readonly',
    (s) => {
      const get = s.get(KEY);
      return () => {
        const row = get.result as Row | undefined;
        return row ? { report: row.report, model: row.model, use: row.use } : null;
      };
    },
    'read',
  );
}

/** Store a completed run (replacing the previous one); the switch is on when the run kept its model. */
export function saveCalibration(report: CalibrationReport, model: StoredCalibration['model']): Promise<void> {
  const row: Row = { id: KEY, report, model: report.decision.keep ? model : null, use: report.decision.keep };
  return run(
    'readwrite',
    (s) => {
      s.put(row);
      return () => undefined;
    },
    'saved',
  );
}

/** Turn "use my calibrated model" on or off (false when there is no calibrated model to use). */
export function setUseCalibrated(use: boolean): Promise<boolean> {
  return run(
    'readwrite',
    (s) => {
      const get = s.get(KEY);
      let applied = false;
      get.onsuccess = () => {
        const row = get.result as Row | undefined;
        if (!row) return;
        applied = use ? row.model !== null : true;
        s.put({ ...row, use: use && row.model !== null });
      };
      return () => applied;
    },
    'updated',
  );
}

/** Delete the calibrated model and its report. */
export function deleteCalibration(): Promise<void> {
  return run(
    'readwrite',
    (s) => {
      s.delete(KEY);
      return () => undefined;
    },
    'deleted',
  );
}
