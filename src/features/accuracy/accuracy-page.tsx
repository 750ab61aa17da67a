import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  ACCURACY_GROUPS,
  BASELINE_LABELS,
  type AccuracyFilters,
  type AccuracyGroupRow,
  type HoldoutPoint,
} from '../../core/sql/accuracy.ts';
import { accuracyGroupsQuery, holdoutLoadQuery, holdoutPointsQuery } from '../../queries/accuracy.ts';
import { yoursHoldoutQuery, yoursQuery } from '../../queries/yours.ts';
import { AccuracyScatter } from './accuracy-scatter.tsx';
import { ErrorTable } from './error-table.tsx';
import { AccuracyFilterBar } from './filter-bar.tsx';
import { count, factor, pct } from '../../core/format.ts';
import { LargestErrors } from './largest-errors.tsx';
import { RowDetail } from './row-detail.tsx';
import { useAccuracyFilters, useAccuracyLink } from './use-accuracy-filters.ts';
import './accuracy.css';

/** What the page is about; shown before anything loads. */
export function AccuracyIntro() {
  useAccuracyLink();
  return (
    <p className="lead">
      Should you trust the numbers? Every measurement in the snapshot was predicted by an engine that never
      saw its device (leave-one-hardware-out: each device is held out with its fold, the engine retrained
      without it), then compared with what was measured, beside five simpler baselines on the same rows. These
      are the rows behind the figures in <code>models/REPORT.md</code>.
    </p>
  );
}

function Summary({ all, yours }: { all: AccuracyGroupRow | undefined; yours: boolean }) {
  if (!all) return <p className="muted">Computing…</p>;
  const best = all.best_baseline;
  return (
    <p className="acc-summary" data-testid="accuracy-summary">
      <strong>{count(all.rows)}</strong> {yours ? 'of your rows' : 'held-out rows'}
      {all.answered < all.rows && <> ({count(all.rows - all.answered)} the engine could not answer)</>}:
      median error <strong data-testid="summary-mdape">{pct(all.mdape)}</strong>, {pct(all.within25)} within
      ±25%, 80% intervals cover {pct(all.coverage80)} of the truths (median width {factor(all.median_width)}).
      {best && (
        <>
          {' '}
          Best baseline on the rows it answers: {BASELINE_LABELS[best]}, {pct(all.best_mdape)} (the engine on
          those {count(all.best_n ?? 0)} rows: {pct(all.ours_on_best_rows)}).
        </>
      )}
    </p>
  );
}

function Results({ filters }: { filters: AccuracyFilters }) {
  const [selected, setSelected] = useState<HoldoutPoint | null>(null);
  const all = useQuery(accuracyGroupsQuery('all', filters));
  const points = useQuery(holdoutPointsQuery(filters));
  const overall = all.data?.[0];
  const error = all.error ?? points.error;
  if (error)
    return (
      <p role="alert" className="panel panel-error error-text">
        {error.message}
      </p>
    );
  return (
    <>
      <Summary all={all.isPending ? undefined : (overall ?? { ...EMPTY })} yours={filters.set === 'yours'} />
      <div className="acc-top">
        {points.data && overall && overall.answered > 0 ? (
          <AccuracyScatter
            points={points.data}
            total={overall.answered}
            mdape={overall.mdape}
            onSelect={setSelected}
          />
        ) : points.data || (all.data && !overall) ? (
          <p className="empty">No answered rows match the filters.</p>
        ) : (
          <p className="muted">Drawing…</p>
        )}
        <RowDetail row={selected} onClose={() => setSelected(null)} />
      </div>
      <LargestErrors filters={filters} onSelect={setSelected} />
      {ACCURACY_GROUPS.map((g) => (
        <ErrorTable key={g} group={g} filters={filters} />
      ))}
    </>
  );
}

const EMPTY: AccuracyGroupRow = {
  key: 'all',
  label: 'All rows',
  rows: 0,
  answered: 0,
  mdape: null,
  within25: null,
  coverage80: null,
  median_width: null,
  best_baseline: null,
  best_n: null,
  best_mdape: null,
  ours_on_best_rows: null,
};

/**
 * The Accuracy page: the held-out evaluation (public/data/holdout.parquet) loaded into DuckDB on demand, as
 * a predicted-vs-measured scatter, error tables by source, device, model family, metric, runtime and
 * evidence level beside the best baseline, and any row in full. Filters live in the link (`acc_…`).
 */
export function AccuracyPage() {
  const { filters, setFilter, clear } = useAccuracyFilters();
  return (
    <>
      <SetSwitch set={filters.set} onChange={(v) => setFilter('set', v)} />
      {filters.set === 'yours' ? (
        <YoursAccuracy filters={filters} setFilter={setFilter} clear={clear} />
      ) : (
        <PublicAccuracy filters={filters} setFilter={setFilter} clear={clear} />
      )}
    </>
  );
}

type FilterProps = ReturnType<typeof useAccuracyFilters>;

/** Which rows the page shows: the public held-out evaluation, or your imported rows. */
function SetSwitch({ set, onChange }: { set: string | undefined; onChange: (set: string) => void }) {
  const batches = useQuery(yoursQuery()).data;
  const yourRows = batches?.reduce((n, b) => n + b.rows, 0) ?? 0;
  return (
    <fieldset className="acc-set" data-testid="accuracy-set">
      <legend>Rows</legend>
      <label>
        <input type="radio" name="acc_set" checked={set !== 'yours'} onChange={() => onChange('')} /> Public
        snapshot, on devices the engine never saw
      </label>
      <label>
        <input type="radio" name="acc_set" checked={set === 'yours'} onChange={() => onChange('yours')} />{' '}
        Your rows{batches ? ` (${count(yourRows)})` : ''}
      </label>
    </fieldset>
  );
}

/**
 * Your imported rows, each predicted now by the shipped engine without your rows as its evidence (as on
 * Your data), in the same views as the public rows. A calibrated model's own figures are its k-fold
 * cross-validation, on Your data.
 */
function YoursAccuracy({ filters, setFilter, clear }: FilterProps) {
  const batches = useQuery(yoursQuery());
  const rows = batches.data?.reduce((n, b) => n + b.rows, 0) ?? 0;
  const load = useQuery({ ...yoursHoldoutQuery(), enabled: rows > 0 });
  if (batches.isPending) return <p className="muted">Reading your data…</p>;
  if (batches.error)
    return (
      <p role="alert" className="panel panel-error error-text">
        Your data could not be read: {batches.error.message}
      </p>
    );
  if (rows === 0)
    return (
      <p className="panel notice" role="status" data-testid="yours-empty">
        You have no imported rows yet. Import your own measurements on <a href="?page=yours">Your data</a>,
        and they show here predicted vs measured.
      </p>
    );
  if (load.isPending)
    return (
      <p className="muted" role="status">
        Predicting your {count(rows)} rows with the shipped engine…
      </p>
    );
  if (load.error)
    return (
      <div className="panel panel-error" role="alert">
        <p>
          <strong>Your rows could not be predicted.</strong>
        </p>
        <pre className="error-text">{load.error.message}</pre>
        <button type="button" onClick={() => void load.refetch()}>
          Retry
        </button>
      </div>
    );
  return (
    <>
      <p className="muted" data-testid="yours-accuracy-note">
        Each of your rows is predicted now by the shipped engine at the row&rsquo;s own device, model,
        workload and runtime, with none of your rows as its evidence, then compared with what you measured
        (batches over 2,000 rows on an even sample). There are no baselines here: they need the
        evaluation&rsquo;s retrained folds. A calibrated model is judged by its k-fold cross-validation, on
        Your data.
      </p>
      <AccuracyFilterBar filters={filters} onChange={setFilter} onClear={clear} />
      <Results filters={filters} />
    </>
  );
}

function PublicAccuracy({ filters, setFilter, clear }: FilterProps) {
  const load = useQuery(holdoutLoadQuery());
  if (load.isPending)
    return (
      <p className="muted" role="status">
        Loading the held-out evaluation…
      </p>
    );
  if (load.error)
    return (
      <div className="panel panel-error" role="alert">
        <p>
          <strong>The held-out evaluation could not be loaded.</strong>
        </p>
        <pre className="error-text">{load.error.message}</pre>
        <button type="button" onClick={() => void load.refetch()}>
          Retry
        </button>
      </div>
    );
  if (load.data.status === 'missing')
    return (
      <div className="panel notice" role="status" data-testid="holdout-missing">
        <p>
          <strong>This build has no held-out evaluation yet.</strong> The Accuracy page reads{' '}
          <code>public/data/holdout.parquet</code>, which <code>npm run eval</code> writes (every
          leave-one-hardware-out prediction beside its measurement); it is not here.
        </p>
        <p className="muted">{load.data.reason}</p>
      </div>
    );
  return (
    <>
      <AccuracyFilterBar filters={filters} onChange={setFilter} onClear={clear} />
      <Results filters={filters} />
    </>
  );
}
