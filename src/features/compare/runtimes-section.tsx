import { useQuery } from '@tanstack/react-query';
import type { BrowserEngine } from '../../adapters/engine-browser.ts';
import { RUNTIME_LABELS } from '../../core/catalog/runtime.ts';
import type { ModelRow } from '../../core/catalog/schema.ts';
import type { Prediction } from '../../core/predict/types.ts';
import { sig3 } from '../../core/format.ts';
import type { RankedRow } from '../../core/select/rank.ts';
import type { Selection } from '../../core/share/selection.ts';
import { deviceRuntimesQuery, type DeviceRuntimes } from '../../queries/compare.ts';

function Value({ p }: { p: Prediction | undefined }) {
  if (!p) return <td className="num">–</td>;
  if (!p.ok) return <td className="error-text">{p.error}</td>;
  return (
    <td className="num">
      {sig3(p.value)}{' '}
      <span className="muted">
        ({sig3(p.low)}–{sig3(p.high)})
      </span>
    </td>
  );
}

/** One device: each runtime with evidence on it (rows of any model), auto's pick, and the workload under it. */
function DeviceRuntimesTable({ d }: { d: DeviceRuntimes }) {
  const predicted = new Map(d.predicted.map((r) => [r.runtime, r]));
  const unit = d.predicted
    .flatMap((r) => r.answers)
    .find((a) => a.metric === 'throughput' && a.prediction.ok)?.prediction;
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={`Runtimes on ${d.hw.name}, scrollable`}
    >
      <table className="data-table" aria-label={`Runtimes on ${d.hw.name}`}>
        <caption>{d.hw.name}</caption>
        <thead>
          <tr>
            <th scope="col">Runtime</th>
            <th scope="col">Rows of evidence on this device</th>
            <th scope="col">Throughput{unit?.ok ? ` (${unit.unit})` : ''}, 80%</th>
            <th scope="col">Latency (ms), 80%</th>
          </tr>
        </thead>
        <tbody>
          {d.evidence.map((r) => {
            const p = predicted.get(r.runtime);
            return (
              <tr key={r.runtime} data-testid="compare-runtime-row">
                <th scope="row" title={p?.point?.runtime.why}>
                  {RUNTIME_LABELS[r.runtime]}
                  {r.auto && <span className="muted"> (auto&apos;s pick)</span>}
                </th>
                <td className="num">{r.rows}</td>
                {p && !p.point ? (
                  <td colSpan={2} className="error-text">
                    {p.error}
                  </td>
                ) : (
                  <>
                    <Value p={p?.answers.find((a) => a.metric === 'throughput')?.prediction} />
                    <Value p={p?.answers.find((a) => a.metric === 'latency_ms')?.prediction} />
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The runtimes each compared device has evidence for in the snapshot, the workload predicted under each. */
export function RuntimesSection(props: {
  compareKey: string;
  engine: BrowserEngine | undefined;
  selection: Selection;
  model: ModelRow | null;
  rows: readonly RankedRow[];
}) {
  const q = useQuery(
    deviceRuntimesQuery(props.compareKey, props.engine, props.selection, props.model, props.rows),
  );
  if (props.rows.length === 0) return null;
  return (
    <section aria-labelledby="compare-runtimes-title">
      <h2 id="compare-runtimes-title">Runtimes with evidence</h2>
      <p className="muted">
        The runtimes the snapshot measured on each device (rows of any model), and the one auto picks, with
        this workload predicted under each; hover a runtime for why.
      </p>
      {q.isPending && <p className="muted">Predicting each runtime…</p>}
      {q.isError && (
        <p role="alert" className="error-text">
          {q.error.message}
        </p>
      )}
      <div className="compare-runtimes">
        {q.data?.map((d) => (
          <DeviceRuntimesTable key={d.hw.id} d={d} />
        ))}
      </div>
    </section>
  );
}
