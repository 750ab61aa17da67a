/** Turns parsers' raw measurements into snapshot rows: resolve names, normalize precision and units, validate. */
import type { MeasurementRow, ModelRow } from '../../src/core/catalog/schema.ts';
import { METRIC_UNITS } from '../../src/core/catalog/schema.ts';
import { normalizePrecision, normalizeValue } from '../../src/core/catalog/normalize.ts';
import type { NameIndex } from '../../src/core/catalog/resolve.ts';
import { runtimeClassOf } from '../../src/core/catalog/runtime.ts';
import { isGenerative } from '../../src/core/roofline/workload.ts';
import type { Drop, RawMeasurement } from './types.ts';

export interface Assembled {
  rows: MeasurementRow[];
  drops: Drop[];
  /** Raw name → number of rows dropped because it did not resolve (or resolved ambiguously). */
  unresolvedHardware: Map<string, number>;
  unresolvedModels: Map<string, number>;
}

const intOrNull = (v: number | null | undefined): number | null =>
  v == null || !Number.isFinite(v) ? null : Math.round(v);

function resolveOrReason(index: NameIndex, raw: string, what: string): { id: string } | { reason: string } {
  const r = index.resolve(raw);
  if (r.kind === 'found') return { id: r.id };
  if (r.kind === 'ambiguous') return { reason: `ambiguous ${what} "${raw}": ${r.candidates.join(', ')}` };
  return { reason: `unknown ${what} "${raw}"` };
}

/**
 * Assemble one source's raw rows. Every input row ends up in `rows` or `drops` (with a reason). `modelRows`
 * (catalog rows by id) class each runtime with its model: TensorRT running a generative LLM is TensorRT-LLM.
 */
export function assembleMeasurements(
  sourceId: string,
  raw: readonly RawMeasurement[],
  hardware: NameIndex,
  models: NameIndex,
  modelRows: ReadonlyMap<string, Pick<ModelRow, 'architecture' | 'modality'>>,
): Assembled {
  const out: Assembled = { rows: [], drops: [], unresolvedHardware: new Map(), unresolvedModels: new Map() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const seen = new Set<string>();

  for (const r of raw) {
    const drop = (reason: string) =>
      out.drops.push({ source_file: r.source_file, source_row: r.source_row, reason });
    const hw = resolveOrReason(hardware, r.hardware, 'hardware');
    if ('reason' in hw) {
      bump(out.unresolvedHardware, r.hardware);
      drop(hw.reason);
      continue;
    }
    const model = resolveOrReason(models, r.model, 'model');
    if ('reason' in model) {
      bump(out.unresolvedModels, r.model);
      drop(model.reason);
      continue;
    }
    const precision = normalizePrecision(r.precision);
    if (precision === null) {
      drop(`unknown precision "${r.precision}"`);
      continue;
    }
    if (!(r.metric in METRIC_UNITS)) {
      drop(`unknown metric "${String(r.metric)}"`);
      continue;
    }
    const norm = normalizeValue(r.metric, r.value, r.unit);
    if (norm === null) {
      drop(`unit "${r.unit}" does not fit metric ${r.metric}`);
      continue;
    }
    if (!(norm.value > 0)) {
      drop(`non-positive value ${r.value}`);
      continue;
    }
    if (!Number.isInteger(r.n_devices) || r.n_devices < 1) {
      drop(`bad device count ${r.n_devices}`);
      continue;
    }
    const key = `${r.source_file}#${r.source_row}#${r.metric}#${r.scenario ?? ''}#${r.hardware}#${r.model}#${r.precision}#${r.batch_size ?? ''}`;
    if (seen.has(key)) {
      drop(`duplicate of an earlier row with the same record, metric and scenario`);
      continue;
    }
    seen.add(key);
    const modelRow = modelRows.get(model.id);
    out.rows.push({
      source_id: sourceId,
      source_file: r.source_file,
      source_row: r.source_row,
      hardware_id: hw.id,
      n_devices: r.n_devices,
      model_id: model.id,
      mode: r.mode,
      scenario: r.scenario ?? null,
      precision,
      batch_size: intOrNull(r.batch_size),
      seq_len: intOrNull(r.seq_len),
      prompt_tokens: intOrNull(r.prompt_tokens),
      gen_tokens: intOrNull(r.gen_tokens),
      image_size: intOrNull(r.image_size),
      metric: r.metric,
      value: norm.value,
      unit: norm.unit,
      runtime: r.runtime ?? null,
      runtime_class: runtimeClassOf(r.runtime, { generative: modelRow ? isGenerative(modelRow) : false }),
      date: r.date ?? null,
      provenance: 'measured',
      flags: '',
    });
  }
  return out;
}
