import { useQuery } from '@tanstack/react-query';
import type { AccuracyFilters, HoldoutPoint } from '../../core/sql/accuracy.ts';
import { largestErrorsQuery } from '../../queries/accuracy.ts';
import { num as value, pct } from '../../core/format.ts';

/** The rows the engine missed most, each one a button to its detail (the chart's points, by keyboard). */
export function LargestErrors({
  filters,
  onSelect,
}: {
  filters: AccuracyFilters;
  onSelect: (p: HoldoutPoint) => void;
}) {
  const q = useQuery(largestErrorsQuery(filters));
  if (q.error)
    return (
      <p role="alert" className="error-text">
        {q.error.message}
      </p>
    );
  if (!q.data || q.data.length === 0) return null;
  return (
    <details className="acc-largest">
      <summary>Largest errors ({q.data.length})</summary>
      <ol>
        {q.data.map((p) => (
          <li key={`${p.source_file}:${p.source_row}:${p.metric}:${p.hardware_id}:${p.fold}`}>
            <button type="button" className="link-button" onClick={() => onSelect(p)}>
              {p.hardware_name ?? p.hardware_id} · {p.model_name ?? p.model_id} · {p.metric}
            </button>{' '}
            <span className="muted">
              measured {value(p.truth)}, predicted {value(p.predicted)} ({pct(p.ape)} off)
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
