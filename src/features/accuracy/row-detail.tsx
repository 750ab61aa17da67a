import { BASELINES, BASELINE_LABELS, type HoldoutPoint } from '../../core/sql/accuracy.ts';
import {
  EvidenceAccuracyNote,
  followInPage,
  useAccuracyHref,
} from '../../components/evidence-accuracy-note.tsx';
import { num as value, pct } from '../../core/format.ts';
import { apeOf } from './ape.ts';

/**
 * One held-out row in full: where it comes from (source file and record), the device, model and workload,
 * the measured value, the engine's prediction with its 80% interval, the layer and evidence behind it, and
 * each baseline's answer.
 */
export function RowDetail({ row, onClose }: { row: HoldoutPoint | null; onClose: () => void }) {
  return (
    <section className="panel acc-detail" aria-labelledby="acc-detail-title" data-testid="row-detail">
      <h2 id="acc-detail-title">Held-out row</h2>
      {!row ? (
        <p className="muted">
          Click a point in the chart, or a row under “Largest errors”, to see the measurement and every
          prediction for it.
        </p>
      ) : (
        <Detail row={row} onClose={onClose} />
      )}
    </section>
  );
}

function Detail({ row: r, onClose }: { row: HoldoutPoint; onClose: () => void }) {
  const evidenceHref = useAccuracyHref({ evidence: r.evidence ?? '' });
  const inside = r.low !== null && r.high !== null && r.low <= r.truth && r.truth <= r.high;
  return (
    <>
      <dl className="acc-facts" aria-live="polite">
        <dt>Source</dt>
        <dd>
          {r.source_title ?? r.source_id} (<code>{r.source_id}</code>)
        </dd>
        <dt>File and row</dt>
        <dd data-testid="detail-source">
          <code>{r.source_file}</code>, row <span data-testid="detail-row">{r.source_row}</span>
        </dd>
        <dt>Device</dt>
        <dd>
          {r.hardware_name ?? r.hardware_id}{' '}
          <span className="muted">
            ({r.kind}; held out in fold {r.fold + 1})
          </span>
        </dd>
        <dt>Model</dt>
        <dd>
          {r.model_name ?? r.model_id} <span className="muted">({r.family})</span>
        </dd>
        <dt>Workload</dt>
        <dd>
          {r.metric}, {r.precision}
          {r.batch_size !== null && `, batch ${r.batch_size}`}, {r.runtime_class}
        </dd>
        <dt>Measured</dt>
        <dd data-testid="detail-truth" data-value={r.truth}>
          {value(r.truth)}
        </dd>
        <dt>Predicted</dt>
        <dd data-testid="detail-predicted" data-value={r.predicted}>
          {value(r.predicted)}{' '}
          <span className="muted">
            (80% interval {value(r.low)} – {value(r.high)}; {pct(r.ape)} off
            {r.low !== null && r.high !== null && (inside ? ', measured inside' : ', measured outside')})
          </span>
        </dd>
        <dt>Layer / evidence</dt>
        <dd>
          {r.layer}
          {r.evidence && (
            <>
              {' · '}
              <a href={evidenceHref} onClick={followInPage}>
                {r.evidence}
              </a>
            </>
          )}
        </dd>
      </dl>
      <EvidenceAccuracyNote evidence={r.evidence ?? r.layer} />
      <table className="data-table acc-baselines">
        <caption>Baselines on this row</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Predicted</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Rooflight engine</th>
            <td className="num">{value(r.predicted)}</td>
            <td className="num">{pct(r.ape)}</td>
          </tr>
          {BASELINES.map(([b]) => (
            <tr key={b}>
              <th scope="row">{BASELINE_LABELS[b]}</th>
              <td className="num">
                {r[b] === null ? <span className="muted">no answer</span> : value(r[b])}
              </td>
              <td className="num">{pct(apeOf(r[b], r.truth))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={onClose}>
        Close
      </button>
    </>
  );
}
