import { useState } from 'react';
import { browserDevices } from '../../core/lab/profile.ts';
import { labReport, type RunComparison } from '../../core/lab/report.ts';
import { urlForSelection } from '../../state/selection-slice.ts';
import { downloadBlob } from '../../adapters/download.ts';
import { useAppStore } from '../../state/store.ts';

type Status =
  { kind: 'idle' } | { kind: 'done'; text: string } | { kind: 'manual'; text: string; why: string };

/** The lab report as JSON (copy or download), and a link that carries the measured profile. */
export function ReportPanel({ comparison }: { comparison: RunComparison[] }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const selection = useAppStore((s) => s.selection);
  const probe = useAppStore((s) => s.labProbe);
  const measure = useAppStore((s) => s.labMeasure);
  const run = useAppStore((s) => s.labRun);
  const running = useAppStore((s) => s.runningVersions);
  const profile = selection.lab;
  const link = profile
    ? new URL(
        urlForSelection(
          { ...selection, page: 'lab', sv: running.snapshot, mv: running.model },
          window.location,
        ),
        window.location.href,
      ).href
    : null;
  const report = () =>
    JSON.stringify(
      labReport({
        generated: new Date().toISOString(),
        app: { snapshot: running.snapshot, model: running.model },
        probe,
        measure,
        profile,
        devices: profile ? browserDevices(profile) : [],
        run,
        comparison,
        link,
      }),
      null,
      2,
    );
  const copy = async (text: string, what: string) => {
    if (!navigator.clipboard?.writeText) {
      setStatus({ kind: 'manual', text, why: 'This browser offers no clipboard access here' });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'done', text: `${what} copied to the clipboard.` });
    } catch (e) {
      setStatus({ kind: 'manual', text, why: `Copying was refused (${(e as Error).message})` });
    }
  };
  const download = () => {
    downloadBlob(
      new Blob([report()], { type: 'application/json' }),
      `rooflight-lab-${new Date().toISOString().slice(0, 10)}.json`,
    );
    setStatus({ kind: 'done', text: 'Report downloaded.' });
  };
  return (
    <section className="panel lab-section" aria-labelledby="lab-report">
      <h2 id="lab-report">Report</h2>
      <div className="lab-actions">
        <button type="button" onClick={() => void copy(report(), 'Report')} disabled={!probe && !profile}>
          Copy report (JSON)
        </button>
        <button type="button" onClick={download} disabled={!probe && !profile}>
          Download report (JSON)
        </button>
        <button type="button" onClick={() => link && void copy(link, 'Link')} disabled={!link}>
          Copy link with this profile
        </button>
      </div>
      {link && (
        <p className="muted">
          The link carries only the measured figures (GFLOPS, GB/s, limits, cores, memory) and the browser’s
          name, so a colleague sees the same predictions.
        </p>
      )}
      <p role="status" className="muted">
        {status.kind === 'done' && status.text}
        {status.kind === 'manual' && `${status.why}; copy it below.`}
      </p>
      {status.kind === 'manual' && (
        <textarea className="lab-json" readOnly aria-label="Copy by hand" value={status.text} rows={6} />
      )}
    </section>
  );
}
