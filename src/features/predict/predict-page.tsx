import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Metric } from '../../core/catalog/schema.ts';
import type { QuerySpec } from '../../core/predict/spec.ts';
import { isGenerative } from '../../core/roofline/workload.ts';
import { engineQuery, predictionsQuery } from '../../queries/engine.ts';
import { PredictionTable } from './prediction-table.tsx';
import { WorkloadForm, type WorkloadInput } from './workload-form.tsx';

const LLM_METRICS: Metric[] = [
  'ttft_ms',
  'tpot_ms',
  'decode_tokens_s',
  'prefill_tokens_s',
  'latency_ms',
  'throughput',
  'memory_mb',
];
const OTHER_METRICS: Metric[] = ['latency_ms', 'throughput', 'memory_mb'];

/** Predict one workload on chosen devices: every metric with its interval, bound, layer and explanation. */
export function PredictPage() {
  const engine = useQuery(engineQuery());
  const [input, setInput] = useState<WorkloadInput>({
    model: 'llama-3.1-8b',
    hardware: ['nvidia-h100-sxm5-80gb', 'nvidia-rtx-4090'],
    mode: 'inference',
    precision: 'fp16',
    batch: 1,
    nDevices: 1,
    seqLen: 128,
    promptTokens: 512,
    genTokens: 128,
    imageSize: 224,
  });
  const model = engine.data?.snapshot.models.find((m) => m.id === input.model);
  const specs = useMemo<QuerySpec[]>(() => {
    if (!model) return [];
    const metrics = isGenerative(model) && input.mode === 'inference' ? LLM_METRICS : OTHER_METRICS;
    return input.hardware.flatMap((hardware) =>
      metrics.map((metric) => ({
        model: input.model,
        hardware,
        metric,
        mode: input.mode,
        precision: input.precision,
        batch: input.batch,
        nDevices: input.nDevices,
        seqLen: input.seqLen,
        promptTokens: input.promptTokens,
        genTokens: input.genTokens,
        imageSize: input.imageSize,
      })),
    );
  }, [input, model]);
  const predictions = useQuery({ ...predictionsQuery(specs), enabled: engine.isSuccess && specs.length > 0 });

  if (engine.isPending)
    return (
      <p className="muted" role="status">
        Loading the predictor (snapshot and tfjs model)…
      </p>
    );
  if (engine.isError)
    return (
      <div role="alert" className="panel panel-error">
        <p className="error-text">The predictor could not load: {engine.error.message}</p>
        <button type="button" onClick={() => void engine.refetch()}>
          Retry
        </button>
      </div>
    );
  const e = engine.data;
  return (
    <>
      <p className="muted" data-testid="engine-status">
        {e.model
          ? `Learned model on tfjs ${e.backend}`
          : `Roofline fallback only (${e.modelProblem ?? 'no model'})`}
        ; snapshot {e.manifest.snapshot}, loaded in {Math.round(e.loadMs)} ms.
      </p>
      <WorkloadForm
        value={input}
        onChange={setInput}
        hardware={e.snapshot.hardware}
        models={e.snapshot.models}
      />
      {!model && (
        <p role="alert" className="error-text">
          Unknown model id “{input.model}”: pick one from the list.
        </p>
      )}
      {predictions.isError && (
        <p role="alert" className="error-text">
          {predictions.error.message}
        </p>
      )}
      {predictions.data && (
        <PredictionTable specs={specs} predictions={predictions.data} hardware={e.snapshot.hardware} />
      )}
    </>
  );
}
