/**
 * `matrix`: predictions for models × hardware × batch sizes × precisions, as JSON, in one predictMany call;
 * `--kind compatibility`: the compatibility matrix (model families × platforms), the document the
 * Matrix page downloads.
 */
import { parseArgs } from 'node:util';
import type { HardwareRow, Metric, ModelRow } from '../core/catalog/schema.ts';
import type { Query } from '../core/predict/types.ts';
import { choiceArg, listArg, numberArg } from './args.ts';
import { defaultDeps, loadCatalog, type Catalog, type CliDeps } from './context.ts';
import { sig } from './predict-csv.ts';
import { rooflineEstimate } from '../core/roofline/estimate.ts';
import { compatDocument } from '../core/select/compat-export.ts';
import { compatibilityMatrix } from '../core/select/compatibility.ts';
import { fitError, isLlmInference, parsePrecision, queryFor, workloadFor } from './request.ts';
import { UsageError } from './usage-error.ts';

export const MATRIX_DEFAULTS = {
  models: [
    'resnet50',
    'vit_base_patch16_224',
    'bert-base-uncased',
    'gpt2',
    'whisper-large-v3',
    'llama-3.1-8b',
    'mistral-7b-v0.3',
    'mixtral-8x7b',
    'llama-3-70b',
  ],
  batchSizes: [1, 8, 32, 128],
  precisions: ['fp32', 'fp16', 'bf16', 'int8', 'fp8'],
};

export const MATRIX_HELP = `usage: npm run cli -- matrix --out matrix.json [options]

  --models a,b          default ${MATRIX_DEFAULTS.models.join(',')}
  --hardware x,y        default: every device with measurements in the snapshot
  --batch-sizes 1,8     default ${MATRIX_DEFAULTS.batchSizes.join(',')}
  --precisions p,q      default ${MATRIX_DEFAULTS.precisions.join(',')}
  --kind predictions    or compatibility: model families × platforms, with
    --precision p       one precision (default: the 16/32-bit → 8-bit → 4-bit ladder)
    --group-by backend  or architecture (columns backend/architecture)
    --families a,b      default: every family in the snapshot
Each prediction cell holds throughput, latency_ms and memory_mb (+ ttft_ms, tpot_ms, decode/prefill tokens/s for LLMs) as
{value, low, high, layer}, or an error (unsupported precision, does not fit on one device). Without --out: stdout.`;

export interface MatrixSpec {
  models: ModelRow[];
  hardware: HardwareRow[];
  batchSizes: number[];
  precisions: string[];
}

export interface MatrixCell {
  model: string;
  hardware: string;
  batch: number;
  precision: string;
  bound: string | null;
  error: string | null;
  metrics: Partial<Record<Metric, { value: number; low: number; high: number; layer: string }>>;
}

const BASE: Metric[] = ['throughput', 'latency_ms', 'memory_mb'];
const LLM: Metric[] = ['ttft_ms', 'tpot_ms', 'decode_tokens_s', 'prefill_tokens_s'];

/** Every combination of the spec, predicted on one device each. */
export async function predictionMatrix(cat: Catalog, spec: MatrixSpec): Promise<MatrixCell[]> {
  const cells: MatrixCell[] = [];
  const queries: Query[] = [];
  // The engine scans every measurement for a cell the roofline cannot answer; skip cells with none to find.
  const measured = new Set(cat.ne.snapshot.measurements.map((r) => `${r.model_id}|${r.hardware_id}`));
  const slots: [MatrixCell, Metric][] = [];
  for (const model of spec.models)
    for (const hw of spec.hardware)
      for (const batch of spec.batchSizes)
        for (const precision of spec.precisions) {
          const w = workloadFor(model, { nDevices: 1, mode: 'inference', precision, batch });
          const cell: MatrixCell = {
            model: model.id,
            hardware: hw.id,
            batch,
            precision,
            bound: null,
            error: fitError(w, hw),
            metrics: {},
          };
          cells.push(cell);
          if (cell.error) continue;
          const est = rooflineEstimate(w, hw);
          if (!est.ok && !measured.has(`${model.id}|${hw.id}`)) {
            cell.error = est.reason;
            continue;
          }
          for (const m of isLlmInference(model, 'inference') ? [...BASE, ...LLM] : BASE) {
            queries.push(queryFor(model, w, hw, m));
            slots.push([cell, m]);
          }
        }
  const answers = await cat.ne.engine.predictMany(queries);
  answers.forEach((a, i) => {
    const [cell, m] = slots[i]!;
    if (!a.ok) {
      cell.error ??= a.error;
      return;
    }
    cell.metrics[m] = {
      value: Number(sig(a.value)),
      low: Number(sig(a.low)),
      high: Number(sig(a.high)),
      layer: a.layer,
    };
    if (a.bound) cell.bound ??= a.bound;
  });
  for (const c of cells) if (Object.keys(c.metrics).length > 0) c.error = null;
  return cells;
}

function resolveAll<T>(
  names: readonly string[],
  resolve: (n: string) => { ok: true; entry: T } | { ok: false; message: string },
): T[] {
  return names.map((n) => {
    const r = resolve(n);
    if (!r.ok) throw new UsageError(r.message);
    return r.entry;
  });
}

export async function matrixCommand(argv: string[], deps: CliDeps = defaultDeps): Promise<void> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      models: { type: 'string' },
      hardware: { type: 'string' },
      'batch-sizes': { type: 'string' },
      precisions: { type: 'string' },
      kind: { type: 'string' },
      precision: { type: 'string' },
      'group-by': { type: 'string' },
      families: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) return deps.stdout(MATRIX_HELP);
  if (choiceArg(v.kind, '--kind', ['predictions', 'compatibility'] as const) === 'compatibility')
    return compatibilityCommand(v, deps);
  const batchSizes = (listArg(v['batch-sizes']) ?? MATRIX_DEFAULTS.batchSizes.map(String)).map((b) => {
    const n = numberArg(b, '--batch-sizes');
    if (!Number.isInteger(n)) throw new UsageError(`--batch-sizes must be positive integers, got "${b}"`);
    return n as number;
  });
  const precisions = (listArg(v.precisions) ?? MATRIX_DEFAULTS.precisions).map((p) => {
    const r = parsePrecision(p);
    if (!r.ok) throw new UsageError(r.error);
    return r.precision;
  });
  const cat = await loadCatalog(deps);
  const { snapshot } = cat.ne;
  const models = resolveAll(listArg(v.models) ?? MATRIX_DEFAULTS.models, (n) => cat.models.resolve(n));
  const measured = new Set(snapshot.measurements.map((m) => m.hardware_id));
  const names = listArg(v.hardware);
  const hardware = names
    ? resolveAll(names, (n) => cat.hardware.resolve(n))
    : snapshot.hardware.filter((h) => measured.has(h.id));
  const spec: MatrixSpec = { models, hardware, batchSizes, precisions };
  const cells = await predictionMatrix(cat, spec);
  const json = JSON.stringify({
    kind: 'predictions',
    snapshot: cat.ne.manifest.snapshot,
    learnedModel: cat.ne.model !== null,
    axes: {
      models: models.map((m) => m.id),
      hardware: hardware.map((h) => h.id),
      batchSizes,
      precisions,
      mode: 'inference',
      nDevices: 1,
    },
    cells,
  });
  if (v.out === undefined) return deps.stdout(json);
  await deps.writeText(v.out, json);
  deps.stderr(`wrote ${cells.length} cells (${cells.filter((c) => c.error).length} with errors) to ${v.out}`);
}

/** `--kind compatibility`: compatibilityMatrix over the snapshot, as one JSON document. */
async function compatibilityCommand(
  v: { out?: string; precision?: string; 'group-by'?: string; families?: string },
  deps: CliDeps,
): Promise<void> {
  let precision: string | undefined;
  if (v.precision !== undefined) {
    const r = parsePrecision(v.precision);
    if (!r.ok) throw new UsageError(r.error);
    precision = r.precision;
  }
  const groupBy = choiceArg(v['group-by'], '--group-by', ['backend', 'architecture'] as const);
  const { ne } = await loadCatalog(deps);
  const families = listArg(v.families);
  const known = new Set(ne.snapshot.models.map((m) => m.family));
  const bad = families?.find((f) => !known.has(f));
  if (bad) throw new UsageError(`--families: unknown family "${bad}"`);
  const m = compatibilityMatrix(ne.snapshot, {
    ...(precision ? { precision } : {}),
    ...(groupBy ? { groupBy } : {}),
    ...(families ? { families } : {}),
  });
  const doc = compatDocument(m, ne.manifest.snapshot);
  const json = JSON.stringify(doc);
  if (v.out === undefined) return deps.stdout(json);
  await deps.writeText(v.out, json);
  const counts = Object.entries(doc.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  deps.stderr(
    `wrote ${m.families.length} families × ${m.platforms.length} platforms (${counts}) to ${v.out}`,
  );
}
