import { useMemo } from 'react';
import { FeatureBoundary } from '../../components/error-boundary.tsx';
import { WorkloadFields } from '../../components/workload-fields.tsx';
import { compareKey, MIN_COMPARE } from '../../core/compare/devices.ts';
import { compareLines } from '../../core/compare/table.ts';
import { compareVerdict, itemWord, verdictRun, type VerdictMetric } from '../../core/compare/verdict.ts';
import { DEFAULT_SELECTION } from '../../core/share/selection.ts';
import type { CompareResult } from '../../queries/compare.ts';
import { useAppStore } from '../../state/store.ts';
import { CompareCharts } from './compare-charts.tsx';
import { CompareTable } from './compare-table.tsx';
import { DevicePicker } from './device-picker.tsx';
import { NearestSection } from './nearest-section.tsx';
import { RuntimesSection } from './runtimes-section.tsx';
import { useComparison } from './use-comparison.ts';
import './compare.css';

/** Which engine answered, and whether a refinement is on its way. */
function Status(props: { shown: CompareResult | undefined; stale: boolean; refining: boolean }) {
  const { shown } = props;
  if (!shown)
    return (
      <p className="muted ranking-status" role="status" data-testid="compare-status">
        Comparing…
      </p>
    );
  return (
    <p className="ranking-status" role="status" data-testid="compare-status">
      <span className={`badge badge-${shown.kind}`}>
        {shown.kind === 'learned'
          ? 'learned model'
          : props.refining
            ? 'roofline estimate — refining…'
            : 'roofline estimate'}
      </span>
      <span className="muted">{props.stale ? ' updating…' : ` compared in ${Math.round(shown.ms)} ms`}</span>
    </p>
  );
}

/** The verdict in plain words, one sentence per device against the best. */
function VerdictPanel({ result, metric }: { result: CompareResult; metric: VerdictMetric }) {
  const verdict = useMemo(() => {
    const first = result.entries.find((e) => e.row)?.row;
    return compareVerdict(
      result.entries.map((e) => ({
        id: e.hardware.id,
        name: e.hardware.name,
        run: e.row ? verdictRun(e.row, metric) : null,
        reason: e.reason,
      })),
      metric,
      first ? itemWord(first) : 'item',
    );
  }, [result, metric]);
  return (
    <section className="panel compare-verdict" aria-labelledby="compare-verdict-title" data-testid="verdict">
      <h2 id="compare-verdict-title">Verdict</h2>
      {verdict.sentences.map((s) => (
        <p key={s}>{s}</p>
      ))}
    </section>
  );
}

/**
 * Compare: the shared workload on 2–6 chosen devices (`hardware=` in the link), side by side — every metric
 * with its interval, curves, memory against capacity, cost and energy, the roofline, the runtimes each has
 * evidence for, the nearest measurements, and a verdict in words.
 */
export function ComparePage() {
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const c = useComparison(selection);
  const shown = c.shown;
  const base = c.learnedEngine.data ?? c.fastEngine.data;
  const metric: VerdictMetric = selection.objective === 'latency' ? 'latency' : 'throughput';
  const key = compareKey(c.effective);
  const engine = shown?.kind === 'learned' ? c.learnedEngine.data : c.fastEngine.data;
  const problem =
    c.chosen?.problem ??
    (selection.hardware.length < MIN_COMPARE ? `Choose at least ${MIN_COMPARE} devices to compare.` : null);
  const rows = shown ? shown.entries.flatMap((e) => (e.row ? [e.row] : [])) : [];
  const caption =
    `${shown?.entries.length ?? 0} devices on ${c.model?.name ?? selection.model}` +
    `${shown?.scenario === 'offline' ? ', offline: each at its best batch and layout' : ''}; ` +
    'predictions with their 80% intervals; “best” marks the best of each row.';
  return (
    <div className="compare">
      <p className="muted">
        One workload on the devices you choose, side by side. The workload is the one Recommend and Predict
        share, and the link keeps it with the devices.
      </p>
      <div className="compare-setup">
        <form className="compare-workload" aria-label="Workload" onSubmit={(e) => e.preventDefault()}>
          <FeatureBoundary name="Controls">
            <WorkloadFields
              selection={selection}
              model={c.model}
              models={base?.snapshot.models ?? []}
              set={setSelection}
            />
          </FeatureBoundary>
        </form>
        <DevicePicker
          ids={selection.hardware}
          chosen={c.chosen ?? { devices: [], unknown: [], overflow: [], problem }}
          catalog={c.catalog}
          onChange={(hardware) => setSelection({ hardware })}
        />
      </div>
      {c.fastEngine.isError && c.learnedEngine.isError && (
        <div role="alert" className="panel panel-error">
          <p className="error-text">The predictor could not load: {c.fastEngine.error.message}</p>
          <button
            type="button"
            onClick={() => {
              void c.fastEngine.refetch();
              void c.learnedEngine.refetch();
            }}
          >
            Retry
          </button>
        </div>
      )}
      {problem ? (
        <p className="panel notice" role="status" data-testid="compare-problem">
          {problem}{' '}
          {c.chosen && c.chosen.unknown.length > 0 && (
            <>
              The link names {c.chosen.unknown.length === 1 ? 'a device' : 'devices'} this catalog does not
              have ({c.chosen.unknown.map((u) => `“${u}”`).join(', ')}).{' '}
            </>
          )}
          Add devices with the picker above, or open Compare from a row of the Recommend ranking.
        </p>
      ) : !base ? (
        <p className="muted" role="status">
          Loading the snapshot…
        </p>
      ) : (
        <>
          <Status
            shown={shown}
            stale={c.stale}
            refining={!c.learnedEngine.isError && shown?.kind !== 'learned'}
          />
          {c.chosen && c.chosen.unknown.length > 0 && (
            <p className="panel notice" role="status" data-testid="compare-unknown">
              Not compared: {c.chosen.unknown.map((u) => `“${u}”`).join(', ')}{' '}
              {c.chosen.unknown.length === 1 ? 'is not a device' : 'are not devices'} in this catalog.
            </p>
          )}
          {c.unknownModel && (
            <p className="panel notice" role="status">
              The link names a model this catalog does not have (“{c.unknownModel}”); comparing{' '}
              {DEFAULT_SELECTION.model} instead.
            </p>
          )}
          {c.modelError && (
            <p className="error-text" role="alert">
              The custom model cannot be compared: {c.modelError}
            </p>
          )}
          {(c.fast.error ?? c.refined.error) && (
            <p className="error-text" role="alert">
              Comparison failed: {(c.fast.error ?? c.refined.error)?.message}
            </p>
          )}
          {shown && (
            <FeatureBoundary name="Comparison">
              <VerdictPanel result={shown} metric={metric} />
              <CompareTable entries={shown.entries} lines={compareLines(shown.entries)} caption={caption} />
              <FeatureBoundary name="Charts">
                <CompareCharts result={shown} engine={engine} model={c.model} compareKey={key} />
              </FeatureBoundary>
              <FeatureBoundary name="Runtimes">
                <RuntimesSection
                  compareKey={key}
                  engine={c.learnedEngine.data}
                  selection={c.effective}
                  model={c.model}
                  rows={rows}
                />
              </FeatureBoundary>
              {/* The measurement rows come with the learned engine (the fast one loads the catalog only). */}
              {c.model && c.learnedEngine.data && (
                <NearestSection
                  entries={shown.entries}
                  measurements={c.learnedEngine.data.snapshot.measurements}
                  models={c.learnedEngine.data.snapshot.models}
                  model={c.model}
                  selection={c.effective}
                />
              )}
            </FeatureBoundary>
          )}
        </>
      )}
    </div>
  );
}
