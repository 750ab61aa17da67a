import { DropZone } from './drop-zone.tsx';
import { ImportProgressBar } from './import-progress.tsx';
import { ImportReview } from './import-review.tsx';
import { MappingStep } from './mapping-step.tsx';
import { useImport, type Catalog } from './use-import.ts';

/** Drop or choose a file; follow its import; map, fix, keep or discard what it gives. */
export function ImportPanel({ catalog }: { catalog: Catalog }) {
  const imp = useImport(catalog);
  const { outcome, running } = imp;
  return (
    <section aria-labelledby="import-h" className="yours-import">
      <h2 id="import-h">Import a file</h2>
      <DropZone onFile={(f) => void imp.start(f)} disabled={running || imp.saving} />
      {imp.saved && (
        <p className="panel notice" role="status" data-testid="import-saved">
          Kept {imp.saved.rows.toLocaleString('en-US')} rows as “{imp.saved.name}”. They are listed below, in
          the Data page&rsquo;s table (source <code>yours:…</code>) and among the predictions&rsquo; evidence.
        </p>
      )}
      {running && imp.source && (
        <ImportProgressBar file={imp.source.name} progress={imp.progress} onCancel={imp.cancel} />
      )}
      {outcome?.status === 'error' && (
        <div className="panel panel-error" role="alert" data-testid="import-error">
          <p className="error-text">{outcome.message}</p>
          <p>Nothing was stored; your data is unchanged.</p>
        </div>
      )}
      {outcome?.status === 'cancelled' && (
        <p className="panel notice" role="status" data-testid="import-cancelled">
          {outcome.message}; nothing was stored.
        </p>
      )}
      {outcome?.status === 'needs-mapping' && (
        <MappingStep
          key={outcome.file}
          outcome={outcome}
          settings={imp.settings}
          catalog={catalog}
          busy={running}
          onRun={(s) => void imp.rerun(s)}
        />
      )}
      {outcome?.status === 'ok' && (
        <ImportReview
          result={outcome}
          settings={imp.settings}
          catalog={catalog}
          busy={running}
          saving={imp.saving}
          saveError={imp.saveError}
          onRun={(s) => void imp.rerun(s)}
          onSave={() => void imp.save()}
          onDiscard={imp.discard}
        />
      )}
    </section>
  );
}
