/**
 * The import worker: one file's bytes → importFile (core/import through adapters/import-file), against your
 * stored rows (read from IndexedDB here: an import's duplicates of them are bad rows), posting the stage and
 * the rows checked so far, then the outcome. It runs off the page's thread so a 100k-row file
 * never freezes the page, and the page can terminate it: hyparquet 1.31.5 can loop forever on a damaged
 * Parquet data page.
 */
import { importCatalog } from '../../core/import/catalog.ts';
import type { MeasurementRow } from '../../core/catalog/schema.ts';
import { messageOf } from '../errors.ts';
import { importFile, parquetRecords, type ParquetDecoder } from '../import-file.ts';
import { loadYours } from '../yours-store.ts';
import { toWireError, type ImportMessage, type ImportRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: ImportMessage) => scope.postMessage(m);

scope.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const req = event.data;
  void (async () => {
    try {
      post({ type: 'progress', progress: { stage: 'stored', done: 0, total: 0 } });
      // Your earlier imports, read here rather than cloned over from the page (100k rows take seconds).
      let existing: MeasurementRow[] = [];
      let problem: string | null = null;
      try {
        existing = (await loadYours()).rows;
      } catch (e) {
        problem = `your earlier imports could not be read (${messageOf(e)}): duplicates of them are not detected`;
      }
      post({ type: 'progress', progress: { stage: 'reading', done: 0, total: 0 } });
      const catalog = importCatalog(req.hardware, req.models);
      const decode: ParquetDecoder = (bytes) => {
        post({ type: 'progress', progress: { stage: 'decoding-parquet', done: 0, total: 0 } });
        return parquetRecords(bytes);
      };
      const onProgress = (done: number, total: number) =>
        post({ type: 'progress', progress: { stage: 'checking', done, total } });
      const options = { ...req.options, existing, onProgress };
      const outcome = await importFile(req.bytes, req.file, catalog, options, decode);
      if (problem && outcome.status === 'ok') outcome.notes.push(problem);
      post({ type: 'done', outcome });
    } catch (err) {
      post({ type: 'error', error: toWireError(err) });
    }
  })();
});
