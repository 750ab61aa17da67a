import type { ReactNode } from 'react';
import { useAppStore } from '../state/store.ts';

/** Renders children once the snapshot is loaded; until then a progress bar, or the load error and Retry. */
export function DbGate({ children }: { children: ReactNode }) {
  const status = useAppStore((s) => s.dbStatus);
  const stage = useAppStore((s) => s.dbStage);
  const fraction = useAppStore((s) => s.dbFraction);
  const error = useAppStore((s) => s.dbError);
  const startDb = useAppStore((s) => s.startDb);

  if (status === 'ready') return children;
  if (status === 'failed') {
    return (
      <div className="panel panel-error" role="alert" data-testid="db-error">
        <p>
          <strong>The benchmark snapshot could not be loaded.</strong>
        </p>
        <pre className="error-text">{error}</pre>
        <button type="button" onClick={startDb}>
          Retry
        </button>
      </div>
    );
  }
  const pct = Math.round(fraction * 100);
  return (
    <div className="panel loading" aria-live="polite">
      <p className="stage">{stage || 'Starting…'}</p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Loading the benchmark snapshot"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${stage} (${pct}%)`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
