/**
 * The context-length curve's x axis: prompt tokens for LLM generation, the sequence length for other
 * sequence models, the image size for vision models — powers of two within what the model takes.
 */
import type { Mode } from '../catalog/schema.ts';
import { lengthKind } from '../select/selection-request.ts';
import type { ModelArch, Workload } from '../roofline/workload.ts';

export interface LengthSweep {
  /** The workload field the sweep sets. */
  field: 'promptTokens' | 'seqLen' | 'imageSize';
  /** Axis and CSV name, e.g. "prompt tokens". */
  name: string;
  /** Axis label. */
  label: string;
  values: number[];
}

const TOKENS = [128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072];
const SEQ = [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768];
const IMAGES = [64, 128, 224, 256, 384, 512, 768, 1024];

/** The lengths to sweep for a model and mode (token sweeps stop at the model's max_seq when it has one). */
export function lengthSweep(model: ModelArch, mode: Mode): LengthSweep {
  const kind = lengthKind(model, mode);
  const max = model.max_seq && model.max_seq > 0 ? model.max_seq : Infinity;
  if (kind === 'llm')
    return {
      field: 'promptTokens',
      name: 'prompt tokens',
      label: 'Context: prompt tokens (log scale)',
      values: TOKENS.filter((t) => t <= max),
    };
  if (kind === 'seq')
    return {
      field: 'seqLen',
      name: 'sequence length',
      label: 'Sequence length (tokens, log scale)',
      values: SEQ.filter((t) => t <= max),
    };
  return { field: 'imageSize', name: 'image size', label: 'Image size (px, log scale)', values: IMAGES };
}

/** The workload at one point of the sweep. */
export const atLength = (w: Workload, sweep: Pick<LengthSweep, 'field'>, v: number): Workload => ({
  ...w,
  [sweep.field]: v,
});
