import { ScrollRegion } from './scroll-region.tsx';
import type { BenchmarkResult } from '../../core/lab/types.ts';
import { sig3 } from '../../core/format.ts';
import { useAppStore } from '../../state/store.ts';

const LABELS: Record<BenchmarkResult['id'], string> = {
  'webgpu-matmul-fp32': 'WebGPU matmul, fp32',
  'webgpu-matmul-fp16': 'WebGPU matmul, fp16',
  'webgpu-copy': 'WebGPU copy bandwidth',
  'wasm-matmul': 'tfjs WASM matmul',
  'js-matmul': 'Plain JS matmul (reference)',
  'wasm-copy': 'Memory copy in a worker',
  'webnn-matmul': 'WebNN matmul',
};

/** The microbenchmarks: start, progress, cancel, and every result (skips and failures with their reason). */
export function MeasurePanel() {
  const task = useAppStore((s) => s.labTask);
  const progress = useAppStore((s) => s.labProgress);
  const report = useAppStore((s) => s.labMeasure);
  const measure = useAppStore((s) => s.measureLab);
  const cancel = useAppStore((s) => s.cancelLab);
  const measuring = task === 'measuring';
  return (
    <section className="panel lab-section" aria-labelledby="lab-measure">
      <h2 id="lab-measure">Measure</h2>
      <p className="muted">
        Matmul throughput and memory bandwidth per backend, timed in a Web Worker (bounded to under a minute;
        you can cancel). The achieved figures become this browser’s peaks.
      </p>
      <div className="lab-actions">
        <button type="button" onClick={() => void measure()} disabled={task !== 'idle'}>
          {report ? 'Measure again' : 'Measure this browser'}
        </button>
        {measuring && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      {measuring && (
        <div role="status" aria-live="polite">
          <div
            className="progress"
            role="progressbar"
            aria-label="Measuring"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round((progress?.fraction ?? 0) * 100)}
          >
            <div className="progress-fill" style={{ width: `${(progress?.fraction ?? 0) * 100}%` }} />
          </div>
          <p className="muted">{progress?.stage ?? 'Starting the worker…'}</p>
        </div>
      )}
      {report && (
        <>
          {report.cancelled && (
            <p className="notice" role="status">
              Measuring stopped before every benchmark finished; the finished ones are kept.
            </p>
          )}
          <ScrollRegion label="Measured peaks">
            <table className="data-table" aria-label="Measured peaks">
              <thead>
                <tr>
                  <th scope="col">Benchmark</th>
                  <th scope="col">Result</th>
                  <th scope="col">Size</th>
                  <th scope="col">Timing</th>
                  <th scope="col">Ran on</th>
                </tr>
              </thead>
              <tbody>
                {report.results.map((r) => (
                  <tr key={r.id} data-benchmark={r.id} data-status={r.status}>
                    <th scope="row">{LABELS[r.id]}</th>
                    <td data-testid="benchmark-value">
                      {r.status === 'ok' && r.value !== null
                        ? `${sig3(r.value)} ${r.unit}${r.verified === false ? ' (wrong result!)' : ''}`
                        : `${r.status}${r.note ? `: ${r.note}` : ''}`}
                    </td>
                    <td>{r.size}</td>
                    <td>
                      {r.timing ?? '–'}
                      {r.medianMs !== null ? `, median ${sig3(r.medianMs)} ms of ${r.reps}` : ''}
                    </td>
                    <td>{r.ranOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="muted">Took {(report.elapsedMs / 1000).toFixed(1)} s.</p>
        </>
      )}
    </section>
  );
}
