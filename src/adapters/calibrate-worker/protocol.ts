/** Messages between the page and the calibration worker. Errors cross as plain {name, message}. */
import type { CalibrationReport, CalibrationSettings } from '../../core/calibrate/report.ts';
import type { CalibrationProgress } from '../calibrate-run.ts';

/** Page → worker: calibrate on your visible rows (the worker reads them from IndexedDB itself). */
export interface CalibrateRequest {
  type: 'calibrate';
  settings?: Partial<CalibrationSettings>;
}

/** Loading tfjs, the shipped model, the snapshot and your rows; then the run's own progress. */
export type CalibrateProgress = { stage: 'loading'; fraction: 0 } | CalibrationProgress;

/** A calibrated model as it crosses the boundary: model.json text and the weights' bytes (transferred). */
export interface WireModel {
  modelJson: string;
  weights: ArrayBuffer;
}

/** An error as it crosses the worker boundary. */
export interface WireError {
  name: string;
  message: string;
}

/** Worker → page. */
export type CalibrateMessage =
  | { type: 'progress'; progress: CalibrateProgress }
  | { type: 'done'; report: CalibrationReport; model: WireModel | null }
  | { type: 'error'; error: WireError };

/** Any thrown value as a WireError. */
export function toWireError(err: unknown): WireError {
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}
