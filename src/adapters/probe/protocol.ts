/** Messages between the lab client (page) and the lab worker. Errors cross as plain {name, message}. */
import type { BackendInit, BenchmarkResult, MeasureProgress } from '../../core/lab/types.ts';

/** The tfjs backends the lab checks, in order. */
export const TFJS_BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;

/** An error as it crosses the worker boundary. */
export interface WireError {
  name: string;
  message: string;
}

/** Page → worker. */
export type LabRequest =
  | { type: 'backends' }
  | {
      type: 'measure';
      /** Whole measure budget, ms. */
      budgetMs: number;
      /** Most one benchmark may use, ms. */
      perBenchmarkMs: number;
    };

/** Worker → page. */
export type LabMessage =
  | { type: 'backends'; backends: BackendInit[] }
  | { type: 'progress'; progress: MeasureProgress }
  | { type: 'result'; result: BenchmarkResult }
  | { type: 'done'; cancelled: boolean }
  | { type: 'error'; error: WireError };

/** Any thrown value as a WireError. */
export function toWireError(err: unknown): WireError {
  if (err && typeof err === 'object') {
    const name = 'name' in err && typeof err.name === 'string' ? err.name : 'Error';
    const message = 'message' in err && typeof err.message === 'string' ? err.message : String(err);
    return { name, message };
  }
  return { name: 'Error', message: String(err) };
}
