/**
 * "Calibrate on my data" (`npm run bench -- --only calibration`), in Node on tfjs's wasm backend (the
 * backend the app's calibration worker uses), through the same function the worker runs
 * (src/adapters/calibrate-run.ts):
 * - the time to calibrate on 1,000 of your rows (k-fold cross-validation, then the final fine-tune);
 * - on a held-out part of the same imported set, never seen by the calibration: the prediction error of
 *   the shipped and of the calibrated model, both with the calibration part as evidence and predicted as the
 *   pages predict (calibrate-run.ts predictAsOnPages), as the cross-validation does.
 *
 * The imported set is simulated, and says so in the output: snapshot rows of one RTX 4090 (every source,
 * timm sampled down) with every value 30% slower than the snapshot's, as if the card were power-capped. The
 * shipped model has seen the unchanged rows, so the control set (the same rows unchanged) measures what
 * calibration gains, or loses, on data the model already knows.
 */
import { predictAsOnPages, runCalibration } from '../../src/adapters/calibrate-run.ts';
import { engineWithImported } from '../../src/adapters/engine-imported.ts';
import { loadEngineNode, type NodeEngine } from '../../src/adapters/engine-node.ts';
import { selectTfBackend } from '../../src/adapters/tfjs-backend-node.ts';
import { TfjsEfficiencyModel } from '../../src/adapters/tfjs-model.ts';
import { toArrayBuffer } from '../../src/adapters/bytes.ts';
import { assignFolds } from '../../src/core/calibrate/folds.ts';
import type { MeasurementRow } from '../../src/core/catalog/schema.ts';
import { accuracy } from '../../src/core/predict/accuracy.ts';
import type { EfficiencyModel } from '../../src/core/predict/types.ts';
import { observe, queryOf, RATE_METRICS } from '../../src/core/predict/observation.ts';
import { rng } from '../../src/core/random.ts';

const DEVICE = 'nvidia-rtx-4090';
/** Calibration part; the held-out part is one fifth of the whole set's workloads on top. */
const ROWS = 1000;
const SLOWER = 0.7;

/** `n` rows of DEVICE: every non-timm row, then timm rows drawn evenly (a seeded draw), renumbered as yours. */
function simulatedSet(ne: NodeEngine, n: number, factor: number, batch: string): MeasurementRow[] {
  const rows = ne.snapshot.measurements.filter(
    (r) => r.hardware_id === DEVICE && r.metric !== 'memory_mb' && !r.flags.includes('outlier'),
  );
  const other = rows.filter((r) => r.source_id !== 'timm');
  const timm = rows.filter((r) => r.source_id === 'timm');
  const random = rng(2026);
  const picked = [...other, ...timm.filter(() => random() < (n - other.length) / timm.length)];
  return picked.map((r, i) => ({
    ...r,
    source_id: `yours:${batch}`,
    source_file: `${batch}.csv`,
    source_row: i + 1,
    flags: 'yours',
    value: RATE_METRICS.has(r.metric) ? r.value * factor : r.value / factor,
  }));
}

async function heldOutError(
  ne: NodeEngine,
  model: EfficiencyModel,
  evidence: readonly MeasurementRow[],
  held: readonly MeasurementRow[],
  calibrated: boolean,
) {
  const built = await engineWithImported(
    { snapshot: ne.snapshot, manifest: ne.manifest, model, observations: ne.observations },
    evidence,
    null,
    { calibrated },
  );
  const obs = observe(
    held,
    new Map(ne.snapshot.hardware.map((h) => [h.id, h])),
    new Map(ne.snapshot.models.map((m) => [m.id, m])),
  ).observations;
  const [preds] = await predictAsOnPages([built.engine], obs.map(queryOf), () => {});
  const a = accuracy(preds!.flatMap((p, i) => (p.ok ? [{ truth: obs[i]!.row.value, pred: p.value }] : [])));
  return a && { rows: a.n, mdape: a.mdape, within25: a.within25 };
}

async function oneSet(
  ne: NodeEngine,
  tf: Awaited<ReturnType<typeof selectTfBackend>>,
  factor: number,
  log: (s: string) => void,
) {
  const name = factor === 1 ? 'control' : 'slower';
  const set = simulatedSet(ne, Math.round(ROWS * 1.25), factor, name);
  // Hold out one fold of five (whole workloads, as the cross-validation does): never used to calibrate.
  const { fold } = assignFolds(set, 5);
  const calib = set.filter((_, i) => fold[i] !== 0);
  const held = set.filter((_, i) => fold[i] === 0);
  log(`calibration (${name}): calibrating on ${calib.length} rows, ${held.length} held out`);
  const t0 = performance.now();
  const result = await runCalibration({
    tf,
    snapshot: ne.snapshot,
    manifest: ne.manifest,
    shipped: ne.model!,
    observations: ne.observations,
    rows: calib,
  });
  const wallMs = Math.round(performance.now() - t0);
  const r = result.report;
  log(`calibration (${name}): ${(wallMs / 1000).toFixed(1)} s; ${r.decision.summary}`);
  const calibrated = result.model
    ? await TfjsEfficiencyModel.load(tf, {
        modelJson: JSON.parse(result.model.modelJson),
        weights: toArrayBuffer(result.model.weights),
      })
    : null;
  return {
    set:
      factor === 1
        ? `control: ${DEVICE} snapshot rows as they are (the shipped model was trained on them)`
        : `simulated: ${DEVICE} snapshot rows with every value ${Math.round((1 - factor) * 100)}% slower (a power-capped card)`,
    rows: calib.length,
    heldOutRows: held.length,
    wallMs,
    timings: r.timings,
    crossValidation: {
      k: r.k,
      pooled: r.pooled && {
        rows: r.pooled.n,
        mdapeShipped: r.pooled.before.mdape,
        mdapeCalibrated: r.pooled.after.mdape,
        within25Shipped: r.pooled.before.within25,
        within25Calibrated: r.pooled.after.within25,
      },
    },
    kept: r.decision.keep,
    decision: r.decision.summary,
    heldOut: {
      shipped: await heldOutError(ne, ne.model!, calib, held, false),
      calibrated: calibrated ? await heldOutError(ne, calibrated, calib, held, true) : null,
    },
  };
}

export async function calibrationSection(log: (s: string) => void) {
  const tf = await selectTfBackend('wasm');
  const ne = await loadEngineNode(tf);
  if (!ne.model) throw new Error('calibration: models/efficiency did not load');
  const slower = await oneSet(ne, tf, SLOWER, log);
  const control = await oneSet(ne, tf, 1, log);
  return { calibration: { where: `Node ${process.version}, tfjs ${tf.getBackend()}`, slower, control } };
}
