import { ScrollRegion } from './scroll-region.tsx';
import { LAB_MODELS, labModel } from '../../core/lab/lab-models.ts';
import { medianAbsError } from '../../core/lab/report.ts';
import { sig3, signedPct } from '../../core/format.ts';
import { runBackendFor } from '../../state/lab-slice.ts';
import { useAppStore } from '../../state/store.ts';
import { useRunComparison } from './use-run-comparison.ts';

/** A real tfjs run of the lab models, its timings beside this browser's predictions, stored as local rows. */
export function RealRunPanel() {
  const task = useAppStore((s) => s.labTask);
  const run = useAppStore((s) => s.labRun);
  const own = useAppStore((s) => s.labOwnProfile);
  const progress = useAppStore((s) => s.labRunProgress);
  const stored = useAppStore((s) => s.labStored);
  const start = useAppStore((s) => s.runLabModels);
  const cancel = useAppStore((s) => s.cancelLab);
  const navigate = useAppStore((s) => s.navigate);
  const plan = runBackendFor(own);
  const comparison = useRunComparison(run, own);
  const rows = comparison.data ?? [];
  const mdape = medianAbsError(rows);
  const boundMdape = medianAbsError(rows, 'boundErrorPct');
  const calMdape = medianAbsError(rows, 'calibratedErrorPct');
  return (
    <section className="panel lab-section" aria-labelledby="lab-run">
      <h2 id="lab-run">Real run: predicted vs measured</h2>
      <p className="muted">
        Runs {LAB_MODELS.map((m) => m.name).join(' and ')} with tfjs layers (random weights) at batch sizes{' '}
        {LAB_MODELS[0]!.batches.join(', ')}, on{' '}
        {own ? `${plan.backend}: ${plan.reason}` : 'the fastest measured backend'}. Each timing is stored in
        this browser as a benchmark row (never uploaded).
      </p>
      <div className="lab-actions">
        <button type="button" onClick={() => void start()} disabled={task !== 'idle' || !own}>
          Run the lab models
        </button>
        {task === 'running' && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
        {!own && (
          <span className="muted">Measure this browser first: the prediction comes from its profile.</span>
        )}
      </div>
      {task === 'running' && (
        <div role="status" aria-live="polite">
          <div
            className="progress"
            role="progressbar"
            aria-label="Running the lab models"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round((progress?.fraction ?? 0) * 100)}
          >
            <div className="progress-fill" style={{ width: `${(progress?.fraction ?? 0) * 100}%` }} />
          </div>
          <p className="muted">{progress?.stage ?? 'Starting…'}</p>
        </div>
      )}
      {run && (
        <>
          {run.errors.length > 0 && (
            <p className="error-text" role="alert">
              {run.errors.join('; ')}
            </p>
          )}
          {run.cancelled && <p className="notice">The run was cancelled; finished timings are kept.</p>}
          <ScrollRegion label="Predicted vs measured">
            <table className="data-table" aria-label="Predicted vs measured">
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Backend</th>
                  <th scope="col">Batch</th>
                  <th scope="col">Measured (median)</th>
                  <th scope="col">Predicted (80% interval)</th>
                  <th scope="col">Error</th>
                  <th scope="col">Roofline bound</th>
                  <th scope="col">Calibrated on the other batches</th>
                </tr>
              </thead>
              <tbody>
                {run.timings.map((t, i) => {
                  const c = rows[i];
                  return (
                    <tr key={`${t.modelId}|${t.batch}`} data-testid="run-row">
                      <th scope="row">{labModel(t.modelId)?.name ?? t.modelId}</th>
                      <td>tfjs {t.backend}</td>
                      <td>{t.batch}</td>
                      <td data-testid="measured-ms">
                        {sig3(t.medianMs)} ms{' '}
                        <span className="muted">
                          (best {sig3(t.bestMs)}, first {sig3(t.firstMs)})
                        </span>
                      </td>
                      <td>
                        {c?.predictedMs != null
                          ? `${sig3(c.predictedMs)} ms (${sig3(c.low!)}–${sig3(c.high!)})`
                          : comparison.isPending
                            ? 'predicting…'
                            : (c?.problem ?? '–')}
                      </td>
                      <td>
                        {c?.errorPct != null
                          ? `${signedPct(c.errorPct)}${c.inInterval ? '' : ' (outside)'}`
                          : '–'}
                      </td>
                      <td>{c?.boundMs != null ? `${sig3(c.boundMs)} ms` : '–'}</td>
                      <td>
                        {c?.calibratedMs != null
                          ? `${sig3(c.calibratedMs)} ms (${signedPct(c.calibratedErrorPct)})`
                          : '–'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          {mdape !== null && (
            <p data-testid="run-mdape">
              Median absolute error of the prediction for this browser: {mdape.toFixed(0)}% over {rows.length}{' '}
              timings
              {boundMdape !== null &&
                ` (the roofline bound on the measured peaks alone: ${boundMdape.toFixed(0)}%)`}
              {calMdape !== null &&
                `; calibrated on this browser's other timings of the same op class, each left out in turn: ${calMdape.toFixed(0)}%`}
              .
            </p>
          )}
        </>
      )}
      {stored && 'rows' in stored && (
        <p role="status" data-testid="run-stored">
          Stored {stored.rows} local rows in this browser.{' '}
          <a
            href="?page=data"
            onClick={(e) => {
              e.preventDefault();
              navigate('data');
            }}
          >
            See them on the Data page
          </a>
          .
        </p>
      )}
      {stored && 'error' in stored && (
        <p className="error-text" role="alert">
          The timings could not be stored locally: {stored.error}
        </p>
      )}
    </section>
  );
}
