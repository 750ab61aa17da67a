import { useEffect } from 'react';
import { lazy, Suspense } from 'react';
import { FeatureBoundary } from '../components/error-boundary.tsx';
import { useAppStore } from '../state/store.ts';
import { DbGate } from './db-gate.tsx';
import { Nav, NAV_PAGES } from './nav.tsx';
import { UrlNotice } from './url-notice.tsx';
import { useUrlSync } from './use-url-sync.ts';
import { useLocalRowsFresh } from '../features/explore/use-local-rows-fresh.ts';

// Pages load on demand, so the first paint carries only the shell (DuckDB, tfjs and Recharts come later).
const DataPage = lazy(() =>
  import('../features/explore/data-page.tsx').then((m) => ({ default: m.DataPage })),
);
const SqlBox = lazy(() => import('../features/explore/sql-box.tsx').then((m) => ({ default: m.SqlBox })));
const RecommendPage = lazy(() =>
  import('../features/recommend/recommend-page.tsx').then((m) => ({ default: m.RecommendPage })),
);
const PredictPage = lazy(() =>
  import('../features/predict/predict-page.tsx').then((m) => ({ default: m.PredictPage })),
);
const ComparePage = lazy(() =>
  import('../features/compare/compare-page.tsx').then((m) => ({ default: m.ComparePage })),
);
const MatrixPage = lazy(() =>
  import('../features/matrix/matrix-page.tsx').then((m) => ({ default: m.MatrixPage })),
);
const LabPage = lazy(() => import('../features/lab/lab-page.tsx').then((m) => ({ default: m.LabPage })));
const YoursPage = lazy(() =>
  import('../features/yours/yours-page.tsx').then((m) => ({ default: m.YoursPage })),
);
const AccuracyPage = lazy(() =>
  import('../features/accuracy/accuracy-page.tsx').then((m) => ({ default: m.AccuracyPage })),
);
const AccuracyIntro = lazy(() =>
  import('../features/accuracy/accuracy-page.tsx').then((m) => ({ default: m.AccuracyIntro })),
);
const SourcesIntro = lazy(() =>
  import('../features/sources/sources-page.tsx').then((m) => ({ default: m.SourcesIntro })),
);
const SourcesTable = lazy(() =>
  import('../features/sources/sources-page.tsx').then((m) => ({ default: m.SourcesTable })),
);

/** The shell: header, nav, and the current page. Each feature has its own error boundary. */
export function App() {
  const page = useAppStore((s) => s.selection.page);
  const startDb = useAppStore((s) => s.startDb);
  useUrlSync();
  // A lab run stores local rows: the Data and Sources pages' cached queries go stale.
  useLocalRowsFresh();
  // DuckDB serves the Data and Sources pages; the predictor pages decode the snapshot themselves, so they
  // do not pay for a database start competing with the engine for the CPU.
  useEffect(() => {
    // Only the first visit starts it; after a failure, the user retries (Retry button).
    if (
      (page === 'data' || page === 'sources' || page === 'accuracy') &&
      useAppStore.getState().dbStatus === 'idle'
    )
      startDb();
  }, [page, startDb]);

  return (
    <div className="shell">
      <header className="header">
        <span className="brand">Rooflight</span>
        <p className="tagline">Which hardware should run this model, how fast?</p>
        <Nav />
      </header>
      <UrlNotice />
      <main className="main">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {page === 'data' && (
            <>
              <h1>Measurements</h1>
              <DbGate>
                <FeatureBoundary name="Data">
                  <DataPage />
                </FeatureBoundary>
                <FeatureBoundary name="SQL">
                  <SqlBox />
                </FeatureBoundary>
              </DbGate>
            </>
          )}
          {page === 'yours' && (
            <>
              <h1>Your data</h1>
              <FeatureBoundary name="Your data">
                <YoursPage />
              </FeatureBoundary>
            </>
          )}
          {page === 'recommend' && (
            <>
              <h1>Recommend hardware</h1>
              <FeatureBoundary name="Recommend">
                <RecommendPage />
              </FeatureBoundary>
            </>
          )}
          {page === 'predict' && (
            <>
              <h1>Predict</h1>
              <FeatureBoundary name="Predict">
                <PredictPage />
              </FeatureBoundary>
            </>
          )}
          {page === 'compare' && (
            <>
              <h1>Compare hardware</h1>
              <FeatureBoundary name="Compare">
                <ComparePage />
              </FeatureBoundary>
            </>
          )}
          {!(NAV_PAGES as readonly string[]).includes(page) && (
            <>
              <h1>Not here yet</h1>
              <p className="muted">The “{page}” page is not part of this version of Rooflight.</p>
            </>
          )}
          {page === 'matrix' && (
            <>
              <h1>Compatibility matrix</h1>
              <FeatureBoundary name="Matrix">
                <MatrixPage />
              </FeatureBoundary>
            </>
          )}
          {page === 'lab' && (
            <>
              <h1>Browser lab</h1>
              <FeatureBoundary name="Lab">
                <LabPage />
              </FeatureBoundary>
            </>
          )}
          {page === 'accuracy' && (
            <>
              <h1>Accuracy on unseen hardware</h1>
              <AccuracyIntro />
              <DbGate>
                <FeatureBoundary name="Accuracy">
                  <AccuracyPage />
                </FeatureBoundary>
              </DbGate>
            </>
          )}
          {page === 'sources' && (
            <>
              <SourcesIntro />
              <DbGate>
                <FeatureBoundary name="Sources">
                  <SourcesTable />
                </FeatureBoundary>
              </DbGate>
            </>
          )}
        </Suspense>
      </main>
      <footer className="footer">
        Everything runs in your browser: DuckDB-WASM over a Parquet snapshot of public benchmarks. See Sources
        for credits and licenses.
      </footer>
    </div>
  );
}
