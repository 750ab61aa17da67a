import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { downloadCsv } from '../../components/charts/chart-export.ts';
import {
  BASELINE_LABELS,
  type AccuracyFilters,
  type AccuracyGroup,
  type AccuracyGroupRow,
} from '../../core/sql/accuracy.ts';
import { accuracyGroupsQuery } from '../../queries/accuracy.ts';
import { count, factor, pct } from '../../core/format.ts';

export const GROUP_TITLES: Record<Exclude<AccuracyGroup, 'all'>, string> = {
  source: 'By source',
  hardware: 'By held-out device',
  family: 'By model family',
  metric: 'By metric',
  runtime: 'By runtime',
  evidence: 'By evidence level',
};

/** Rows shown before "Show all": the device and family tables run to hundreds. */
const FIRST_ROWS = 25;

const CSV_COLUMNS: (keyof AccuracyGroupRow)[] = [
  'key',
  'label',
  'rows',
  'answered',
  'mdape',
  'within25',
  'coverage80',
  'median_width',
  'best_baseline',
  'best_n',
  'best_mdape',
  'ours_on_best_rows',
];

/** A number cell that carries its exact value (for export and tests) beside the rounded text. */
function Num({ v, text }: { v: number | null; text: string }) {
  return (
    <td className="num" data-value={v ?? ''}>
      {text}
    </td>
  );
}

function Row({ r, group }: { r: AccuracyGroupRow; group: AccuracyGroup }) {
  const unanswered = r.rows - r.answered;
  const best = r.best_baseline;
  const worse =
    best && r.ours_on_best_rows !== null && r.best_mdape !== null && r.best_mdape < r.ours_on_best_rows;
  return (
    <tr data-key={r.key}>
      <th scope="row">
        {r.label}
        {group !== 'metric' && group !== 'runtime' && group !== 'evidence' && r.label !== r.key && (
          <span className="muted acc-key"> {r.key}</span>
        )}
      </th>
      <td className="num" data-value={r.answered}>
        {count(r.answered)}
        {unanswered > 0 && <span className="muted"> (+{count(unanswered)} unanswered)</span>}
      </td>
      <Num v={r.mdape} text={pct(r.mdape)} />
      <Num v={r.within25} text={pct(r.within25)} />
      <Num v={r.coverage80} text={pct(r.coverage80)} />
      <Num v={r.median_width} text={factor(r.median_width)} />
      <td>{best ? BASELINE_LABELS[best] : <span className="muted">none answers</span>}</td>
      <td className="num" data-value={r.best_n ?? ''}>
        {r.best_n === null ? '–' : count(r.best_n)}
      </td>
      <Num v={r.best_mdape} text={pct(r.best_mdape)} />
      <td className={worse ? 'num acc-worse' : 'num'} data-value={r.ours_on_best_rows ?? ''}>
        {pct(r.ours_on_best_rows)}
        {worse && <span className="visually-hidden"> (worse than the baseline)</span>}
      </td>
    </tr>
  );
}

/**
 * One error table: per group the engine's median error, share within ±25%, 80%-interval coverage, median
 * interval width, beside the best baseline on the rows that baseline answers, with CSV export.
 */
export function ErrorTable({
  group,
  filters,
}: {
  group: Exclude<AccuracyGroup, 'all'>;
  filters: AccuracyFilters;
}) {
  const headingId = useId();
  const [all, setAll] = useState(false);
  const q = useQuery(accuracyGroupsQuery(group, filters));
  const title = GROUP_TITLES[group];
  const shown = q.data && !all ? q.data.slice(0, FIRST_ROWS) : q.data;
  return (
    <section className="acc-table" aria-labelledby={headingId} data-testid={`error-table-${group}`}>
      <div className="acc-table-head">
        <h2 id={headingId}>{title}</h2>
        <button
          type="button"
          className="secondary"
          disabled={!q.data}
          onClick={() => q.data && downloadCsv(CSV_COLUMNS, q.data, `rooflight-accuracy-by-${group}.csv`)}
        >
          Export CSV
        </button>
      </div>
      {q.error ? (
        <p role="alert" className="error-text">
          {q.error.message}
        </p>
      ) : !q.data ? (
        <p className="muted">Computing…</p>
      ) : q.data.length === 0 ? (
        <p className="empty">No held-out rows match the filters.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${title}, scrollable`}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</th>
                <th scope="col">Rows</th>
                <th scope="col">Median error</th>
                <th scope="col">Within ±25%</th>
                <th scope="col">80% coverage</th>
                <th scope="col">Median width</th>
                <th scope="col">Best baseline</th>
                <th scope="col">Its rows</th>
                <th scope="col">Its median error</th>
                <th scope="col">Engine on its rows</th>
              </tr>
            </thead>
            <tbody>
              {shown?.map((r) => (
                <Row key={r.key} r={r} group={group} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.data && q.data.length > FIRST_ROWS && (
        <button type="button" className="secondary acc-more" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST_ROWS}` : `Show all ${count(q.data.length)} rows`}
        </button>
      )}
    </section>
  );
}
