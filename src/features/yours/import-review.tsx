import type { ImportResult } from '../../core/import/types.ts';
import { BadRows } from './bad-rows.tsx';
import { FixForm } from './fix-form.tsx';
import { RowsTable } from './rows-table.tsx';
import type { Catalog, ImportSettings } from './use-import.ts';

const plural = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** An import read: what was kept and why the rest was not, how to keep more, and Keep / Discard. */
export function ImportReview(props: {
  result: ImportResult;
  settings: ImportSettings;
  catalog: Catalog;
  busy: boolean;
  saving: boolean;
  saveError: string | null;
  onRun: (s: ImportSettings) => void;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { result: r, settings, catalog, busy, saving, saveError, onRun, onSave, onDiscard } = props;
  const n = r.good.length;
  return (
    <section className="panel" aria-labelledby="review-h" data-testid="import-review">
      <h2 id="review-h">{r.file}</h2>
      <p data-testid="import-summary">
        Read as <strong>{r.format}</strong> ({r.container}): {plural(r.records, 'record')} →{' '}
        <strong>{plural(n, 'row')} to keep</strong>, {plural(r.bad.length, 'bad row')},{' '}
        {plural(r.warnings.length, 'warning')}.
      </p>
      {r.notes.length > 0 && (
        <ul className="notes">
          {r.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {r.ignoredColumns.length > 0 && (
        <p className="muted">Columns not read: {r.ignoredColumns.join(', ')}.</p>
      )}
      <FixForm
        key={JSON.stringify(settings)}
        result={r}
        settings={settings}
        catalog={catalog}
        busy={busy}
        onRun={onRun}
      />
      <BadRows file={r.file} rows={r.bad} kind="bad" />
      <BadRows file={r.file} rows={r.warnings} kind="warnings" />
      {n > 0 && <RowsTable rows={r.good} label="Rows to keep" />}
      {saveError && (
        <p role="alert" className="panel-error error-text">
          {saveError}
        </p>
      )}
      <div className="sql-actions">
        <button type="button" onClick={onSave} disabled={n === 0 || saving || busy}>
          {saving ? 'Saving…' : n === 0 ? 'No rows to keep' : `Keep ${plural(n, 'row')}`}
        </button>
        <button type="button" className="secondary" onClick={onDiscard} disabled={saving}>
          Discard
        </button>
        <span className="muted">Kept rows are stored in this browser only, as batch “{r.batch}”.</span>
      </div>
    </section>
  );
}
