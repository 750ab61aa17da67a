import { useId, useState } from 'react';
import { METRICS } from '../../core/catalog/schema.ts';
import { mappingProblem } from '../../core/import/mapping.ts';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type ColumnTarget,
  type NeedsMapping,
} from '../../core/import/types.ts';
import { DefaultsFields } from './defaults-fields.tsx';
import type { Catalog, ImportSettings } from './use-import.ts';

const TARGETS: { value: ColumnTarget; label: string }[] = [
  { value: 'ignore', label: 'ignore this column' },
  ...IMPORT_FIELDS.map((f) => ({ value: f, label: f })),
  ...METRICS.map((m) => ({ value: `metric:${m}` as const, label: `metric:${m} (a ${m} value per row)` })),
];

/** Fields a mapped table most often lacks: give one value for every row instead of a column. */
const MAPPING_DEFAULTS = ['hardware', 'model', 'precision', 'metric'] as const;

function ColumnRow(props: {
  column: string;
  samples: string[];
  value: ColumnTarget;
  onChange: (t: ColumnTarget) => void;
}) {
  const id = useId();
  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>{props.column}</label>
      </th>
      <td className="samples">{props.samples.filter((s) => s !== '').join(' · ') || '–'}</td>
      <td>
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as ColumnTarget)}>
          {TARGETS.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

/** The table matches no known format: map each column to a field, metric:… or ignore, then import again. */
export function MappingStep(props: {
  outcome: NeedsMapping;
  settings: ImportSettings;
  catalog: Catalog;
  busy: boolean;
  onRun: (s: ImportSettings) => void;
}) {
  const { outcome, settings, catalog, busy, onRun } = props;
  const [mapping, setMapping] = useState<ColumnMapping>(() =>
    Object.fromEntries(
      outcome.columns.map((c) => [c, settings.mapping?.[c] ?? outcome.suggested[c] ?? 'ignore']),
    ),
  );
  const [defaults, setDefaults] = useState(settings.defaults);
  const given = new Set(
    Object.entries(defaults).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [k])),
  );
  const problem = mappingProblem(mapping, outcome.columns, given);
  return (
    <section className="panel" aria-labelledby="mapping-h" data-testid="mapping-step">
      <h2 id="mapping-h">Map the columns of {outcome.file}</h2>
      <p>
        {outcome.message}. Rooflight guessed what it could (
        {Object.keys(outcome.suggested).length ? Object.keys(outcome.suggested).join(', ') : 'nothing'})
        {outcome.unknown.length > 0 && <>; it could not place {outcome.unknown.join(', ')}</>}. Map each
        column to a field, to <code>metric:&lt;metric&gt;</code> (a column of that metric&rsquo;s values), or
        ignore it.
      </p>
      <div className="table-wrap">
        <table className="data-table" aria-label="Column mapping">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">First values</th>
              <th scope="col">Read as</th>
            </tr>
          </thead>
          <tbody>
            {outcome.columns.map((c) => (
              <ColumnRow
                key={c}
                column={c}
                samples={outcome.sample.map((r) => r[c] ?? '')}
                value={mapping[c] ?? 'ignore'}
                onChange={(t) => setMapping({ ...mapping, [c]: t })}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">A value for every row, for fields no column holds:</p>
      <DefaultsFields
        fields={MAPPING_DEFAULTS}
        defaults={defaults}
        catalog={catalog}
        onChange={setDefaults}
      />
      {problem && (
        <p className="field-error" role="status" data-testid="mapping-problem">
          {problem[0]!.toUpperCase() + problem.slice(1)}.
        </p>
      )}
      <div className="sql-actions">
        <button
          type="button"
          disabled={problem !== null || busy}
          onClick={() => onRun({ ...settings, mapping, defaults })}
        >
          Import with this mapping
        </button>
      </div>
    </section>
  );
}
