import { useId } from 'react';
import { SearchField } from '../../components/search-field.tsx';
import type { FilterField } from '../../core/sql/lookups.ts';
import type { FilterKey } from '../../state/explore-slice.ts';
import { useAppStore } from '../../state/store.ts';
import { useFilterOptions } from './use-filter-options.ts';

function FilterSelect({
  field,
  filterKey,
  label,
}: {
  field: FilterField;
  filterKey: FilterKey;
  label: string;
}) {
  const id = useId();
  const options = useFilterOptions(field);
  const value = useAppStore((s) => s.selection.data.filters[filterKey] ?? '');
  const setFilter = useAppStore((s) => s.setFilter);
  // A value from a link that the data does not have still shows (and matches no rows).
  const missing = value !== '' && options.length > 0 && !options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => setFilter(filterKey, e.target.value)}>
        <option value="">Any</option>
        {missing && <option value={value}>{value} (not in the data)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.n})
          </option>
        ))}
      </select>
    </div>
  );
}

/** The Data page's filters: hardware, model search, source, metric, precision. */
export function FilterBar() {
  const search = useAppStore((s) => s.selection.data.filters.modelSearch ?? '');
  const setFilter = useAppStore((s) => s.setFilter);
  const clearFilters = useAppStore((s) => s.clearFilters);
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter measurements"
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterSelect field="hardware" filterKey="hardwareId" label="Hardware" />
      <SearchField
        label="Model"
        placeholder="e.g. llama"
        value={search}
        onCommit={(v) => setFilter('modelSearch', v)}
      />
      <FilterSelect field="source" filterKey="sourceId" label="Source" />
      <FilterSelect field="metric" filterKey="metric" label="Metric" />
      <FilterSelect field="precision" filterKey="precision" label="Precision" />
      <button type="button" className="secondary" onClick={clearFilters}>
        Clear filters
      </button>
    </form>
  );
}
