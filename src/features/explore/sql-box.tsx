import { useId } from 'react';
import { useAppStore } from '../../state/store.ts';
import { ResultTable } from './result-table.tsx';
import { useUserSql } from './use-user-sql.ts';

/** Free SQL over the snapshot: read-only by default; scratch mode runs writes and rolls them back. */
export function SqlBox() {
  const id = useId();
  const text = useAppStore((s) => s.sqlText);
  const scratch = useAppStore((s) => s.scratch);
  const setText = useAppStore((s) => s.setSqlText);
  const setScratch = useAppStore((s) => s.setScratch);
  const run = useUserSql();
  const submit = () => run.mutate({ text, scratch });
  const result = run.data;
  return (
    <section className="panel sql-box" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Query with SQL</h2>
      <p className="muted">
        Tables: <code>measurements</code>, <code>hardware</code>, <code>models</code>, <code>sources</code>,{' '}
        <code>yours</code> (your imported rows, from the Your data page) and the view{' '}
        <code>measurements_all</code> (measurements and yours). Ctrl+Enter runs.
      </p>
      <label htmlFor={id} className="visually-hidden">
        SQL
      </label>
      <textarea
        id={id}
        value={text}
        spellCheck={false}
        rows={7}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      <div className="sql-actions">
        <button type="button" onClick={submit} disabled={run.isPending}>
          {run.isPending ? 'Running…' : 'Run'}
        </button>
        <label className="check">
          <input type="checkbox" checked={scratch} onChange={(e) => setScratch(e.target.checked)} /> Scratch
          mode (writes allowed, rolled back after the run)
        </label>
      </div>
      {run.isError && (
        <pre className="panel-error error-text" role="alert">
          {run.error.message}
        </pre>
      )}
      {result && !run.isError && (
        <div aria-live="polite">
          <p className="muted" data-testid="sql-status">
            {result.rows.length.toLocaleString('en-US')} row(s) from {result.statements} statement(s)
            {result.rolledBack ? ' — changes rolled back' : ''}.
          </p>
          <ResultTable columns={result.columns} rows={result.rows} />
        </div>
      )}
    </section>
  );
}
