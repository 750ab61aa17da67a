import { lazy, Suspense } from 'react';
import { FeatureBoundary } from '../../components/error-boundary.tsx';
import { useRanking, useRankingMarks } from '../../components/use-ranking.ts';
import { WorkloadFields } from '../../components/workload-fields.tsx';
import { DEFAULT_SELECTION } from '../../core/share/selection.ts';
import { useAppStore } from '../../state/store.ts';
import { ConstraintControls } from './constraint-controls.tsx';
import { CopyLink } from './copy-link.tsx';
import { EngineStatus, engineLabel } from './engine-status.tsx';
import { ExcludedList } from './excluded-list.tsx';
import { NearbyMeasurements } from './nearby-measurements.tsx';
import { RankingTable } from './ranking-table.tsx';
import { TopPicks } from './top-picks.tsx';

// The charts (Recharts, the largest chunk) load after the ranking table is on screen.
const ChartsSection = lazy(() => import('./charts-section.tsx').then((m) => ({ default: m.ChartsSection })));

/** Recommend: workload and constraints (all in the URL) → a ranked, explained list of hardware. */
export function RecommendPage() {
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const r = useRanking(selection);
  useRankingMarks(r.shown);
  const shown = r.shown;
  const models = r.fastEngine.data?.snapshot.models ?? r.learnedEngine.data?.snapshot.models ?? [];
  return (
    <div className="recommend">
      <form
        className="recommend-controls"
        aria-label="Workload and constraints"
        onSubmit={(e) => e.preventDefault()}
      >
        <FeatureBoundary name="Controls">
          <WorkloadFields selection={selection} model={r.model} models={models} set={setSelection} />
          <ConstraintControls selection={selection} set={setSelection} />
        </FeatureBoundary>
      </form>
      <div className="recommend-results">
        <div className="results-bar">
          <EngineStatus
            fastEngine={r.fastEngine}
            learnedEngine={r.learnedEngine}
            shown={shown}
            stale={r.stale}
          />
          <CopyLink />
        </div>
        {selection.lab && (
          <p className="muted" data-testid="lab-included">
            Includes “This browser” devices measured in {selection.lab.label} (from the Lab).
          </p>
        )}
        {shown && selection.scenario === 'offline' && shown.scenario !== 'offline' && (
          <p className="muted" role="status" data-testid="scenario-note">
            Offline (best throughput) searches each device&apos;s batch and layout with the learned model;
            until it has loaded, this ranking is single stream at batch {shown.ranking.ranked[0]?.batch ?? 1}.
          </p>
        )}
        {r.unknownModel && (
          <p className="panel notice" role="status" data-testid="unknown-model">
            The link names a model this catalog does not have (“{r.unknownModel}”); showing{' '}
            {DEFAULT_SELECTION.model} instead. Pick a model to replace it.
          </p>
        )}
        {r.modelError && (
          <p className="error-text" role="alert">
            The custom model cannot be ranked: {r.modelError}
          </p>
        )}
        {(r.fast.error ?? r.refined.error) && (
          <p className="error-text" role="alert">
            Ranking failed: {(r.fast.error ?? r.refined.error)?.message}
          </p>
        )}
        {shown && (
          <FeatureBoundary name="Ranking">
            <TopPicks ranking={shown.ranking} explanations={shown.explanations} />
            <h2>Ranking</h2>
            <RankingTable
              ranking={shown.ranking}
              engineLabel={engineLabel(shown)}
              accuracy={shown.kind === 'learned' && !shown.saved}
            />
            <FeatureBoundary name="Charts">
              <Suspense fallback={<p className="muted">Loading the charts…</p>}>
                <ChartsSection
                  result={shown}
                  engine={shown.kind === 'learned' ? r.learnedEngine.data : r.fastEngine.data}
                  model={r.model}
                  rankKey={r.rankKey}
                />
              </Suspense>
            </FeatureBoundary>
            {/* Family rows come with the learned engine (a saved ranking and the roofline one carry none). */}
            {shown.kind === 'learned' && !shown.saved && (
              <NearbyMeasurements
                rows={[shown.ranking.top, ...shown.ranking.fallbacks].filter((x) => x !== null)}
                family={shown.familyRows}
              />
            )}
            <ExcludedList excluded={shown.ranking.excluded} />
          </FeatureBoundary>
        )}
      </div>
    </div>
  );
}
