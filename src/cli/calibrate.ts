/**
 * `eval --with my.csv --calibrate`: calibration on your rows exactly as the app's "Calibrate on my data"
 * runs it (adapters/calibrate-run.ts): the k-fold cross-validation of the shipped model against one
 * fine-tuned on the other folds, and whether the calibrated model would be kept.
 */
import { runCalibration } from '../adapters/calibrate-run.ts';
import type { NodeEngine } from '../adapters/engine-node.ts';
import type { CalibrationReport } from '../core/calibrate/report.ts';
import type { PairScore } from '../core/calibrate/score.ts';
import type { MeasurementRow } from '../core/catalog/schema.ts';

const pct = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(1)}%`);

function line(label: string, rows: number, s: PairScore | null): string {
  return `${label.padEnd(10)} ${String(rows).padStart(6)} ${String(s?.n ?? 0).padStart(7)}  ${pct(s?.before.mdape).padStart(8)} → ${pct(s?.after.mdape).padEnd(7)}  ${pct(s?.before.within25).padStart(7)} → ${pct(s?.after.within25)}`;
}

/** The report as the CLI prints it: folds, pooled, the decision and what was used. */
export function renderCalibration(r: CalibrationReport): string {
  const lines = [
    `calibration on ${r.rows} of your rows (${r.used} with a roofline efficiency, ${r.workloads} workloads), from model ${r.shippedVersion}:`,
  ];
  if (r.k >= 2) {
    lines.push(
      '',
      `${r.k}-fold cross-validation (shipped → calibrated):`,
      `${'fold'.padEnd(10)} ${'rows'.padStart(6)} ${'scored'.padStart(7)}  ${'MdAPE'.padStart(8)}   ${''.padEnd(7)}  ${'±25%'.padStart(7)}`,
      ...r.folds.map((f) => line(`  ${f.fold + 1}`, f.rows, f.score)),
      line(
        '  all',
        r.folds.reduce((n, f) => n + f.rows, 0),
        r.pooled,
      ),
    );
  }
  if (r.folds.some((f) => f.rows > r.settings.scoredPerFold))
    lines.push(`(folds of over ${r.settings.scoredPerFold} rows are scored on an even sample of that many)`);
  for (const s of r.skipped) lines.push(`not used: ${s.rows} rows, ${s.reason}`);
  lines.push(
    '',
    r.decision.summary,
    `(${r.settings.steps} steps per tune, learning rate ${r.settings.learningRate}, ${r.settings.replay} replayed snapshot rows; ${(r.timings.totalMs / 1000).toFixed(1)} s)`,
  );
  return lines.join('\n');
}

/** Run the calibration on `rows` over the CLI's engine; null when no learned model is loaded. */
export async function calibrateRows(
  base: NodeEngine,
  rows: readonly MeasurementRow[],
  log: (s: string) => void,
): Promise<CalibrationReport | null> {
  if (!base.model) return null;
  const { selectTfBackend } = await import('../adapters/tfjs-backend-node.ts');
  let last = -1;
  const { report } = await runCalibration({
    tf: await selectTfBackend('wasm'),
    snapshot: base.snapshot,
    manifest: base.manifest,
    shipped: base.model,
    observations: base.observations,
    rows,
    onProgress: (p) => {
      const step = Math.floor(p.fraction * 10);
      if (step > last) log(`calibrating: ${step * 10}%`);
      last = step;
    },
  });
  return report;
}
