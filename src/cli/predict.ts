/** `predict`: one model on several devices, or many rows from a CSV (--queries). */
import { parseArgs } from 'node:util';
import { choiceArg, intArg, takeVariadic } from './args.ts';
import { defaultDeps, loadCatalog, type CliDeps } from './context.ts';
import { MODEL_OPTIONS, resolveModel } from './model-arg.ts';
import { answerQueries } from './predict-csv.ts';
import { predictDevices, renderJson, renderText } from './predict-single.ts';
import { MODES, parsePrecision, REQUEST_DEFAULTS as D, REQUEST_METRICS } from './request.ts';
import { parseRuntime } from '../core/catalog/runtime.ts';
import { SCENARIOS } from '../core/predict/operating-point.ts';
import { UsageError } from './usage-error.ts';

export const PREDICT_HELP = `usage: npm run cli -- predict --model <name> --hardware <name> [<name>…] [options]
       npm run cli -- predict --queries in.csv [--out out.csv]

  --model NAME         catalog id, alias or vendor name ("bert-base-uncased", "Llama 3 8B", "resnet50")
  --hardware NAME…     one or more devices ("A100 SXM4 80GB" "H100 SXM"); repeat the flag or list several
  --batch-size N       default ${D.batch}
  --precision P        fp32, tf32, fp16, bf16, fp8, fp4, int8, int4, GGUF kinds (q4_k_m…); default ${D.precision}
  --seq-len N          encoder/training sequence length; default ${D.seqLen} (LLM prompt if --prompt-tokens is absent)
  --prompt-tokens N    LLM prompt length; default ${D.promptTokens}
  --gen-tokens N       LLM generated tokens; default ${D.genTokens}
  --kv-precision P     KV-cache precision when it differs from the activations' (fp8 KV cache); default the
                       checkpoint's (FP8-KV checkpoints) or the activation precision
  --image-size N       vision input side in pixels; default the model's, else ${D.imageSize}
  --n-devices N        devices per run (tensor parallel for LLM inference, else data parallel); default ${D.nDevices}
  --mode M             inference | training; default ${D.mode}
  --runtime R          the software stack: auto (default: the runtime most measured for the device, model kind and
                       precision; GGUF precisions imply llama.cpp), a class (${'pytorch, pytorch-compile, tensorrt,'}
                       tensorrt-llm, vllm, sglang, llama.cpp-cuda/-metal/-vulkan/-cpu, mlx, mlc, onnxruntime, …) or
                       the text you would paste ("TensorRT 10.14, CUDA 13.1", "llama.cpp Metal"); unknown → auto;
                       TensorRT for a generative LLM is TensorRT-LLM (its LLM generation runs there)
  --scenario S         single-stream (default: the given batch) | offline (the system's best throughput: the
                       batch and replicas × TP layout the engine predicts fastest); --batch-size max = offline
  --json               machine-readable output
  --with FILE          your measurements as extra evidence (CSV, JSON, Markdown, Parquet; "predict --with x --help")

A model outside the catalog:
  --params 7e9 --layers 32 --hidden 4096 --heads 32 [--kv-heads 8] [--ffn 11008] [--vocab 32000]
  [--experts 8 --experts-per-token 2] [--gflops 8.2 (per sample, vision)] [--arch decoder-only|encoder-only|cnn|…]
  --config config.json  a Hugging Face config (params computed from the shape); --model names it

CSV (--queries): header required; columns model, hardware, n_devices, mode, precision, batch_size, seq_len,
  prompt_tokens, gen_tokens, image_size, metric, runtime, scenario; other columns pass through. Empty cells: n_devices ${D.nDevices},
  mode ${D.mode}, precision ${D.precision}, batch_size ${D.batch}, seq_len ${D.seqLen}, prompt_tokens ${D.promptTokens}
  (else seq_len for LLMs), gen_tokens ${D.genTokens}, image_size ${D.imageSize}, metric ${D.metric}.
  metric: ${REQUEST_METRICS.join(', ')} (throughput is items/s; for LLM generation an item is an output token).
  Output: the input columns + predicted, low, high (80% interval), unit, layer, bound, runtime_used,
  batch_used, layout, assumed (how runtime and operating point were chosen), error. A row that cannot
  be answered (unknown or ambiguous name, precision unsupported on the device, model does not fit on n_devices —
  the error names the device count needed) gets an error and the run goes on. Without --out the CSV goes to stdout.`;

const OPTIONS = {
  ...MODEL_OPTIONS,
  'batch-size': { type: 'string' },
  precision: { type: 'string' },
  'seq-len': { type: 'string' },
  'prompt-tokens': { type: 'string' },
  'gen-tokens': { type: 'string' },
  'kv-precision': { type: 'string' },
  'image-size': { type: 'string' },
  'n-devices': { type: 'string' },
  mode: { type: 'string' },
  runtime: { type: 'string' },
  scenario: { type: 'string' },
  json: { type: 'boolean' },
  queries: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function predictCommand(argv: string[], deps: CliDeps = defaultDeps): Promise<void> {
  const hw = takeVariadic(argv, 'hardware');
  const { values: v, positionals } = parseArgs({ args: hw.rest, options: OPTIONS, allowPositionals: true });
  if (v.help) return deps.stdout(PREDICT_HELP);
  if (positionals.length > 0 && !hw.present)
    throw new UsageError(`unexpected argument "${positionals[0]}" (device names go after --hardware)`);
  const hardware = [...hw.values, ...positionals];

  if (v.queries !== undefined) {
    if (hardware.length > 0 || v.model !== undefined)
      throw new UsageError('--queries takes models and devices from the CSV; drop --model/--hardware');
    const cat = await loadCatalog(deps);
    const text = await deps.readText(v.queries).catch((e: Error) => {
      throw new UsageError(`--queries ${v.queries}: ${e.message}`);
    });
    const r = await answerQueries(cat, text);
    if (v.out === undefined) return deps.stdout(r.csv);
    await deps.writeText(v.out, r.csv);
    return deps.stderr(`wrote ${r.rows} rows to ${v.out} (${r.errors} with errors)`);
  }

  if (hardware.length === 0) throw new UsageError('give --hardware <name> [<name>…] (or --queries in.csv)');
  const precision = parsePrecision(v.precision ?? D.precision);
  if (!precision.ok) throw new UsageError(precision.error);
  const batchMax = v['batch-size']?.toLowerCase() === 'max';
  const scenario = batchMax ? 'offline' : (choiceArg(v.scenario, '--scenario', SCENARIOS) ?? 'single-stream');
  const rt = parseRuntime(v.runtime);
  if (rt.note) deps.stderr(rt.note);
  const spec = {
    nDevices: intArg(v['n-devices'], '--n-devices') ?? D.nDevices,
    mode: choiceArg(v.mode, '--mode', MODES) ?? D.mode,
    precision: precision.precision,
    batch: batchMax ? D.batch : (intArg(v['batch-size'], '--batch-size') ?? D.batch),
    seqLen: intArg(v['seq-len'], '--seq-len'),
    promptTokens: intArg(v['prompt-tokens'], '--prompt-tokens'),
    genTokens: intArg(v['gen-tokens'], '--gen-tokens'),
    imageSize: intArg(v['image-size'], '--image-size'),
    kvPrecision: kvPrecisionArg(v['kv-precision']),
  };
  const cat = await loadCatalog(deps);
  const model = await resolveModel(v, cat, deps);
  const devices = hardware.map((name) => {
    const r = cat.hardware.resolve(name);
    if (!r.ok) throw new UsageError(r.message);
    return r;
  });
  const result = await predictDevices(
    cat.ne.engine,
    model,
    devices,
    spec,
    { runtime: rt.runtime, scenario },
    cat.evidence,
  );
  deps.stdout(v.json ? renderJson(result) : renderText(result));
  if (result.devices.every((d) => d.error !== null)) throw new Error('no device could answer (see above)');
}

/** --kv-precision: a precision the memory model knows, normalized; absent → undefined. */
function kvPrecisionArg(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const p = parsePrecision(raw);
  if (!p.ok) throw new UsageError(`--kv-precision: ${p.error}`);
  return p.precision;
}
