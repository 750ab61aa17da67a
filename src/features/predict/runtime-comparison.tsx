import { useState } from 'react';
import type { BrowserEngine } from '../../adapters/engine-browser.ts';
import { RUNTIME_LABELS } from '../../core/catalog/runtime.ts';
import type { HardwareRow, ModelRow } from '../../core/catalog/schema.ts';
import type { Prediction } from '../../core/predict/types.ts';
import type { Selection } from '../../core/share/selection.ts';
import type { RuntimeRow } from '../../queries/operating-points.ts';
import { num as fmt } from '../../core/format.ts';
import { useRuntimeComparison } from './use-device-predictions.ts';

function Value({ answers, metric }: { answers: RuntimeRow['answers']; metric: string }) {
  const p: Prediction | undefined = answers.find((a) => a.metric === metric)?.prediction;
  if (!p) return <td className="num">–</td>;
  if (!p.ok) return <td className="error-text">{p.error}</td>;
  return (
    <td className="num">
      {fmt(p.value)}{' '}
      <span className="muted">
        ({fmt(p.low)} – {fmt(p.high)})
      </span>
    </td>
  );
}

/** One device: the workload under each runtime measured on it, and auto's pick. */
function DeviceComparison({ name, rows }: { name: string; rows: RuntimeRow[] }) {
  const unit = rows.find((r) => r.answers[0]?.prediction.ok)?.answers[0]?.prediction;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`Runtimes on ${name}, scrollable`}>
      <table className="data-table" aria-label={`Runtimes on ${name}`}>
        <caption>{name}</caption>
        <thead>
          <tr>
            <th scope="col">Runtime</th>
            <th scope="col">Rows of evidence on this device</th>
            <th scope="col">Batch · layout</th>
            <th scope="col">Throughput{unit?.ok ? ` (${unit.unit})` : ''}, 80%</th>
            <th scope="col">Latency (ms), 80%</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.runtime} data-testid="runtime-row">
              <th scope="row" title={r.point?.runtime.why}>
                {RUNTIME_LABELS[r.runtime]}
                {r.auto && <span className="muted"> (auto&apos;s pick)</span>}
              </th>
              <td className="num">{r.evidenceRows}</td>
              {r.point ? (
                <>
                  <td>
                    batch {r.point.batch} · {r.point.layout}
                  </td>
                  <Value answers={r.answers} metric="throughput" />
                  <Value answers={r.answers} metric="latency_ms" />
                </>
              ) : (
                <td colSpan={3} className="error-text">
                  {r.error}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Compare runtimes": for each chosen device, the same workload under each runtime with evidence there. */
export function RuntimeComparison(props: {
  engine: BrowserEngine | undefined;
  selection: Selection;
  model: ModelRow;
  devices: readonly HardwareRow[];
}) {
  const [open, setOpen] = useState(false);
  const q = useRuntimeComparison(props.engine, props.selection, props.model, props.devices, open);
  return (
    <section aria-labelledby="compare-runtimes" className="runtime-comparison">
      <h2 id="compare-runtimes">Compare runtimes</h2>
      <p>
        <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the runtime comparison' : 'Compare runtimes'}
        </button>
      </p>
      {open && (
        <>
          <p className="muted">
            The same workload ({props.selection.scenario}) under each runtime measured on the device (rows of
            any model) and the one auto picks; hover a runtime for why.
          </p>
          {q.isPending && <p className="muted">Predicting…</p>}
          {q.isError && (
            <p role="alert" className="error-text">
              {q.error.message}
            </p>
          )}
          {q.data?.map((d) => (
            <DeviceComparison key={d.hw.id} name={d.hw.name} rows={d.rows} />
          ))}
        </>
      )}
    </section>
  );
}
