import { useQuery } from '@tanstack/react-query';
import type { Accuracy } from '../../core/predict/accuracy.ts';
import { yoursAccuracyQuery } from '../../queries/yours.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${x.toFixed(1)}%`);

function Cells({ a }: { a: Accuracy | null }) {
  return (
    <>
      <td className="num">{pct(a?.mdape)}</td>
      <td className="num">{pct(a?.within25)}</td>
      <td className="num">{pct(a?.coverage80)}</td>
    </>
  );
}

/** Predicted vs measured on your rows, per batch: how far to trust the predictions for hardware like yours. */
export function AccuracyPanel({ rows }: { rows: number }) {
  const q = useQuery({ ...yoursAccuracyQuery(), enabled: rows > 0 });
  if (rows === 0) return null;
  return (
    <section className="panel" aria-labelledby="acc-h" data-testid="yours-accuracy">
      <h2 id="acc-h">How well Rooflight predicts your rows</h2>
      <p className="muted">
        Each row is predicted by the shipped engine (your rows are not its evidence here) at the row&rsquo;s
        own device, model, workload and runtime, then compared with what you measured, as{' '}
        <code>npm run cli -- eval --with</code> does. Batches over 2,000 rows are scored on an even sample.
      </p>
      {q.isPending && (
        <p className="muted" role="status">
          Loading the learned engine and predicting your rows…
        </p>
      )}
      {q.isError && (
        <p role="alert" className="panel-error error-text">
          Your rows could not be scored: {q.error.message}
        </p>
      )}
      {q.data && (
        <div className="table-wrap">
          <table className="data-table" aria-label="Accuracy on your rows">
            <thead>
              <tr>
                <th scope="col">Batch</th>
                <th scope="col" className="num">
                  Rows scored
                </th>
                <th scope="col" className="num">
                  Answered
                </th>
                <th scope="col" className="num">
                  Median APE
                </th>
                <th scope="col" className="num">
                  Within ±25%
                </th>
                <th scope="col" className="num">
                  In 80% interval
                </th>
                <th scope="col">Not answered</th>
              </tr>
            </thead>
            <tbody>
              {q.data.batches.map((b) => (
                <tr key={b.batch.id} data-testid="accuracy-batch">
                  <th scope="row">
                    {b.batch.name}
                    {b.batch.hidden && <span className="muted"> (hidden)</span>}
                  </th>
                  <td className="num">{b.scored.toLocaleString('en-US')}</td>
                  <td className="num">{b.answered.toLocaleString('en-US')}</td>
                  <Cells a={b.accuracy} />
                  <td>{b.unanswered ? `${b.unanswered.rows}: ${b.unanswered.reason}` : ''}</td>
                </tr>
              ))}
              {q.data.batches.length > 1 && (
                <tr>
                  <th scope="row">All batches</th>
                  <td className="num">
                    {q.data.batches.reduce((s, b) => s + b.scored, 0).toLocaleString('en-US')}
                  </td>
                  <td className="num">{q.data.overall?.n.toLocaleString('en-US') ?? 0}</td>
                  <Cells a={q.data.overall} />
                  <td />
                </tr>
              )}
            </tbody>
          </table>
          {!q.data.learned && (
            <p className="notice panel">
              The learned model did not load: these are the roofline fallback&rsquo;s errors.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
