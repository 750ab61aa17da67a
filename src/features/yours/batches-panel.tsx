import { useId, useState } from 'react';
import { batchNameProblem, type YoursBatch } from '../../core/import/batches.ts';
import { useBatches } from './use-batches.ts';

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function NameCell(props: { batch: YoursBatch; busy: boolean; onRename: (name: string) => void }) {
  const id = useId();
  const [name, setName] = useState(props.batch.name);
  const problem = batchNameProblem(name);
  const changed = name.trim() !== props.batch.name;
  return (
    <div className="rename">
      <label htmlFor={id} className="visually-hidden">
        Name of batch {props.batch.id}
      </label>
      <input
        id={id}
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-p` : undefined}
      />
      {changed && (
        <button
          type="button"
          className="secondary"
          disabled={problem !== null || props.busy}
          onClick={() => props.onRename(name)}
        >
          Rename
        </button>
      )}
      {problem && (
        <span id={`${id}-p`} className="field-error">
          {problem}
        </span>
      )}
    </div>
  );
}

/** Your stored batches: rename, hide or show, export, delete; export or delete everything. */
export function BatchesPanel() {
  const b = useBatches();
  const batches = b.stored.data ?? [];
  const rows = batches.reduce((n, x) => n + x.rows, 0);
  const busy = b.busy !== null;
  const confirmDelete = (batch: YoursBatch) => {
    if (window.confirm(`Delete batch “${batch.name}” and its ${batch.rows} rows from this browser?`))
      void b.remove(batch);
  };
  const confirmClear = () => {
    if (window.confirm(`Delete all ${batches.length} batches (${rows} rows) from this browser?`))
      void b.clear();
  };
  return (
    <section className="panel" aria-labelledby="batches-h" data-testid="batches">
      <h2 id="batches-h">Your batches</h2>
      {b.stored.isPending && <p className="muted">Reading your stored data…</p>}
      {b.stored.isError && (
        <p role="alert" className="panel-error error-text">
          {b.stored.error.message}
        </p>
      )}
      {b.stored.isSuccess && batches.length === 0 && (
        <p className="muted" data-testid="no-batches">
          Nothing imported yet. Files you keep are stored in this browser only (IndexedDB) and never uploaded.
        </p>
      )}
      {batches.length > 0 && (
        <>
          <p>
            <strong data-testid="stored-rows">{rows.toLocaleString('en-US')}</strong> rows in {batches.length}{' '}
            batch{batches.length === 1 ? '' : 'es'}, stored in this browser only. Visible batches are evidence
            for Recommend, Predict and Compare and appear on the Data page (source{' '}
            <code>yours:&lt;batch&gt;</code>; SQL tables <code>yours</code> and <code>measurements_all</code>
            ).
          </p>
          <div className="table-wrap">
            <table className="data-table" aria-label="Your batches">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Source id</th>
                  <th scope="col">File</th>
                  <th scope="col">Format</th>
                  <th scope="col">Imported</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                  <th scope="col">Visible</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.id} data-testid="batch" data-hidden={batch.hidden || undefined}>
                    <td>
                      <NameCell
                        key={batch.name}
                        batch={batch}
                        busy={busy}
                        onRename={(name) => void b.rename(batch, name)}
                      />
                    </td>
                    <td>
                      <code>yours:{batch.id}</code>
                    </td>
                    <td>{batch.file}</td>
                    <td>
                      {batch.format} ({batch.container})
                    </td>
                    <td>{DATE.format(new Date(batch.created))}</td>
                    <td className="num" data-testid="batch-rows">
                      {batch.rows.toLocaleString('en-US')}
                    </td>
                    <td>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={!batch.hidden}
                          disabled={busy}
                          onChange={(e) => void b.setHidden(batch, !e.target.checked)}
                        />
                        <span className="visually-hidden">Use batch {batch.name}</span>
                        {batch.hidden ? 'hidden' : 'used'}
                      </label>
                    </td>
                    <td className="batch-actions">
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => void b.exportCsv(batch)}
                      >
                        CSV<span className="visually-hidden"> of {batch.name}</span>
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => void b.exportParquet(batch)}
                      >
                        Parquet<span className="visually-hidden"> of {batch.name}</span>
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => confirmDelete(batch)}
                      >
                        Delete<span className="visually-hidden"> {batch.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="sql-actions">
            <button type="button" disabled={busy} onClick={() => void b.exportCsv(null)}>
              Export all (CSV)
            </button>
            <button type="button" disabled={busy} onClick={() => void b.exportParquet(null)}>
              Export all (Parquet)
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={confirmClear}>
              Delete all
            </button>
          </div>
        </>
      )}
      {b.error && (
        <p role="alert" className="panel-error error-text">
          {b.error}
        </p>
      )}
    </section>
  );
}
