import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { rooflineEngineQuery } from '../../queries/engine.ts';
import { yoursQuery } from '../../queries/yours.ts';
import { AccuracyPanel } from './accuracy-panel.tsx';
import { BatchesPanel } from './batches-panel.tsx';
import { CalibratePanel } from './calibrate-panel.tsx';
import { ImportPanel } from './import-panel.tsx';
import './yours.css';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * Your own benchmark results: import files (in a worker; mapped, fixed and checked row by row), keep them as
 * batches in this browser, and see how well the predictions match them. Visible batches become evidence
 * for the engines and rows on the Data page.
 */
export function YoursPage() {
  const engine = useQuery(rooflineEngineQuery());
  const stored = useQuery(yoursQuery());
  const snapshot = engine.data?.snapshot;
  const catalog = useMemo(
    () =>
      snapshot && {
        hardware: [...snapshot.hardware].sort(byName),
        models: [...snapshot.models].sort(byName),
      },
    [snapshot],
  );
  return (
    <>
      <p className="lead">
        Bring your own measurements: llama-bench, timm, vLLM, TensorRT-LLM, MLPerf or any table. Every row is
        checked (names, units, plausible values, the roofline bound, duplicates); the rows you keep stay in
        this browser and join the evidence behind every prediction.
      </p>
      {engine.isError && (
        <div role="alert" className="panel panel-error">
          <p className="error-text">
            The catalog could not load, so files cannot be checked: {engine.error.message}
          </p>
          <button type="button" onClick={() => void engine.refetch()}>
            Retry
          </button>
        </div>
      )}
      {engine.isPending && (
        <p className="muted" role="status">
          Loading the catalog of devices and models…
        </p>
      )}
      {catalog && <ImportPanel catalog={catalog} />}
      <BatchesPanel />
      <AccuracyPanel rows={(stored.data ?? []).reduce((n, b) => n + b.rows, 0)} />
      <CalibratePanel batches={stored.data ?? []} />
    </>
  );
}
