import type { CalibrateProgress } from '../../adapters/calibrate-worker/protocol.ts';
import type { StoredCalibration } from '../../adapters/calibrated-model-store.ts';
import type { CalibrationReport } from '../../core/calibrate/report.ts';
import type { PairScore } from '../../core/calibrate/score.ts';
import type { YoursBatch } from '../../core/import/batches.ts';
import { useCalibration } from './use-calibration.ts';

const NUMBER = new Intl.NumberFormat('en-US');
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const pct = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(1)}%`);

function progressText(p: CalibrateProgress): string {
  switch (p.stage) {
    case 'loading':
      return 'Loading tfjs, the shipped model, the snapshot and your rows…';
    case 'preparing':
      return 'Preparing your rows and the replay sample…';
    case 'tune':
      return `Cross-validation, fold ${p.fold} of ${p.folds}: tuning without its rows, step ${NUMBER.format(p.done)} of ${NUMBER.format(p.total)}`;
    case 'predict':
      return `Cross-validation, fold ${p.fold} of ${p.folds}: predicting its rows with both models, ${NUMBER.format(p.done)} of ${NUMBER.format(p.total)}`;
    case 'final':
      return `Tuning the calibrated model on all your rows: step ${NUMBER.format(p.done)} of ${NUMBER.format(p.total)}`;
    default:
      return 'Finishing…';
  }
}

function Progress(props: { progress: CalibrateProgress; onCancel: () => void }) {
  const pctDone = Math.round(props.progress.fraction * 100);
  const text = progressText(props.progress);
  return (
    <div className="import-progress" data-testid="calibration-progress">
      <p aria-live="polite">{text}</p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Calibration progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pctDone}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: `${Math.max(2, pctDone)}%` }} />
      </div>
      <button type="button" className="secondary" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}

function ScoreCells({ s }: { s: PairScore | null }) {
  return (
    <>
      <td className="num">{s ? NUMBER.format(s.n) : 0}</td>
      <td className="num">{pct(s?.before.mdape)}</td>
      <td className="num">{pct(s?.after.mdape)}</td>
      <td className="num">{pct(s?.before.within25)}</td>
      <td className="num">{pct(s?.after.within25)}</td>
    </>
  );
}

function CrossValidation({ report }: { report: CalibrationReport }) {
  if (report.k < 2) return null;
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Cross-validation">
        <caption className="muted">
          {report.k}-fold cross-validation over {NUMBER.format(report.workloads)} workloads: each fold&rsquo;s
          rows predicted with the other folds as evidence, by the shipped model and by one tuned without them.
        </caption>
        <thead>
          <tr>
            <th scope="col">Fold</th>
            <th scope="col" className="num">
              Held-out rows
            </th>
            <th scope="col" className="num">
              Scored
            </th>
            <th scope="col" className="num">
              Median APE, shipped
            </th>
            <th scope="col" className="num">
              Median APE, calibrated
            </th>
            <th scope="col" className="num">
              Within ±25%, shipped
            </th>
            <th scope="col" className="num">
              Within ±25%, calibrated
            </th>
          </tr>
        </thead>
        <tbody>
          {report.folds.map((f) => (
            <tr key={f.fold} data-testid="calibration-fold">
              <th scope="row">{f.fold + 1}</th>
              <td className="num">{NUMBER.format(f.rows)}</td>
              <ScoreCells s={f.score} />
            </tr>
          ))}
          <tr data-testid="calibration-pooled">
            <th scope="row">All folds</th>
            <td className="num">{NUMBER.format(report.folds.reduce((n, f) => n + f.rows, 0))}</td>
            <ScoreCells s={report.pooled} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The batches a report was tuned on differ from the visible batches now. */
function changedSince(report: CalibrationReport, visible: readonly YoursBatch[]): boolean {
  const now = visible.map((b) => `${b.id}:${b.rows}`).sort();
  const then = report.batches.map((b) => `${b.id}:${b.rows}`).sort();
  return now.join('|') !== then.join('|');
}

function Stored(props: {
  stored: StoredCalibration;
  visible: readonly YoursBatch[];
  busy: boolean;
  onUse: (use: boolean) => void;
  onDelete: () => void;
}) {
  const { report, model, use } = props.stored;
  const kept = report.decision.keep && model !== null;
  const skipped = report.skipped.map((s) => `${NUMBER.format(s.rows)} ${s.reason}`).join('; ');
  return (
    <div data-testid="calibration-report">
      <p
        className={kept ? 'notice panel' : 'panel'}
        data-testid="calibration-decision"
        data-kept={kept ? 'yes' : 'no'}
      >
        {report.decision.summary}
      </p>
      <CrossValidation report={report} />
      <p className="muted">
        Made {DATE.format(new Date(report.created))} from model {report.shippedVersion} on{' '}
        {NUMBER.format(report.rows)} of your rows (batches{' '}
        {report.batches.map((b) => `${b.id} (${NUMBER.format(b.rows)})`).join(', ')});{' '}
        {NUMBER.format(report.used)} have a roofline efficiency and were used
        {skipped ? ` (not used: ${skipped})` : ''}. Each tune: {NUMBER.format(report.settings.steps)} steps at
        learning rate {report.settings.learningRate}, your rows mixed with{' '}
        {NUMBER.format(report.settings.replay)} snapshot rows.
        {report.folds.some((f) => f.rows > report.settings.scoredPerFold) &&
          ` Folds of over ${NUMBER.format(report.settings.scoredPerFold)} rows are scored on an even sample of that many.`}{' '}
        Took {(report.timings.totalMs / 1000).toFixed(1)} s.
      </p>
      {changedSince(report, props.visible) && (
        <p className="notice panel" role="status" data-testid="calibration-changed">
          Your visible data has changed since this calibration: calibrate again to tune on it.
        </p>
      )}
      {kept && (
        <label className="calibration-switch">
          <input
            type="checkbox"
            checked={use}
            disabled={props.busy}
            onChange={(e) => props.onUse(e.target.checked)}
          />{' '}
          Use my calibrated model for predictions (Recommend, Predict, Compare)
        </label>
      )}
      <p>
        <button type="button" className="secondary" disabled={props.busy} onClick={props.onDelete}>
          Delete my calibration
        </button>
      </p>
    </div>
  );
}

/**
 * Calibrate on my data: fine-tune the learned model on your visible rows in a worker, check it by k-fold
 * cross-validation against the shipped model, keep it only where it is better, and switch between the two.
 */
export function CalibratePanel({ batches }: { batches: readonly YoursBatch[] }) {
  const c = useCalibration();
  const visible = batches.filter((b) => !b.hidden);
  const rows = visible.reduce((n, b) => n + b.rows, 0);
  const confirmDelete = () => {
    if (window.confirm('Delete your calibration (its report and model) from this browser?')) void c.remove();
  };
  return (
    <section className="panel" aria-labelledby="cal-h" data-testid="calibrate">
      <h2 id="cal-h">Calibrate on my data</h2>
      <p className="muted">
        Fine-tunes a copy of the learned efficiency model on your visible rows, mixed with a sample of the
        snapshot so it keeps what it knew, in a background worker. Before it is offered, k-fold
        cross-validation on your rows shows its error beside the shipped model&rsquo;s: each fold&rsquo;s rows
        are predicted by the app&rsquo;s own engine, with the other folds as evidence, once by each model. It
        is kept only where its pooled median error is lower. It stays in this browser; links made with it say
        so and never carry your rows.
      </p>
      {rows === 0 && (
        <p className="muted" data-testid="calibration-no-rows">
          Import (and show) some of your rows first: calibration tunes on your visible batches.
        </p>
      )}
      <p>
        <button type="button" disabled={rows === 0 || c.running || c.busy} onClick={c.start}>
          Calibrate on my data
        </button>{' '}
        {rows > 0 && !c.running && (
          <span className="muted">
            {NUMBER.format(rows)} visible rows; on two cores 40 rows take about half a minute, 1,000 rows a
            few minutes.
          </span>
        )}
      </p>
      {c.running && c.progress && <Progress progress={c.progress} onCancel={c.cancel} />}
      {c.message && (
        <p
          role={c.message.error ? 'alert' : 'status'}
          className={c.message.error ? 'error-text' : 'muted'}
          data-testid="calibration-message"
        >
          {c.message.text}
        </p>
      )}
      {c.stored.isError && (
        <p role="alert" className="error-text">
          {c.stored.error.message}
        </p>
      )}
      {c.stored.data && (
        <Stored
          stored={c.stored.data}
          visible={visible}
          busy={c.busy || c.running}
          onUse={(use) => void c.setUse(use)}
          onDelete={confirmDelete}
        />
      )}
    </section>
  );
}
