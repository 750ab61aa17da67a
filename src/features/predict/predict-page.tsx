import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OperatingFields } from '../../components/operating-fields.tsx';
import type { Metric } from '../../core/catalog/schema.ts';
import { isGenerative } from '../../core/roofline/workload.ts';
import { engineQuery } from '../../queries/engine.ts';
import { useAppStore } from '../../state/store.ts';
import { PredictionTable } from './prediction-table.tsx';
import { RuntimeComparison } from './runtime-comparison.tsx';
import { useDevicePredictions } from './use-device-predictions.ts';
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

/**
 * Predict one workload on chosen devices: every metric with its interval, bound, layer and explanation, at
 * the operating point of the runtime and scenario (both in the URL); and the workload under each runtime.
 */
export function PredictPage() {
  const engine = useQuery(engineQuery());
  const runtime = useAppStore((s) => s.selection.runtime);
  const scenario = useAppStore((s) => s.selection.scenario);
  const setSelection = useAppStore((s) => s.setSelection);
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
  const metrics = !model
    ? []
    : isGenerative(model) && input.mode === 'inference'
      ? LLM_METRICS
      : OTHER_METRICS;
  const predictions = useDevicePredictions(engine.data, input, metrics, { runtime, scenario });

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
      <form className="filters" aria-label="Operating point" onSubmit={(ev) => ev.preventDefault()}>
        <OperatingFields
          runtime={runtime}
          scenario={scenario}
          onRuntime={(r) => setSelection({ runtime: r })}
          onScenario={(sc) => setSelection({ scenario: sc })}
        />
      </form>
      {scenario === 'offline' && (
        <p className="muted">Offline: each device at the batch and replicas × TP layout predicted fastest.</p>
      )}
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
      {predictions.data && <PredictionTable devices={predictions.data} />}
      {model && <RuntimeComparison engine={e} input={input} scenario={scenario} />}
    </>
  );
}
