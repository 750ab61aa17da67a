import type { HardwareRow } from '../../core/catalog/schema.ts';
import type { QuerySpec } from '../../core/predict/spec.ts';
import type { Prediction } from '../../core/predict/types.ts';

const fmt = (v: number) =>
  v >= 1000
    ? Math.round(v).toLocaleString('en-US')
    : v >= 10
      ? v.toFixed(1)
      : v >= 0.1
        ? v.toFixed(2)
        : v.toPrecision(2);

/** One row per device × metric: the prediction, its 80% interval, the bound, the layer and why. */
export function PredictionTable(props: {
  specs: readonly QuerySpec[];
  predictions: readonly Prediction[];
  hardware: readonly HardwareRow[];
}) {
  const names = new Map(props.hardware.map((h) => [h.id, h.name]));
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Predictions">
        <thead>
          <tr>
            <th scope="col">Hardware</th>
            <th scope="col">Metric</th>
            <th scope="col">Predicted</th>
            <th scope="col">80% interval</th>
            <th scope="col">Unit</th>
            <th scope="col">Bound</th>
            <th scope="col">Layer</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {props.predictions.map((p, i) => {
            const spec = props.specs[i]!;
            return (
              <tr key={`${spec.hardware}-${spec.metric}`} data-testid="prediction">
                <td>{names.get(spec.hardware) ?? spec.hardware}</td>
                <td>{spec.metric}</td>
                {p.ok ? (
                  <>
                    <td className="num">{fmt(p.value)}</td>
                    <td className="num">
                      {fmt(p.low)} – {fmt(p.high)}
                    </td>
                    <td>{p.unit}</td>
                    <td>{p.bound ?? '–'}</td>
                    <td>{p.layer}</td>
                    <td>{p.explanation}</td>
                  </>
                ) : (
                  <td colSpan={6} className="error-text">
                    {p.error}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
