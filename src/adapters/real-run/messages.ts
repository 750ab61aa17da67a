import type { LabModel } from '../../core/lab/lab-models.ts';
import type { RunBackend, RunTiming } from '../../core/lab/types.ts';

/** Page → run worker: start one run. */
export interface RunRequest {
  type: 'run';
  backend: RunBackend;
  models: LabModel[];
  budgetMs: number;
}

/** Run worker → page. `done` comes last, once, after every other message. */
export type RunMessage =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'timing'; timing: RunTiming }
  | { type: 'error'; message: string }
  | { type: 'done'; outOfTime: boolean; backend: string };
