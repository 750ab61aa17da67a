import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CalibrateProgress } from '../../adapters/calibrate-worker/protocol.ts';
import { calibrationChanged, calibrationQuery } from '../../queries/calibration.ts';

const store = () => import('../../adapters/calibrated-model-store.ts');

/**
 * Calibration on your visible rows: run it in a worker (progress, Cancel), store a completed run, flip the
 * switch, delete. Cancel terminates the worker before anything is stored, so what was stored stays.
 */
export function useCalibration() {
  const client = useQueryClient();
  const stored = useQuery(calibrationQuery());
  const [progress, setProgress] = useState<CalibrateProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  // Leaving the page stops a run (its worker would otherwise go on without anyone to store the result).
  useEffect(() => () => abort.current?.abort(), []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      await calibrationChanged(client);
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setMessage(null);
    setProgress({ stage: 'loading', fraction: 0 });
    try {
      const { calibrateInWorker } = await import('../../adapters/calibrate-worker/client.ts');
      const outcome = await calibrateInWorker({}, { onProgress: setProgress, signal: controller.signal });
      if (outcome.status !== 'done') {
        setMessage({ text: outcome.message, error: outcome.status === 'error' });
        return;
      }
      await act(async () => (await store()).saveCalibration(outcome.report, outcome.model));
    } finally {
      if (abort.current === controller) abort.current = null;
      setRunning(false);
      setProgress(null);
    }
  };

  return {
    stored,
    running,
    progress,
    busy,
    message,
    start: () => void start(),
    cancel: () => abort.current?.abort(),
    setUse: (use: boolean) => act(async () => void (await (await store()).setUseCalibrated(use))),
    remove: () => act(async () => (await store()).deleteCalibration()),
  };
}
