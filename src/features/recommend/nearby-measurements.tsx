import type { MeasurementRow, Metric } from '../../core/catalog/schema.ts';
import { sig3 } from '../../core/format.ts';
import type { RankedRow } from '../../core/select/rank.ts';
import { DASH } from './format.ts';

const MAX_ROWS = 30;

/** Closeness of a measurement to the workload: same model, precision, batch and mode first. */
function distance(m: MeasurementRow, row: RankedRow): number {
  const w = row.workload;
  return (
    (m.model_id === w.model.id ? 0 : 2) +
    (m.precision === w.precision ? 0 : 1) +
    Math.abs(Math.log2((m.batch_size ?? w.batch) / w.batch)) +
    (m.mode === w.mode ? 0 : 3)
  );
}

/** Real measurements of the model's family on the top devices, beside this workload's prediction. */
export function NearbyMeasurements(props: { rows: readonly RankedRow[]; family: readonly MeasurementRow[] }) {
  const byDevice = new Map(props.rows.map((r) => [r.hardware.id, r]));
  const near = props.family
    .filter((m) => byDevice.has(m.hardware_id))
    .map((m) => ({ m, row: byDevice.get(m.hardware_id)!, d: distance(m, byDevice.get(m.hardware_id)!) }))
    .sort((a, b) => a.d - b.d || a.row.rank - b.row.rank)
    .slice(0, MAX_ROWS);
  const names = props.rows.map((r) => r.hardware.name).join(', ');
  return (
    <section aria-labelledby="nearby-title">
      <h2 id="nearby-title">Nearby real measurements</h2>
      {near.length === 0 ? (
        <p className="muted">
          The snapshot has no measurements of this model family on {names || 'the top devices'}; the
          predictions there rest on other devices and models.
        </p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Nearby measurements, scrollable">
          <table className="data-table" aria-label="Nearby measurements">
            <caption>
              Measured rows of this model family on {names}, closest to the workload first; “predicted” is
              this workload’s prediction of the same metric on that device.
            </caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Device</th>
                <th scope="col">Precision</th>
                <th scope="col">Batch</th>
                <th scope="col">Metric</th>
                <th scope="col">Measured</th>
                <th scope="col">Predicted</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {near.map(({ m, row }) => {
                const p = row.metrics[m.metric as Metric];
                return (
                  <tr key={`${m.source_file}:${m.source_row}:${m.metric}`} data-testid="nearby-row">
                    <td>{m.model_id}</td>
                    <td>{row.hardware.name}</td>
                    <td>{m.precision}</td>
                    <td className="num">{m.batch_size ?? DASH}</td>
                    <td>{m.metric}</td>
                    <td className="num">
                      {sig3(m.value)} {m.unit}
                    </td>
                    <td className="num">{p ? `${sig3(p.value)} ${p.unit}` : DASH}</td>
                    <td>
                      <code>
                        {m.source_file}:{m.source_row}
                      </code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
