import { EvidenceAccuracyLink } from '../../components/evidence-accuracy-note.tsx';
import { RUNTIME_LABELS } from '../../core/catalog/runtime.ts';
import type { DeviceAnswer } from '../../queries/operating-points.ts';
import { num as fmt } from '../../core/format.ts';

/** A device's rows: one per metric at its operating point, or one row saying why there is none. */
function DeviceRows({ d }: { d: DeviceAnswer }) {
  const point = d.point;
  if (!point)
    return (
      <tr data-testid="prediction">
        <td>{d.hw.name}</td>
        <td colSpan={11} className="error-text">
          {d.error}
        </td>
      </tr>
    );
  return d.answers.map(({ metric, prediction: p }) => (
    <tr key={metric} data-testid="prediction">
      <td>{d.hw.name}</td>
      <td title={point.runtime.why}>{RUNTIME_LABELS[point.runtime.runtime]}</td>
      <td className="num">{point.batch}</td>
      <td>{point.layout}</td>
      <td>{metric}</td>
      {p.ok ? (
        <>
          <td className="num">{fmt(p.value)}</td>
          <td className="num">
            {fmt(p.low)} – {fmt(p.high)}
          </td>
          <td>{p.unit}</td>
          <td>{p.bound ?? '–'}</td>
          <td>{p.layer}</td>
          <td className="num">
            <EvidenceAccuracyLink evidence={p.evidence ?? p.layer} />
          </td>
          <td>{p.explanation}</td>
        </>
      ) : (
        <td colSpan={7} className="error-text">
          {p.error}
        </td>
      )}
    </tr>
  ));
}

/**
 * One row per device × metric: the prediction, its 80% interval, the bound, the layer, the held-out median
 * error of predictions like it (a link to them on the Accuracy page) and why, with the runtime (why on
 * hover), batch and layout it assumes.
 */
export function PredictionTable({ devices }: { devices: readonly DeviceAnswer[] }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Predictions, scrollable">
      <table className="data-table" aria-label="Predictions">
        <thead>
          <tr>
            <th scope="col">Hardware</th>
            <th scope="col">Runtime</th>
            <th scope="col">Batch</th>
            <th scope="col">Layout</th>
            <th scope="col">Metric</th>
            <th scope="col">Predicted</th>
            <th scope="col">80% interval</th>
            <th scope="col">Unit</th>
            <th scope="col">Bound</th>
            <th scope="col">Layer</th>
            <th scope="col" title="Median error of predictions like this one on devices the engine never saw">
              Error on unseen devices
            </th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <DeviceRows key={d.hw.id} d={d} />
          ))}
        </tbody>
      </table>
      <MeasureCommands devices={devices} />
    </div>
  );
}

/** The command that measures each device's numbers on real hardware, so a user can check them. */
function MeasureCommands({ devices }: { devices: readonly DeviceAnswer[] }) {
  const rows = devices.filter((d) => d.point?.measure);
  if (rows.length === 0) return null;
  return (
    <div className="measure-commands" data-testid="measure-commands">
      <p>Check these numbers on the hardware itself:</p>
      <ul>
        {rows.map((d) => (
          <li key={d.hw.id}>
            {d.hw.name}: <code>{d.point!.measure}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
