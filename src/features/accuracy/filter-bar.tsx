import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { AccuracyRowFilterKey, AccuracyFilters } from '../../core/sql/accuracy.ts';
import { accuracyOptionsQuery } from '../../queries/accuracy.ts';
import { count } from '../../core/format.ts';

const LABELS: Record<AccuracyRowFilterKey, string> = {
  source: 'Source',
  metric: 'Metric',
  runtime: 'Runtime',
  kind: 'Device kind',
  evidence: 'Evidence',
};

/** Evidence levels are a tree (`transfer` › `transfer:runtime` › `transfer:runtime:near`): indent by depth. */
const indent = (field: AccuracyRowFilterKey, label: string) =>
  field === 'evidence' ? `${'\u00a0\u00a0'.repeat(label.split(':').length - 1)}${label}` : label;

function FilterSelect({
  field,
  value,
  set,
  onChange,
}: {
  field: AccuracyRowFilterKey;
  value: string;
  set: string | undefined;
  onChange: (key: AccuracyRowFilterKey, value: string) => void;
}) {
  const id = useId();
  const options = useQuery(accuracyOptionsQuery(field, set)).data ?? [];
  // A value from a link that the data does not have still shows (and matches no rows).
  const missing = value !== '' && options.length > 0 && !options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{LABELS[field]}</label>
      <select id={id} name={`acc_${field}`} value={value} onChange={(e) => onChange(field, e.target.value)}>
        <option value="">Any</option>
        {missing && <option value={value}>{value} (not in the data)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {indent(field, o.label)} ({count(o.n)})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Source, metric, runtime, device kind and evidence level; the link keeps them. */
export function AccuracyFilterBar({
  filters,
  onChange,
  onClear,
}: {
  filters: AccuracyFilters;
  onChange: (key: AccuracyRowFilterKey, value: string) => void;
  onClear: () => void;
}) {
  const keys = Object.keys(LABELS) as AccuracyRowFilterKey[];
  return (
    <form className="filters" role="search" aria-label="Filter rows" onSubmit={(e) => e.preventDefault()}>
      {keys.map((k) => (
        <FilterSelect key={k} field={k} value={filters[k] ?? ''} set={filters.set} onChange={onChange} />
      ))}
      <button type="button" className="secondary" onClick={onClear}>
        Clear filters
      </button>
    </form>
  );
}
