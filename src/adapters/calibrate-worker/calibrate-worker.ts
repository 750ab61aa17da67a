/**
 * The calibration worker: loads tfjs (wasm backend), the shipped model and the snapshot the way the page's
 * engine does (engine-browser.ts), reads your visible rows from IndexedDB, runs the cross-validated
 * calibration (calibrate-run.ts) posting its progress, and posts the report with the calibrated model's
 * files. It runs off the page's thread (minutes of fine-tuning never freeze the page), and Cancel is the
 * page terminating it: nothing is stored until the page receives `done`.
 */
import { visibleRows } from '../../core/import/batches.ts';
import { runCalibration } from '../calibrate-run.ts';
import { loadEngineBrowser } from '../engine-browser.ts';
import { toArrayBuffer } from '../bytes.ts';
import { loadYours } from '../yours-store.ts';
import { toWireError, type CalibrateMessage, type CalibrateRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: CalibrateMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.addEventListener('message', (event: MessageEvent<CalibrateRequest>) => {
  const req = event.data;
  void (async () => {
    try {
      post({ type: 'progress', progress: { stage: 'loading', fraction: 0 } });
      const [base, stored, tf] = await Promise.all([
        loadEngineBrowser(),
        loadYours(),
        import('@tensorflow/tfjs'),
      ]);
      if (!base.model)
        throw new Error(`the learned model is not available here (${base.modelProblem ?? 'unknown'})`);
      const result = await runCalibration({
        tf,
        snapshot: base.snapshot,
        manifest: base.manifest,
        shipped: base.model,
        rows: visibleRows(stored.batches, stored.rows),
        ...(req.settings ? { settings: req.settings } : {}),
        onProgress: (progress) => post({ type: 'progress', progress }),
      });
      const model = result.model && {
        modelJson: result.model.modelJson,
        weights: toArrayBuffer(result.model.weights),
      };
      post({ type: 'done', report: result.report, model }, model ? [model.weights] : []);
    } catch (err) {
      post({ type: 'error', error: toWireError(err) });
    }
  })();
});
