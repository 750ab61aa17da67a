import { useSources } from './use-sources.ts';
import { count } from '../../core/format.ts';

/** Static introduction; readable even when the snapshot fails to load. */
export function SourcesIntro() {
  return (
    <>
      <h1>Sources</h1>
      <p className="lead">
        Every number in Rooflight comes from a public benchmark or datasheet. Each origin is listed below with
        the files used, the exact commit, its license and how many rows it contributed. Measurements keep
        their source file and record number, so any value can be traced back.
      </p>
    </>
  );
}

function isUrl(s: string): boolean {
  return /^https?:\/\//.test(s);
}

/** One card per source: id, title, repository, paths, commit, license, row count, kind. */
export function SourcesTable() {
  const { data, error, isPending } = useSources();
  if (isPending) return <p className="muted">Loading sources…</p>;
  if (error) {
    return (
      <p role="alert" className="panel-error error-text">
        {error.message}
      </p>
    );
  }
  return (
    <>
      <p>
        <strong data-testid="source-count">{data.length}</strong> sources.
      </p>
      <ul className="sources" aria-label="Sources">
        {data.map((s) => (
          <li key={s.id} className="panel source" data-testid="source" data-source-id={s.id}>
            <h2>{s.title}</h2>
            <dl>
              <dt>Id</dt>
              <dd>
                <code>{s.id}</code>
              </dd>
              <dt>Kind</dt>
              <dd>{s.kind}</dd>
              <dt>Repository</dt>
              <dd>
                {isUrl(s.repository) ? (
                  <a href={s.repository} rel="noreferrer noopener" target="_blank">
                    {s.repository}
                  </a>
                ) : (
                  s.repository
                )}
              </dd>
              <dt>Commit</dt>
              <dd>{s.commit ? <code>{s.commit}</code> : <span className="muted">not pinned</span>}</dd>
              <dt>License</dt>
              <dd>{s.license}</dd>
              <dt>Rows</dt>
              <dd>{count(s.row_count)}</dd>
              <dt>Files</dt>
              <dd>
                <ul className="paths">
                  {s.paths
                    .split('|')
                    .filter(Boolean)
                    .map((p) => (
                      <li key={p}>
                        <code>{p}</code>
                      </li>
                    ))}
                </ul>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
