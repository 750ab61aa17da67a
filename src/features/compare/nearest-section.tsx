import { useMemo } from 'react';
import type { MeasurementRow, ModelRow } from '../../core/catalog/schema.ts';
import { nearestByDevice } from '../../core/compare/nearest.ts';
import type { CompareEntry } from '../../core/compare/table.ts';
import { sig3 } from '../../core/format.ts';
import type { Selection } from '../../core/share/selection.ts';

const PER_DEVICE = 5;

/** The real measurements nearest this workload on each compared device, from the snapshot. */
export function NearestSection(props: {
  entries: readonly CompareEntry[];
  measurements: readonly MeasurementRow[];
  models: readonly ModelRow[];
  model: ModelRow;
  selection: Selection;
}) {
  const { entries, measurements, models, model, selection } = props;
  const near = useMemo(() => {
    const precisions = new Map(
      entries.map((e) => [
        e.hardware.id,
        e.row?.precision ?? (selection.precision === 'best' ? '' : selection.precision),
      ]),
    );
    return nearestByDevice(
      measurements,
      entries.map((e) => e.hardware.id),
      { model, mode: selection.mode, batch: selection.batch, precisions },
      new Map(models.map((m) => [m.id, m])),
      PER_DEVICE,
    );
  }, [entries, measurements, models, model, selection.mode, selection.batch, selection.precision]);
  return (
    <section aria-labelledby="compare-nearest-title">
      <h2 id="compare-nearest-title">Nearest real measurements</h2>
      <p className="muted">
        Measured rows on each device closest to this workload: the same model first, then models of similar
        size, the same precision, batch size and mode.
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Nearest measurements, scrollable">
        <table className="data-table" aria-label="Nearest measurements">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Model</th>
              <th scope="col">Mode</th>
              <th scope="col">Precision</th>
              <th scope="col">Batch</th>
              <th scope="col">Metric</th>
              <th scope="col">Measured</th>
              <th scope="col">Runtime</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const list = near.get(e.hardware.id) ?? [];
              if (list.length === 0)
                return (
                  <tr key={e.hardware.id} data-testid="nearest-row">
                    <th scope="row">{e.hardware.name}</th>
                    <td colSpan={8} className="muted">
                      no measurements of any model on this device in the snapshot
                    </td>
                  </tr>
                );
              return list.map(({ m }) => (
                <tr key={`${m.source_file}:${m.source_row}:${m.metric}`} data-testid="nearest-row">
                  <th scope="row">{e.hardware.name}</th>
                  <td>{m.model_id}</td>
                  <td>{m.mode}</td>
                  <td>{m.precision}</td>
                  <td className="num">{m.batch_size ?? '–'}</td>
                  <td>{m.metric}</td>
                  <td className="num">
                    {sig3(m.value)} {m.unit}
                  </td>
                  <td>{m.runtime ?? m.runtime_class}</td>
                  <td>
                    <code>
                      {m.source_file}:{m.source_row}
                    </code>
                  </td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
