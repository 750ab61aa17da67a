/**
 * Predicted vs measured for the lab's real run, and the lab report (JSON the user copies or downloads).
 */
import type { HardwareRow } from '../catalog/schema.ts';
import type { Prediction, Query } from '../predict/types.ts';
import { labModel, labModelRow } from './lab-models.ts';
import { BROWSER_DEVICE_IDS, deviceBackend, type BrowserProfile } from './profile.ts';
import type { MeasureReport, ProbeReport, RunBackend, RunReport, RunTiming } from './types.ts';

/** The engine query that predicts one timed run (latency per batch, fp32, one device). */
export function runQuery(t: RunTiming, devices: readonly HardwareRow[]): Query | null {
  const lab = labModel(t.modelId);
  const hw = devices.find((d) => d.id === BROWSER_DEVICE_IDS[deviceBackend(t.backend)]);
  if (!lab || !hw) return null;
  const model = labModelRow(lab);
  const c = lab.config;
  return {
    workload: {
      model,
      mode: 'inference',
      batch: t.batch,
      precision: 'fp32',
      nDevices: 1,
      ...(c.kind === 'cnn' ? { imageSize: c.image } : { seqLen: c.seq }),
    },
    hw,
    model,
    metric: 'latency_ms',
    runtime: `tfjs-${t.backend}`,
  };
}

export interface RunComparison {
  modelId: string;
  backend: RunBackend;
  batch: number;
  measuredMs: number;
  predictedMs: number | null;
  low: number | null;
  high: number | null;
  /** (predicted − measured) / measured, percent; null without a prediction. */
  errorPct: number | null;
  inInterval: boolean | null;
  /** The roofline's lower bound on latency for this device (its measured peaks), ms. */
  boundMs: number | null;
  /** The bound taken as the prediction: (bound − measured) / measured, percent. */
  boundErrorPct: number | null;
  layer: string | null;
  /** Calibrated on this browser's other lab timings of the same op class (the timing itself left out). */
  calibratedMs: number | null;
  calibratedErrorPct: number | null;
  /** Why there is no prediction. */
  problem: string | null;
}

export function compareRun(
  run: RunReport,
  predictions: readonly (Prediction | null)[],
  calibrated: readonly (number | null)[] = [],
): RunComparison[] {
  return run.timings.map((t, i) => {
    const p = predictions[i] ?? null;
    const cal = calibrated[i] ?? null;
    const base = {
      modelId: t.modelId,
      backend: t.backend,
      batch: t.batch,
      measuredMs: t.medianMs,
      calibratedMs: cal,
      calibratedErrorPct: cal !== null ? ((cal - t.medianMs) / t.medianMs) * 100 : null,
    };
    if (!p || !p.ok)
      return {
        ...base,
        predictedMs: null,
        low: null,
        high: null,
        errorPct: null,
        inInterval: null,
        boundMs: null,
        boundErrorPct: null,
        layer: null,
        problem: p && !p.ok ? p.error : 'no measured profile for this backend',
      };
    return {
      ...base,
      predictedMs: p.value,
      low: p.low,
      high: p.high,
      errorPct: ((p.value - t.medianMs) / t.medianMs) * 100,
      inInterval: t.medianMs >= p.low && t.medianMs <= p.high,
      boundMs: p.boundValue,
      boundErrorPct: p.boundValue !== null ? ((p.boundValue - t.medianMs) / t.medianMs) * 100 : null,
      layer: p.layer,
      problem: null,
    };
  });
}

/** Median absolute percentage error of the engine (or of the bound alone), or null when none was predicted. */
export function medianAbsError(
  rows: readonly RunComparison[],
  of: 'errorPct' | 'boundErrorPct' | 'calibratedErrorPct' = 'errorPct',
): number | null {
  const e = rows
    .map((r) => r[of])
    .filter((x): x is number => x !== null)
    .map(Math.abs)
    .sort((a, b) => a - b);
  if (e.length === 0) return null;
  const mid = e.length >> 1;
  return e.length % 2 ? e[mid]! : (e[mid - 1]! + e[mid]!) / 2;
}

export interface LabReport {
  kind: 'rooflight-lab-report';
  version: 1;
  generated: string;
  /** The app's data snapshot and model version the predictions came from. */
  app: { snapshot: string | null; model: string | null };
  probe: ProbeReport | null;
  measure: MeasureReport | null;
  profile: BrowserProfile | null;
  devices: HardwareRow[];
  run: RunReport | null;
  comparison: RunComparison[];
  /** A link that carries the profile, so a colleague sees the same predictions. */
  link: string | null;
}

export function labReport(parts: Omit<LabReport, 'kind' | 'version'>): LabReport {
  return { kind: 'rooflight-lab-report', version: 1, ...parts };
}
