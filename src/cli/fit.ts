/**
 * `fit`: the fit questions in reverse. On a device (--hardware): the longest context and the largest batch
 * that fit at each precision it computes. In a memory budget (--memory-gb): which precision fits best.
 */
import { parseArgs } from 'node:util';
import { hardwareLookup, modelLookup } from '../core/catalog/lookup.ts';
import { parseRuntime } from '../core/catalog/runtime.ts';
import type { HardwareKind, HardwareRow } from '../core/catalog/schema.ts';
import {
  FIT_PRECISIONS,
  fitInBudget,
  fitOnDevice,
  fitWorkload,
  type FitQuestion,
  type FitReport,
  type PrecisionFit,
} from '../core/select/fit-finder.ts';
import { sig3 } from '../core/format.ts';
import { DEFAULTS } from '../core/roofline/workload.ts';
import { choiceArg, intArg, listArg, numberArg, takeVariadic } from './args.ts';
import { defaultDeps, type CliDeps } from './context.ts';
import { MODEL_OPTIONS, resolveModel, type ResolvedModel } from './model-arg.ts';
import { MODES, parsePrecision } from './request.ts';
import { renderTable } from './table.ts';
import { UsageError } from './usage-error.ts';

const KINDS: readonly HardwareKind[] = ['gpu', 'soc-gpu', 'cpu', 'npu', 'tpu', 'browser'];

export const FIT_HELP = `usage: npm run cli -- fit --model <name> --hardware <name> [<name>…] [options]
       npm run cli -- fit --model <name> --memory-gb <GB> [options]

  On a device: for each precision it computes, the footprint of the workload, the longest context (at the
  batch) and the largest batch (at the lengths) that fit. In a memory budget: every precision's footprint,
  and the best one that fits (most bits per weight: the highest quality). The roofline's memory model
  (weights, KV cache, activations, the runtime's overhead and reserve) against the capacity: GB as vendors
  label it, binary (a "24 GB" card or a 48 GB budget holds 24 or 48 GiB), Apple's GPU working set.

  --model NAME         catalog id, alias or vendor name; or --config config.json / --params… as for predict
  --hardware NAME…     one or more devices ("RTX 4090" "H100 SXM")
  --memory-gb GB       a memory budget instead of a device
  --kind K             the budget's device kind (its driver context): ${KINDS.join(', ')}; default gpu
  --precisions P,P     the precisions tried; default ${FIT_PRECISIONS.join(',')}
  --batch-size N       default 1 (the longest context is searched at this batch)
  --prompt-tokens N    LLM prompt; default ${DEFAULTS.promptTokens} (the largest batch is searched at these lengths)
  --gen-tokens N       LLM generated tokens; default ${DEFAULTS.genTokens} (the context search grows the prompt)
  --seq-len N          encoder / training sequence length; default ${DEFAULTS.seqLen}
  --image-size N       vision input side, pixels; default the model's
  --n-devices N        shard the model state over N devices (tensor parallel); default 1
  --mode M             inference | training; default inference
  --runtime R          a runtime class or its text (vllm, "TensorRT-LLM", llama.cpp-cuda…): its memory overhead
                       and reserve; default each precision's (GGUF kinds: llama.cpp, else a framework's)
  --kv-precision P     KV-cache precision when it differs from the activations' (fp8 KV cache)
  --json               machine-readable output`;

const OPTIONS = {
  ...MODEL_OPTIONS,
  'memory-gb': { type: 'string' },
  kind: { type: 'string' },
  precisions: { type: 'string' },
  'batch-size': { type: 'string' },
  'prompt-tokens': { type: 'string' },
  'gen-tokens': { type: 'string' },
  'seq-len': { type: 'string' },
  'image-size': { type: 'string' },
  'n-devices': { type: 'string' },
  mode: { type: 'string' },
  runtime: { type: 'string' },
  'kv-precision': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function fitCommand(argv: string[], deps: CliDeps = defaultDeps): Promise<void> {
  const hw = takeVariadic(argv, 'hardware');
  const { values: v, positionals } = parseArgs({ args: hw.rest, options: OPTIONS, allowPositionals: true });
  if (v.help) return deps.stdout(FIT_HELP);
  if (positionals.length > 0 && !hw.present)
    throw new UsageError(`unexpected argument "${positionals[0]}" (device names go after --hardware)`);
  const hardware = [...hw.values, ...positionals];
  const memoryGb = numberArg(v['memory-gb'], '--memory-gb');
  if (hardware.length > 0 === (memoryGb !== undefined))
    throw new UsageError('give either --hardware <name> [<name>…] or --memory-gb <GB>');
  if (v.kind !== undefined && memoryGb === undefined)
    throw new UsageError('--kind describes a --memory-gb budget; a device has its own');
  const kind = choiceArg(v.kind, '--kind', KINDS) ?? 'gpu';
  const precisions = (listArg(v.precisions) ?? FIT_PRECISIONS).map((p) => {
    const r = parsePrecision(p);
    if (!r.ok) throw new UsageError(`--precisions: ${r.error}`);
    return r.precision;
  });
  if (precisions.length === 0) throw new UsageError('--precisions lists no precision');
  const rt = parseRuntime(v.runtime);
  if (rt.note) deps.stderr(rt.note);
  const kv = v['kv-precision'] === undefined ? undefined : parsePrecision(v['kv-precision']);
  if (kv && !kv.ok) throw new UsageError(`--kv-precision: ${kv.error}`);

  const snapshot = await deps.snapshot();
  const model = await resolveModel(v, { models: modelLookup(snapshot.models) }, deps);
  const question: FitQuestion = { model: model.row };
  const put = <K extends keyof FitQuestion>(k: K, x: FitQuestion[K] | undefined) => {
    if (x !== undefined) question[k] = x;
  };
  put('mode', choiceArg(v.mode, '--mode', MODES));
  put('batch', intArg(v['batch-size'], '--batch-size'));
  put('promptTokens', intArg(v['prompt-tokens'], '--prompt-tokens'));
  put('genTokens', intArg(v['gen-tokens'], '--gen-tokens'));
  put('seqLen', intArg(v['seq-len'], '--seq-len'));
  put('imageSize', intArg(v['image-size'], '--image-size'));
  put('nDevices', intArg(v['n-devices'], '--n-devices'));
  put('runtime', rt.runtime === 'auto' ? undefined : rt.runtime);
  put('kvPrecision', kv?.ok ? kv.precision : undefined);

  let reports: FitReport[];
  if (memoryGb !== undefined) reports = [fitInBudget(question, memoryGb, kind, precisions)];
  else {
    const lookup = hardwareLookup(snapshot.hardware);
    const devices: HardwareRow[] = hardware.map((name) => {
      const r = lookup.resolve(name);
      if (!r.ok) throw new UsageError(r.message);
      return r.entry;
    });
    reports = devices.map((d) => {
      if (d.memory_gb === null) throw new UsageError(`${d.name} has no memory capacity in the catalog`);
      return fitOnDevice(question, d, precisions);
    });
  }
  const budget = memoryGb === undefined ? null : { gb: memoryGb, kind };
  deps.stdout(
    v.json
      ? renderFitJson(model, question, reports, budget)
      : renderFitText(model, question, reports, budget),
  );
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)}`;
const tokens = (n: number) => n.toLocaleString('en-US');

function questionText(q: FitQuestion): string {
  const w = fitWorkload(q, 'fp16');
  const parts: string[] = [w.mode, `batch ${w.batch}`];
  if (w.promptTokens !== undefined) parts.push(`prompt ${w.promptTokens} + gen ${w.genTokens} tokens`);
  if (w.seqLen !== undefined) parts.push(`seq ${w.seqLen}`);
  if (w.imageSize !== undefined) parts.push(`image ${w.imageSize}px`);
  parts.push(`${w.nDevices} device${w.nDevices > 1 ? 's (tensor parallel)' : ''}`);
  parts.push(`runtime ${w.runtime ?? "each precision's default (GGUF: llama.cpp, else a framework)"}`);
  if (w.kvPrecision) parts.push(`KV cache ${w.kvPrecision}`);
  return parts.join(', ');
}

function contextCell(p: PrecisionFit): string {
  const c = p.longestContext;
  if (!c) return '–';
  const more = c.capped ? '≥ ' : '';
  const beyond = c.modelMax !== null && c.tokens > c.modelMax ? ' > model max' : '';
  return `${more}${tokens(c.tokens)} (2^${Math.log2(c.powerOfTwo)} = ${tokens(c.powerOfTwo)})${beyond}`;
}

function batchCell(p: PrecisionFit): string {
  const b = p.largestBatch;
  if (!b) return '–';
  return `${b.capped ? '≥ ' : ''}${tokens(b.batch)} (${tokens(b.powerOfTwo)})`;
}

function reportText(r: FitReport, q: FitQuestion, budget: { gb: number; kind: HardwareKind } | null) {
  const cap = r.capacity;
  const head = budget
    ? `budget: ${budget.gb} GB = ${gb(cap.bytes)} GB (GiB, as vendors label memory) of ${budget.kind} memory`
    : `device: ${r.hardware.name} (${r.hardware.id}): ${r.hardware.memory_gb} GB = ${gb(cap.bytes)} GB${cap.limit ? `; ${gb(cap.usableBytes)} GB usable: ${cap.limit}` : ''}`;
  const w = fitWorkload(q, 'fp16');
  const lines = [head];
  if (r.lengths === 'llm')
    lines.push(
      `longest context: at batch ${w.batch}, ${w.genTokens} generated tokens, the prompt grown; largest batch: at prompt ${w.promptTokens} + gen ${w.genTokens}`,
    );
  else if (r.lengths === 'seq')
    lines.push(`longest context: the sequence length at batch ${w.batch}; largest batch: at seq ${w.seqLen}`);
  const modelMax = r.precisions.find((p) => p.longestContext)?.longestContext?.modelMax;
  if (modelMax) lines.push(`the model's trained context: ${tokens(modelMax)} tokens`);
  lines.push('');
  if (r.precisions.length === 0) lines.push('no precision to try');
  else
    lines.push(
      renderTable(r.precisions, [
        { header: 'precision', cell: (p) => p.precision },
        { header: 'bits', cell: (p) => sig3(p.bitsPerWeight), right: true },
        {
          header: 'footprint / capacity GB',
          cell: (p) => `${gb(p.perDeviceBytes)} / ${gb(p.capacityBytes)}`,
          right: true,
        },
        { header: 'fits', cell: (p) => (p.fits ? 'yes' : 'no') },
        ...(r.lengths === 'image'
          ? []
          : [{ header: 'longest context, tokens (2^k)', cell: contextCell, right: true }]),
        { header: 'largest batch (2^k)', cell: batchCell, right: true },
      ]),
    );
  for (const u of r.unsupported) lines.push(`not computed here: ${u.precision}: ${u.reason}`);
  lines.push(
    r.best
      ? `best: ${r.best.precision} (${sig3(r.best.bitsPerWeight)} bits per weight): ${r.best.summary}`
      : `nothing fits: the smallest, ${smallest(r)?.summary ?? '–'}`,
  );
  return lines.join('\n');
}

const smallest = (r: FitReport): PrecisionFit | undefined =>
  [...r.precisions].sort((a, b) => a.perDeviceBytes - b.perDeviceBytes)[0];

export function renderFitText(
  model: ResolvedModel,
  q: FitQuestion,
  reports: readonly FitReport[],
  budget: { gb: number; kind: HardwareKind } | null,
): string {
  const out = [`model: ${model.how}`, `workload: ${questionText(q)}`];
  for (const r of reports) out.push('', reportText(r, q, budget));
  return out.join('\n');
}

const precisionJson = (p: PrecisionFit) => ({
  precision: p.precision,
  bits_per_weight: p.bitsPerWeight,
  fits: p.fits,
  per_device_bytes: p.perDeviceBytes,
  capacity_bytes: p.capacityBytes,
  memory: p.memory,
  summary: p.summary,
  longest_context: p.longestContext && {
    tokens: p.longestContext.tokens,
    power_of_two: p.longestContext.powerOfTwo,
    capped: p.longestContext.capped,
    model_max: p.longestContext.modelMax,
  },
  largest_batch: p.largestBatch && {
    batch: p.largestBatch.batch,
    power_of_two: p.largestBatch.powerOfTwo,
    capped: p.largestBatch.capped,
  },
});

export function renderFitJson(
  model: ResolvedModel,
  q: FitQuestion,
  reports: readonly FitReport[],
  budget: { gb: number; kind: HardwareKind } | null,
): string {
  const { model: _m, precision: _p, ...workload } = fitWorkload(q, 'fp16');
  return JSON.stringify(
    {
      model: { id: model.row.id, name: model.row.name, resolved: model.how },
      workload,
      budget,
      reports: reports.map((r) => ({
        device: budget ? null : { id: r.hardware.id, name: r.hardware.name, memory_gb: r.hardware.memory_gb },
        capacity: r.capacity,
        n_devices: r.nDevices,
        lengths: r.lengths,
        best: r.best?.precision ?? null,
        precisions: r.precisions.map(precisionJson),
        unsupported: r.unsupported,
      })),
    },
    null,
    2,
  );
}
