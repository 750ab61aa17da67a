/** One prediction request (model × device × workload × metric) → an engine Query, with the checks the engine leaves to callers. */
import { normalizePrecision, PRECISIONS } from '../core/catalog/normalize.ts';
import type { HardwareRow, Metric, Mode, ModelRow } from '../core/catalog/schema.ts';
import type { Query } from '../core/predict/types.ts';
import { rooflineEstimate } from '../core/roofline/estimate.ts';
import { fitSummary } from '../core/roofline/memory.ts';
import { DEFAULTS, isGenerative, isSequenceModel, type Workload } from '../core/roofline/workload.ts';

/** Defaults for empty cells and absent options (documented in `predict --help`). */
export const REQUEST_DEFAULTS = {
  nDevices: 1,
  mode: 'inference' as Mode,
  precision: 'fp16',
  batch: 1,
  seqLen: DEFAULTS.seqLen,
  promptTokens: DEFAULTS.promptTokens,
  genTokens: DEFAULTS.genTokens,
  imageSize: DEFAULTS.imageSize,
  metric: 'throughput' as Metric,
};

export const MODES: readonly Mode[] = ['inference', 'training'];

/** Metrics a request may ask for (tpot_ms too, though the CSV contract lists the others). */
export const REQUEST_METRICS: readonly Metric[] = [
  'throughput',
  'latency_ms',
  'decode_tokens_s',
  'prefill_tokens_s',
  'ttft_ms',
  'tpot_ms',
  'memory_mb',
];

export interface WorkloadSpec {
  nDevices: number;
  mode: Mode;
  /** Normalized precision. */
  precision: string;
  batch: number;
  seqLen?: number | undefined;
  promptTokens?: number | undefined;
  genTokens?: number | undefined;
  imageSize?: number | undefined;
  /** KV-cache precision when it differs from the activations' (fp8 KV cache). */
  kvPrecision?: string | undefined;
}

/** Normalized precision, or an error naming the valid ones. */
export function parsePrecision(raw: string): { ok: true; precision: string } | { ok: false; error: string } {
  const p = normalizePrecision(raw);
  return p === null
    ? {
        ok: false,
        error: `unknown precision "${raw}" (use ${PRECISIONS.join(', ')} or a GGUF kind like q4_k_m)`,
      }
    : { ok: true, precision: p };
}

/** Does the model generate tokens in this mode (prefill + decode phases)? */
export const isLlmInference = (m: ModelRow, mode: Mode) => isGenerative(m) && mode === 'inference';

/**
 * The workload, with only the lengths this model uses (the engine matches references on them).
 * For LLM inference the prompt is prompt_tokens, else seq_len, else 512.
 */
export function workloadFor(model: ModelRow, s: WorkloadSpec): Workload {
  const w: Workload = { model, mode: s.mode, batch: s.batch, precision: s.precision, nDevices: s.nDevices };
  if (isLlmInference(model, s.mode)) {
    w.promptTokens = s.promptTokens ?? s.seqLen ?? REQUEST_DEFAULTS.promptTokens;
    w.genTokens = s.genTokens ?? REQUEST_DEFAULTS.genTokens;
  } else if (isSequenceModel(model)) w.seqLen = s.seqLen ?? REQUEST_DEFAULTS.seqLen;
  else w.imageSize = s.imageSize ?? model.image_size ?? REQUEST_DEFAULTS.imageSize;
  if (s.kvPrecision !== undefined && isLlmInference(model, s.mode)) w.kvPrecision = s.kvPrecision;
  return w;
}

/**
 * The workload needs more memory than the devices given hold. The roofline still answers such a workload as if
 * sharded over enough devices, so it is refused here, naming the device count needed (tensor parallel) or that
 * one replica does not fit (data parallel). Null when it fits or the roofline cannot say (the engine reports that).
 */
export function fitError(w: Workload, hw: HardwareRow): string | null {
  const est = rooflineEstimate(w, hw);
  if (!est.ok || est.fit.status !== 'needs-more') return null;
  const need = est.fit.devicesNeeded;
  const what = `on ${w.nDevices} × ${hw.name}: ${fitSummary(est.memory, { ...est.fit, devicesNeeded: w.nDevices }, hw)}`;
  return est.parallelism === 'tensor'
    ? `does not fit ${what}; needs n_devices ≥ ${need}`
    : `does not fit ${what}; one data-parallel replica would need ${need} devices`;
}

export function queryFor(model: ModelRow, w: Workload, hw: HardwareRow, metric: Metric): Query {
  return { workload: w, hw, model, metric };
}
