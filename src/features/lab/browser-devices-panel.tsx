import { ScrollRegion } from './scroll-region.tsx';
import type { ModelRow } from '../../core/catalog/schema.ts';
import type { BrowserProfile } from '../../core/lab/profile.ts';
import { browserDevices } from '../../core/lab/profile.ts';
import { calibratedLatency, labEfficiencies } from '../../core/lab/calibration.ts';
import type { RunReport } from '../../core/lab/types.ts';
import { sig3 } from '../../core/format.ts';
import type { RankedRow } from '../../core/select/rank.ts';
import { rankRequestFor } from '../../core/select/selection-request.ts';
import type { RankingResult } from '../../queries/ranking.ts';
import { useAppStore } from '../../state/store.ts';

/** The profile as hardware (its measured peaks), and the selected model ranked on this browser's backends. */
export function BrowserDevicesPanel(props: {
  profile: BrowserProfile;
  own: boolean;
  model: ModelRow | null;
  ranking: RankingResult | undefined;
  /** This browser's real run (when `own`): calibrates the prediction for models of the same op class. */
  run: RunReport | null;
  width: number;
}) {
  const { profile, own, model, ranking, run, width } = props;
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const devices = browserDevices(profile);
  const top = ranking?.ranking.top ?? null;
  const selectionPrecision = selection.precision;
  const effs = own && run ? labEfficiencies(run.timings, devices) : [];
  const calibrated = (row: RankedRow) => {
    if (!model || row.precision !== 'fp32' || effs.length === 0) return null;
    const w = rankRequestFor(selection, model, [row.hardware]).workload;
    return calibratedLatency({ ...w, precision: 'fp32', nDevices: 1 }, row.hardware, effs, width);
  };
  const topCal = top ? calibrated(top) : null;
  return (
    <section className="panel lab-section" aria-labelledby="lab-devices">
      <h2 id="lab-devices">This browser as hardware</h2>
      {!own && (
        <p className="notice" role="status" data-testid="shared-profile">
          This profile came with the link: it was measured in {profile.label}, not necessarily in this
          browser. Measure this browser to replace it.
        </p>
      )}
      <ScrollRegion label="This browser's devices">
        <table className="data-table" aria-label="This browser's devices">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">fp32 (measured)</th>
              <th scope="col">fp16</th>
              <th scope="col">Bandwidth</th>
              <th scope="col">Memory</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                <td>{d.fp32_tflops !== null ? `${sig3(d.fp32_tflops * 1000)} GFLOPS` : '–'}</td>
                <td>{d.fp16_tflops !== null ? `${sig3(d.fp16_tflops * 1000)} GFLOPS` : '–'}</td>
                <td>{d.mem_bw_gbs !== null ? `${sig3(d.mem_bw_gbs)} GB/s` : '–'}</td>
                <td>{d.memory_gb !== null ? `${d.memory_gb} GB` : 'not exposed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {model && ranking && (
        <div data-testid="browser-verdict">
          <h3>
            {model.name} in this browser (
            {ranking.kind === 'learned' ? 'learned engine' : 'roofline, refining…'})
          </h3>
          {top ? (
            <p>
              Use <strong>{top.hardware.name}</strong> at {top.precision}:{' '}
              {top.latency
                ? `${sig3(top.latency.value)} ms per batch (80%: ${sig3(top.latency.low)}–${sig3(top.latency.high)})`
                : ''}
              {top.throughput ? `, ${sig3(top.throughput.value)} ${top.throughput.unit}` : ''}.
            </p>
          ) : null}
          {top && topCal ? (
            <p data-testid="calibrated-verdict">
              Calibrated on this browser’s real run: <strong>{sig3(topCal.value)} ms per batch</strong> (80%:{' '}
              {sig3(topCal.low)}–{sig3(topCal.high)}) — {topCal.explanation}.
            </p>
          ) : null}
          {top ? null : (
            <>
              <p>No backend of this browser can run it at {selectionPrecision}:</p>
              <ul>
                {ranking.ranking.excluded
                  .filter((e) => e.hardware.kind === 'browser')
                  .map((e) => (
                    <li key={`${e.hardware.id}|${e.precision ?? ''}|${e.reason}`}>
                      {e.hardware.name}: {e.reason}
                    </li>
                  ))}
              </ul>
              <p className="muted">The web fit below says which precision would fit.</p>
            </>
          )}
          {ranking.ranking.ranked.length > 1 && (
            <ul>
              {ranking.ranking.ranked.slice(1).map((r) => (
                <li key={`${r.hardware.id}|${r.precision}`}>
                  {r.hardware.name} at {r.precision}:{' '}
                  {r.latency ? `${sig3(r.latency.value)} ms per batch` : 'no latency'}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p>
        <button
          type="button"
          onClick={() => setSelection({ page: 'recommend' }, 'push')}
          title="The Recommend page ranks these devices beside the catalog"
        >
          Compare with every device on Recommend
        </button>
      </p>
    </section>
  );
}
