/**
 * The browser lab harness: runs the probe and the microbenchmarks with no app around them and publishes the
 * JSON on `window.__lab` (and in a <pre>). `?budget=ms` sets the measure budget, `?abortAfter=ms` cancels the
 * measure after that long, `?measure=0` probes only.
 */
import type { MeasureProgress, MeasureReport, ProbeReport } from '../core/lab/types.ts';
import { measureBrowser } from '../adapters/probe/lab-client.ts';
import { probeBrowser } from '../adapters/probe/probe.ts';

/** What the harness publishes. */
export interface LabHarnessState {
  probe?: ProbeReport;
  measure?: MeasureReport;
  progress?: MeasureProgress[];
  probeMs?: number;
  done?: boolean;
  error?: string;
}

declare global {
  interface Window {
    __lab?: LabHarnessState;
  }
}

const status = document.getElementById('status');
const out = document.getElementById('out');

function publish(patch: LabHarnessState): void {
  window.__lab = { ...window.__lab, ...patch };
  if (out) out.textContent = JSON.stringify(window.__lab, null, 2);
}

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const t0 = performance.now();
  publish({ probe: await probeBrowser(), probeMs: performance.now() - t0, progress: [] });
  if (params.get('measure') !== '0') {
    if (status) status.textContent = 'Measuring…';
    const budget = Number(params.get('budget'));
    const abortAfter = Number(params.get('abortAfter'));
    const controller = new AbortController();
    if (abortAfter > 0) setTimeout(() => controller.abort(), abortAfter);
    const progress: MeasureProgress[] = [];
    const measure = await measureBrowser({
      ...(budget > 0 ? { budgetMs: budget } : {}),
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (status) status.textContent = `${p.id}: ${p.stage} (${Math.round(p.fraction * 100)}%)`;
      },
    });
    publish({ measure, progress });
  }
  if (status) status.textContent = 'Done.';
  publish({ done: true });
}

run().catch((err: unknown) => {
  publish({ done: true, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  if (status) status.textContent = 'Failed.';
});
