/** A query written with catalog ids (URL, tests, UI) → an engine Query. */
import type { HardwareRow, Metric, Mode, ModelRow } from '../catalog/schema.ts';
import type { Workload } from '../roofline/workload.ts';
import type { Query } from './types.ts';

export interface QuerySpec {
  model: string;
  hardware: string;
  metric: Metric;
  mode?: Mode;
  batch?: number;
  precision?: string;
  nDevices?: number;
  seqLen?: number;
  promptTokens?: number;
  genTokens?: number;
  imageSize?: number;
  runtime?: string;
}

/** Resolve ids to catalog rows; throws naming the unknown id. */
export function queryFromSpec(
  spec: QuerySpec,
  hardware: ReadonlyMap<string, HardwareRow>,
  models: ReadonlyMap<string, ModelRow>,
): Query {
  const hw = hardware.get(spec.hardware);
  if (!hw) throw new Error(`unknown hardware id "${spec.hardware}"`);
  const model = models.get(spec.model);
  if (!model) throw new Error(`unknown model id "${spec.model}"`);
  const workload: Workload = {
    model,
    mode: spec.mode ?? 'inference',
    batch: spec.batch ?? 1,
    precision: spec.precision ?? 'fp16',
    nDevices: spec.nDevices ?? 1,
  };
  if (spec.seqLen !== undefined) workload.seqLen = spec.seqLen;
  if (spec.promptTokens !== undefined) workload.promptTokens = spec.promptTokens;
  if (spec.genTokens !== undefined) workload.genTokens = spec.genTokens;
  if (spec.imageSize !== undefined) workload.imageSize = spec.imageSize;
  return { workload, hw, model, metric: spec.metric, runtime: spec.runtime ?? null };
}
