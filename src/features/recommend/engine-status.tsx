import type { UseQueryResult } from '@tanstack/react-query';
import type { BrowserEngine } from '../../adapters/engine-browser.ts';
import type { RankingResult } from '../../queries/ranking.ts';

/** Which ranking is on screen (roofline estimate → learned model), load failures with Retry. */
export function EngineStatus(props: {
  fastEngine: UseQueryResult<BrowserEngine>;
  /** With `calibration` when your calibrated model answers (adapters/engine-calibrated.ts). */
  learnedEngine: UseQueryResult<BrowserEngine & { calibration?: { label: string } | null }>;
  shown: RankingResult | undefined;
  stale: boolean;
}) {
  const { fastEngine, learnedEngine, shown } = props;
  if (fastEngine.isError && learnedEngine.isError)
    return (
      <div role="alert" className="panel panel-error">
        <p className="error-text">The predictor could not load: {fastEngine.error.message}</p>
        <button
          type="button"
          onClick={() => {
            void fastEngine.refetch();
            void learnedEngine.refetch();
          }}
        >
          Retry
        </button>
      </div>
    );
  if (!shown)
    return (
      <p className="muted ranking-status" role="status" data-testid="ranking-status">
        {fastEngine.isPending ? 'Loading the snapshot…' : 'Ranking…'}
      </p>
    );
  const learned = learnedEngine.data;
  const label =
    shown.saved === true
      ? 'learned model — saved on your last visit, rechecking…'
      : shown.kind === 'learned'
        ? learned?.model
          ? `learned model · ${learned.calibration?.label ?? 'the shipped model'}`
          : `roofline estimate (learned model unavailable: ${learned?.modelProblem ?? 'unknown'})`
        : learnedEngine.isError
          ? 'roofline estimate'
          : 'roofline estimate — refining…';
  return (
    <div className="ranking-status" role="status" data-testid="ranking-status">
      <span className={`badge badge-${shown.kind}`}>{label}</span>
      <span className="muted">
        {props.stale ? ' updating…' : ` ranked in ${Math.round(shown.ms)} ms`}
        {learned && ` · snapshot ${learned.manifest.snapshot}`}
      </span>
      {learnedEngine.isError && (
        <span className="error-text">
          {' '}
          The learned model could not load ({learnedEngine.error.message}).{' '}
          <button type="button" className="secondary" onClick={() => void learnedEngine.refetch()}>
            Retry
          </button>
        </span>
      )}
    </div>
  );
}

/** The status line's words for a ranking (used in the table caption). */
export const engineLabel = (r: RankingResult): string =>
  r.kind === 'learned' ? 'learned model' : 'roofline estimate';
