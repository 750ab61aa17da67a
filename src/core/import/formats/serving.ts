/**
 * LLM serving benchmarks' JSON reports:
 * - vLLM `benchmark_serving.py` / `vllm bench serve --save-result` (one object per run; `--append-result`
 *   writes JSON Lines): model_id, backend, request_rate, max_concurrency, completed, total_input_tokens,
 *   total_output_tokens, output_throughput, median/mean ttft/tpot/e2el in ms. It names no device.
 * - `trtllm-bench throughput --report_json`: engine {model, version, backend, dtype, quantization},
 *   machine {name} (recent versions), world_info {tp_size, pp_size, world_size}, request_info
 *   {avg_input_length, avg_output_length}, performance {system_output_throughput_tok_s…} and, when
 *   streaming, streaming_metrics {avg_ttft_ms, avg_tpot_ms}.
 * Serving rows have no batch size (requests arrive over time; concurrency goes in the scenario).
 */
import type { BadRow, RawRow, SourceRecord, Table } from '../types.ts';
import { isRecord, readNumber } from '../values.ts';
import { columnFinder, recordBad, type Parsed } from './columns.ts';

export function isVllmServingTable(t: Table): boolean {
  const c = columnFinder(t.columns);
  return (
    c.has('output_throughput') && (c.has('median_ttft_ms') || c.has('mean_ttft_ms') || c.has('completed'))
  );
}

export function isTrtllmBenchTable(t: Table): boolean {
  const c = columnFinder(t.columns);
  return c.has('performance') && (c.has('engine') || c.has('world_info'));
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | null => {
  const r = readNumber(v);
  return r.ok ? r.value : null;
};

/** A precision hint in a checkpoint name ("…-FP8", "…-AWQ"), or null. */
export function precisionHint(name: string): string | null {
  if (/fp8/i.test(name)) return 'fp8';
  if (/nvfp4|mxfp4|fp4/i.test(name)) return 'fp4';
  if (/awq|gptq|int4|w4a16/i.test(name)) return 'int4';
  if (/int8|w8a8|w8a16/i.test(name)) return 'int8';
  return null;
}

/** vLLM's `date` ("20250114-093012") as YYYY-MM-DD. */
const vllmDate = (d: string) =>
  /^(\d{4})(\d{2})(\d{2})-\d{6}$/.exec(d)
    ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`
    : d || undefined;

/** The serving stack vLLM's client talked to (its `backend` names the server's API). */
function servingRuntime(backend: string): string {
  if (/sglang/i.test(backend)) return 'SGLang (benchmark_serving)';
  if (/tensorrt|trt/i.test(backend)) return 'TensorRT-LLM (benchmark_serving)';
  if (/lmdeploy/i.test(backend)) return 'LMDeploy (benchmark_serving)';
  if (/tgi/i.test(backend)) return 'TGI (benchmark_serving)';
  return 'vLLM (benchmark_serving)';
}

function vllmRows(rec: SourceRecord, bad: BadRow[]): RawRow[] {
  const r = rec.cells;
  const model = str(r.model_id) || str(r.tokenizer_id);
  const completed = num(r.completed);
  const rate = str(r.request_rate) || 'inf';
  const conc = num(r.max_concurrency);
  const base: RawRow = {
    row: rec.row,
    values: {
      model,
      mode: 'inference',
      runtime: servingRuntime(str(r.backend) || str(r.endpoint_type)),
      date: vllmDate(str(r.date)),
      scenario: `server/rate=${rate}${conc !== null ? `/concurrency=${conc}` : ''}`,
    },
    columns: { model: 'model_id' },
    record: r,
  };
  const hint = precisionHint(model);
  if (hint) base.values.precision = hint;
  if (completed !== null && completed > 0) {
    const inTok = num(r.total_input_tokens);
    const outTok = num(r.total_output_tokens);
    if (inTok !== null && inTok > 0) base.values.prompt_tokens = Math.max(1, Math.round(inTok / completed));
    if (outTok !== null && outTok > 0) base.values.gen_tokens = Math.max(1, Math.round(outTok / completed));
  } else bad.push(recordBad(rec, 'completed', 'no completed requests: nothing was measured', r.completed));
  const rows: RawRow[] = [];
  const add = (metric: string, key: string, unit: string, tag: string) => {
    if (!(key in r)) return false;
    rows.push({
      ...base,
      values: {
        ...base.values,
        metric,
        value: r[key],
        unit,
        scenario: `${base.values.scenario as string}${tag}`,
      },
      columns: { ...base.columns, value: key },
    });
    return true;
  };
  if (completed !== null && completed > 0) {
    add('throughput', 'output_throughput', 'tokens/s', '');
    if (!add('ttft_ms', 'median_ttft_ms', 'ms', '/p50')) add('ttft_ms', 'mean_ttft_ms', 'ms', '/mean');
    if (!add('tpot_ms', 'median_tpot_ms', 'ms', '/p50')) add('tpot_ms', 'mean_tpot_ms', 'ms', '/mean');
    if (!add('latency_ms', 'median_e2el_ms', 'ms', '/p50')) add('latency_ms', 'mean_e2el_ms', 'ms', '/mean');
  }
  return rows;
}

export function vllmServingRows(t: Table): Parsed {
  const bad: BadRow[] = [];
  const rows = t.records.flatMap((rec) => vllmRows(rec, bad));
  const c = columnFinder(t.columns);
  const read = [
    'model_id',
    'tokenizer_id',
    'backend',
    'endpoint_type',
    'date',
    'request_rate',
    'max_concurrency',
    'completed',
    'total_input_tokens',
    'total_output_tokens',
    'output_throughput',
    'median_ttft_ms',
    'mean_ttft_ms',
    'median_tpot_ms',
    'mean_tpot_ms',
    'median_e2el_ms',
    'mean_e2el_ms',
  ];
  return { rows, bad, read: read.map((n) => c.find(n)).filter((x): x is string => x !== undefined) };
}

const sub = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/** TensorRT-LLM quantization / dtype → a precision normalizePrecision reads. */
function trtllmPrecision(quant: string, dtype: string): string {
  const q = quant.toLowerCase();
  if (q && q !== 'none' && q !== 'null') return precisionHint(q) ?? quant;
  return dtype;
}

function trtllmRows(rec: SourceRecord, bad: BadRow[]): RawRow[] {
  const engine = sub(rec.cells.engine);
  const world = sub(rec.cells.world_info);
  const req = sub(rec.cells.request_info);
  const perf = sub(rec.cells.performance);
  const stream = sub(rec.cells.streaming_metrics);
  const machine = sub(rec.cells.machine);
  const tp = num(world.tp_size) ?? 1;
  const pp = num(world.pp_size) ?? 1;
  const worldSize = num(world.world_size) ?? tp * pp;
  const version = str(engine.version);
  const backend = str(engine.backend);
  const values: RawRow['values'] = {
    model: str(engine.model),
    mode: 'inference',
    n_devices: worldSize,
    runtime: `TensorRT-LLM${version ? ` ${version}` : ''}${backend ? ` (${backend} backend)` : ''}`,
    scenario: `Offline/trtllm-bench/TP${tp},PP${pp}`,
    precision: trtllmPrecision(str(engine.quantization), str(engine.dtype)),
  };
  const columns: RawRow['columns'] = {
    model: 'engine.model',
    n_devices: 'world_info.world_size',
    precision: str(engine.quantization) ? 'engine.quantization' : 'engine.dtype',
  };
  if (str(machine.name)) {
    values.hardware = str(machine.name);
    columns.hardware = 'machine.name';
  }
  const isl = num(req.avg_input_length);
  const osl = num(req.avg_output_length);
  if (isl !== null && isl > 0) values.prompt_tokens = Math.max(1, Math.round(isl));
  if (osl !== null && osl > 0) values.gen_tokens = Math.max(1, Math.round(osl));
  const rows: RawRow[] = [];
  const add = (metric: string, obj: Record<string, unknown>, path: string, keys: string[], unit: string) => {
    const key = keys.find((k) => k in obj);
    if (key === undefined) return;
    rows.push({
      row: rec.row,
      values: { ...values, metric, value: obj[key], unit },
      columns: { ...columns, value: `${path}.${key}` },
      record: rec.cells,
    });
  };
  add(
    'throughput',
    perf,
    'performance',
    ['system_output_throughput_tok_s', 'output_throughput_tok_s'],
    'tokens/s',
  );
  add('ttft_ms', stream, 'streaming_metrics', ['avg_ttft_ms'], 'ms');
  add('tpot_ms', stream, 'streaming_metrics', ['avg_tpot_ms'], 'ms');
  if (rows.length === 0)
    bad.push(
      recordBad(
        rec,
        'performance',
        'no output throughput (performance.system_output_throughput_tok_s) in the report',
      ),
    );
  return rows;
}

export function trtllmBenchRows(t: Table): Parsed {
  const bad: BadRow[] = [];
  const rows = t.records.flatMap((rec) => trtllmRows(rec, bad));
  const c = columnFinder(t.columns);
  const read = ['engine', 'machine', 'world_info', 'request_info', 'performance', 'streaming_metrics'];
  return {
    rows,
    bad,
    read: read.map((n) => c.find(n)).filter((x): x is string => x !== undefined),
    notes: [
      'trtllm-bench: the system output throughput and, when streaming, average TTFT/TPOT are read; request latency under an offline flood is queueing, not read',
    ],
  };
}
