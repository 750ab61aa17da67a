import type { ImportProgress } from '../../adapters/import-worker/protocol.ts';

const NUMBER = new Intl.NumberFormat('en-US');

function stageText(file: string, p: ImportProgress | null): string {
  if (!p || p.stage === 'stored') return 'Reading your earlier imports (to find duplicates)…';
  if (p.stage === 'reading') return `Reading ${file}…`;
  if (p.stage === 'decoding-parquet') return `Decoding ${file} (Parquet)…`;
  return `Checking rows: ${NUMBER.format(p.done)} of ${NUMBER.format(p.total)}`;
}

/** The running import: its stage, a progress bar (rows checked) and Cancel. */
export function ImportProgressBar(props: {
  file: string;
  progress: ImportProgress | null;
  onCancel: () => void;
}) {
  const { file, progress, onCancel } = props;
  const checking = progress?.stage === 'checking' && progress.total > 0;
  const pct = checking ? Math.round((progress.done / progress.total) * 100) : null;
  const text = stageText(file, progress);
  return (
    <div className="panel import-progress" data-testid="import-progress">
      <p aria-live="polite">{text}</p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        {...(pct === null ? {} : { 'aria-valuenow': pct })}
        aria-valuetext={text}
      >
        <div
          className={`progress-fill${pct === null ? ' progress-busy' : ''}`}
          style={{ width: `${pct ?? 30}%` }}
        />
      </div>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
