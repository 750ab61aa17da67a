import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { WorkloadFields } from '../../components/workload-fields.tsx';
import { modelVersion, rankingHardware, resolveSelectionModel } from '../../core/select/rank-selection.ts';
import { DEFAULT_SELECTION } from '../../core/share/selection.ts';
import { engineWithYoursQuery } from '../../queries/yours.ts';
import { useAppStore } from '../../state/store.ts';
import { CompareDevicesLink } from './compare-devices-link.tsx';
import { HardwareField } from './hardware-field.tsx';
import { PredictionTable } from './prediction-table.tsx';
import { RuntimeComparison } from './runtime-comparison.tsx';
import { useDevicePredictions } from './use-device-predictions.ts';
import './predict.css';

/** The devices predicted on while the selection names none. */
export const DEFAULT_PREDICT_HARDWARE: readonly string[] = ['nvidia-h100-sxm5-80gb', 'nvidia-rtx-4090'];

/**
 * Predict the selection's workload on chosen devices: every metric with its interval, bound, layer and
 * explanation, at the operating point of the runtime and scenario; and the workload under each runtime. The
 * workload and the devices are the selection's (shared with Recommend and Compare), so all of it is in the URL.
 */
export function PredictPage() {
  const engine = useQuery(engineWithYoursQuery());
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const setRunningVersions = useAppStore((s) => s.setRunningVersions);
  const e = engine.data;
  const models = useMemo(() => new Map((e?.snapshot.models ?? []).map((m) => [m.id, m])), [e]);
  const catalog = useMemo(
    () => new Map(rankingHardware(selection, e?.snapshot.hardware ?? []).map((h) => [h.id, h])),
    [selection, e],
  );
  const resolved = e ? resolveSelectionModel(selection, models) : null;
  const model = resolved?.model ?? null;
  const ids = selection.hardware.length > 0 ? selection.hardware : DEFAULT_PREDICT_HARDWARE;
  const devices = ids.flatMap((id) => catalog.get(id) ?? []);
  const effective = resolved?.effective ?? selection;
  const predictions = useDevicePredictions(e, effective, model, devices);

  const manifest = e?.manifest;
  const calibrated = e?.calibration?.version ?? null;
  useEffect(() => {
    if (manifest)
      setRunningVersions({ snapshot: manifest.snapshot, model: calibrated ?? modelVersion(manifest) });
  }, [manifest, calibrated, setRunningVersions]);

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
  const loaded = engine.data;
  return (
    <>
      <p className="muted" data-testid="engine-status">
        {loaded.model
          ? `Learned model on tfjs ${loaded.backend}: ${loaded.calibration?.label ?? 'the shipped model'}`
          : `Roofline fallback only (${loaded.modelProblem ?? 'no model'})`}
        ; snapshot {loaded.manifest.snapshot}, loaded in {Math.round(loaded.loadMs)} ms
        {loaded.yours.rows > 0 &&
          `; ${loaded.yours.rows} of your imported rows are evidence (${loaded.yours.references} as measured references)`}
        .
      </p>
      {loaded.calibrationProblem && (
        <p className="notice panel" role="status">
          Predicting with the shipped model: {loaded.calibrationProblem}
        </p>
      )}
      {loaded.yoursProblem && (
        <p className="notice panel" role="status">
          Predicting without your imported data: {loaded.yoursProblem}
        </p>
      )}
      <form className="predict-setup" aria-label="Workload" onSubmit={(ev) => ev.preventDefault()}>
        <WorkloadFields
          selection={selection}
          model={model}
          models={loaded.snapshot.models}
          set={setSelection}
        />
        <HardwareField
          ids={selection.hardware}
          defaults={DEFAULT_PREDICT_HARDWARE}
          catalog={catalog}
          onChange={(hardware) => setSelection({ hardware })}
        />
      </form>
      <CompareDevicesLink ids={devices.map((d) => d.id)} />
      {selection.scenario === 'offline' && (
        <p className="muted">Offline: each device at the batch and replicas × TP layout predicted fastest.</p>
      )}
      {resolved?.unknownModel && (
        <p className="panel notice" role="status" data-testid="unknown-model">
          The link names a model this catalog does not have (“{resolved.unknownModel}”); predicting for{' '}
          {DEFAULT_SELECTION.model} instead. Pick a model to replace it.
        </p>
      )}
      {resolved?.modelError && (
        <p role="alert" className="error-text">
          The custom model cannot be predicted: {resolved.modelError}
        </p>
      )}
      {devices.length === 0 && (
        <p role="status" className="muted">
          None of the chosen devices is in this catalog: add one to predict on it.
        </p>
      )}
      {predictions.isError && (
        <p role="alert" className="error-text">
          {predictions.error.message}
        </p>
      )}
      {predictions.data && <PredictionTable devices={predictions.data} />}
      {model && devices.length > 0 && (
        <RuntimeComparison engine={loaded} selection={effective} model={model} devices={devices} />
      )}
    </>
  );
}
