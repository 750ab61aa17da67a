import { useState } from 'react';
import type { ImportDefaults, ImportField, ImportResult, Unresolved } from '../../core/import/types.ts';
import { CatalogSelect } from './catalog-select.tsx';
import { DefaultsFields } from './defaults-fields.tsx';
import type { Catalog, ImportSettings } from './use-import.ts';

type DefaultField = Exclude<ImportField, 'value'>;

/** The fields to offer a default for: what the file lacks, what was given before, timm's precision. */
function defaultFields(r: ImportResult, defaults: ImportDefaults): DefaultField[] {
  const fields = new Set<DefaultField>(r.needs.filter((f): f is DefaultField => f !== 'value'));
  for (const k of Object.keys(defaults)) fields.add(k as DefaultField);
  if (r.format === 'timm') fields.add('precision');
  return [...fields];
}

const rowsText = (rows: readonly number[]) =>
  `row${rows.length === 1 ? '' : 's'} ${rows.slice(0, 6).join(', ')}${rows.length > 6 ? ', …' : ''}`;

function NameFixes(props: {
  kind: 'hardware' | 'models';
  unresolved: readonly Unresolved[];
  names: Record<string, string>;
  catalog: Catalog;
  onChange: (names: Record<string, string>) => void;
}) {
  const { kind, unresolved, names, catalog, onChange } = props;
  if (unresolved.length === 0) return null;
  return (
    <ul className="name-fixes" aria-label={kind === 'hardware' ? 'Unresolved devices' : 'Unresolved models'}>
      {unresolved.slice(0, 20).map((u) => (
        <li key={u.name}>
          <p>
            <strong>{u.message}</strong> <span className="muted">({rowsText(u.rows)})</span>
          </p>
          <CatalogSelect
            label={`Read “${u.name}” as`}
            value={names[u.name] ?? ''}
            onChange={(id) => {
              const next = { ...names };
              if (id) next[u.name] = id;
              else delete next[u.name];
              onChange(next);
            }}
            items={kind === 'hardware' ? catalog.hardware : catalog.models}
            candidates={u.candidates}
            none="leave unresolved (those rows stay bad)"
          />
        </li>
      ))}
      {unresolved.length > 20 && <li className="muted">… and {unresolved.length - 20} more names</li>}
    </ul>
  );
}

/**
 * What the import needs from you to keep more rows: a value for fields the file does not state, a catalog
 * entry for each name that did not resolve, and whether to keep rows above the roofline; then import again.
 */
export function FixForm(props: {
  result: ImportResult;
  settings: ImportSettings;
  catalog: Catalog;
  busy: boolean;
  onRun: (s: ImportSettings) => void;
}) {
  const { result, settings, catalog, busy, onRun } = props;
  const [defaults, setDefaults] = useState(settings.defaults);
  const [names, setNames] = useState(settings.names);
  const [above, setAbove] = useState(settings.allowAboveRoofline);
  const fields = defaultFields(result, defaults);
  const roofline = result.bad.some((b) => b.reason.includes('roofline'));
  const unresolved = result.unresolved.hardware.length + result.unresolved.models.length;
  if (fields.length === 0 && unresolved === 0 && !roofline && !settings.allowAboveRoofline) return null;
  return (
    <section className="fix-form" aria-labelledby="fix-h" data-testid="fix-form">
      <h3 id="fix-h">Keep more rows</h3>
      {result.needs.length > 0 && (
        <p>
          The file does not state <strong>{result.needs.join(', ')}</strong>: give a value for every row.
        </p>
      )}
      {fields.length > 0 && (
        <DefaultsFields fields={fields} defaults={defaults} catalog={catalog} onChange={setDefaults} />
      )}
      {unresolved > 0 && <p>Names the catalog does not know: pick what each one is.</p>}
      <NameFixes
        kind="hardware"
        unresolved={result.unresolved.hardware}
        names={names.hardware}
        catalog={catalog}
        onChange={(hardware) => setNames({ ...names, hardware })}
      />
      <NameFixes
        kind="models"
        unresolved={result.unresolved.models}
        names={names.models}
        catalog={catalog}
        onChange={(models) => setNames({ ...names, models })}
      />
      {(roofline || settings.allowAboveRoofline) && (
        <label className="check">
          <input type="checkbox" checked={above} onChange={(e) => setAbove(e.target.checked)} /> Keep rows
          faster than the roofline bound (flagged <code>exceeds-roofline</code>; never used as references)
        </label>
      )}
      <div className="sql-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => onRun({ ...settings, defaults, names, allowAboveRoofline: above })}
        >
          Import again with these
        </button>
      </div>
    </section>
  );
}
