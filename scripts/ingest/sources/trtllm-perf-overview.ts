/** NVIDIA TensorRT-LLM published performance tables ("Performance of TensorRT-LLM" / perf overview), v0.5.0 → 1.x. */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'trtllm-perf-overview';
const FILE = `${DIR}/trtllm_perf_overview_long.csv`;

/** Docs that do not say which version measured their tables: identical cells in them are republications. */
const UNDATED_DOCS = new Set(['v0.5.0', 'v0.6.0', 'v0.6.1', 'v0.7.1']);

/** ≤ v0.9 docs name the Llama-2 checkpoints "LLaMA 7B" / "LLaMA 70B" (their methodology: "Llama2-7b, and Llama2-70b"). */
const LLAMA2_NAMES: Record<string, string> = { 'LLaMA 7B': 'Llama-2-7B', 'LLaMA 70B': 'Llama-2-70B' };

const BACKENDS: [RegExp, string][] = [
  [/static batching/, 'TensorRT engine, static batching'],
  [/^TensorRT engine via trtllm-bench/, 'TensorRT engine, trtllm-bench, in-flight batching'],
  [/^Triton tensorrtllm_backend/, 'Triton tensorrtllm_backend, online serving'],
  [/^PyTorch backend, trtllm-bench throughput/, 'PyTorch backend, trtllm-bench throughput'],
];

/** Cells whose value contradicts the doc's own unit, by saved file and line. */
const INCONSISTENT: Record<string, string> = {
  'md/performance_v0.9.0.md:146':
    'per-GPU value exceeds the memory-bandwidth bound: v0.9.0 A100 Mixtral 8x7B FP16 TP2 batch 32 2048/2048, 801 tok/s/GPU × 2 > ~1,200 tok/s (93 GB of weights per step over 2 × 2.0 TB/s)',
};

type Rec = Record<string, string>;

const isStatic = (r: Rec): boolean => /static batching/.test(r.backend ?? '');
const isOnline = (r: Rec): boolean => /^Triton/.test(r.backend ?? '');

/** The parallel layout as the table labels it (`TP2,PP2`, `DEP4`), or built from the tp/pp/ep columns. */
export function layoutOf(r: Rec): string {
  if (r.parallelism) return r.parallelism;
  const parts = [r.tp && `TP${r.tp}`, r.pp && r.pp !== '1' && `PP${r.pp}`, r.ep && `EP${r.ep}`];
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(',') || `${r.n_gpus} GPUs`;
}

/**
 * The software the doc names for the data, with the engine and benchmark flow. The v0.7.1 doc says its tables
 * were "updated for v0.6.1, unless specified", so its rows name 0.6.1.
 */
export function runtimeOf(r: Rec): string {
  const backend = BACKENDS.find(([re]) => re.test(r.backend ?? ''))?.[1] ?? r.backend ?? '';
  const version = r.doc_version === 'v0.7.1' ? 'TensorRT-LLM 0.6.1 (v0.7.1 doc)' : (r.runtime ?? '');
  if (!backend) return version;
  return version.endsWith(')') ? `${version.slice(0, -1)}; ${backend})` : `${version} (${backend})`;
}

/** Model as written; the ≤ v0.9 Llama-2 shorthand is expanded. */
export function modelOf(r: Rec): string {
  const m = r.model ?? '';
  return isStatic(r) ? (LLAMA2_NAMES[m] ?? m) : m;
}

/**
 * Device as written, with two corrections: "H200 131GB HBM3" (sic, the 0.17 online table) is the H200 141GB;
 * the ≤ v0.9 docs' "A100" is an 80 GB part (their Falcon 180B FP16 runs on 8 A100s: 360 GB of weights).
 */
export function deviceOf(r: Rec): string {
  const gpu = r.gpu ?? '';
  if (gpu === 'H200 131GB HBM3') return 'H200 141GB HBM3';
  if (gpu === 'A100' && isStatic(r)) return 'A100 80GB';
  return gpu;
}

/** Config key of a cell, for finding republications of the same cell in a later doc. */
const cellKey = (r: Rec): string =>
  [r.gpu, r.n_gpus, r.tp, r.pp, r.ep, r.model, r.precision, r.isl, r.osl, r.batch_or_concurrency]
    .concat([r.request_rate_qps, r.metric, r.value])
    .join('|');

interface Mapped {
  metric: RawMeasurement['metric'];
  value: number;
  unit: string;
  scenario: string;
  batch: number | null;
}

/**
 * The measurement a record states, or the reason it is not one. `reqRate` is the online table's completed
 * requests/s on the same table line (to tell whether the server kept up with the offered rate).
 */
function mapRecord(r: Rec, value: number, n: number, reqRate: number | null): Mapped | string {
  const layout = layoutOf(r);
  const batch = num(r.batch_or_concurrency);
  const flow = isStatic(r) ? 'static-batch' : 'trtllm-bench';
  const offline = (tags: string[] = []): string => ['Offline', flow, layout, ...tags].join('/');
  switch (r.metric) {
    case 'ttft_ms':
      return { metric: 'ttft_ms', value, unit: r.unit ?? 'ms', scenario: `first-token/${layout}`, batch };
    case 'output_tokens_per_s_per_gpu':
      return {
        metric: 'throughput',
        value: value * n,
        unit: 'tokens/s',
        scenario: offline(n > 1 ? [`per-GPU x${n}`] : []),
        batch: isStatic(r) ? batch : null,
      };
    case 'output_tokens_per_s_unspecified':
      if (n === 1 || r.doc_version === 'v0.5.0')
        return {
          metric: 'throughput',
          value,
          unit: 'tokens/s',
          scenario: offline(n > 1 ? ['out tok/s read as total'] : []),
          batch,
        };
      return `per GPU or total not stated: "out tok/s" over ${n} GPUs in the ${r.doc_version} doc, and no bound settles it`;
    case 'throughput_tokens_per_s_total':
    case 'output_tokens_per_s_total': {
      if (!isOnline(r))
        return { metric: 'throughput', value, unit: 'tokens/s', scenario: offline(), batch: null };
      if (r.request_rate_qps === 'INF')
        return {
          metric: 'throughput',
          value,
          unit: 'tokens/s',
          scenario: `Offline/triton/${layout}/QPS INF`,
          batch: null,
        };
      return `output tokens/s at a fixed ${r.request_rate_qps} requests/s measures the offered load, not capacity`;
    }
    case 'ttft_ms_mean':
    case 'itl_ms_mean': {
      const qps = num(r.request_rate_qps);
      if (qps === null)
        return 'mean TTFT/ITL with every request sent at once (QPS INF): queueing at an unknown concurrency';
      if (reqRate === null || reqRate < qps)
        return `server fell behind the offered ${qps} req/s (completed ${reqRate ?? '?'} req/s): latency includes queueing`;
      return {
        metric: r.metric === 'ttft_ms_mean' ? 'ttft_ms' : 'tpot_ms',
        value,
        unit: r.unit ?? 'ms',
        scenario: `Server/triton/${layout}/QPS ${qps}/mean`,
        batch: null,
      };
    }
    case 'request_throughput_req_per_s':
      return 'requests/s: an LLM throughput counts output tokens (the same line gives Output Tput)';
    case 'total_token_throughput_tokens_per_s':
      return 'input + output tokens/s: not an output-token throughput';
    default:
      return `unknown metric "${r.metric}"`;
  }
}

function parse(rawRoot: string): ParseResult {
  const recs = readCsv(rawRoot, FILE);
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  const firstSeen = new Map<string, number>();
  const reqRates = new Map<string, number>();
  for (const r of recs)
    if (r.metric === 'request_throughput_req_per_s')
      reqRates.set(`${r.source_file}:${r.source_line}`, num(r.value) ?? NaN);
  const renamed = new Map<string, number>();
  let llama2 = 0;

  recs.forEach((r, i) => {
    const source_row = i + 1;
    const drop = (reason: string): number => drops.push({ source_file: FILE, source_row, reason });
    const key = cellKey(r);
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, source_row);
    else if (UNDATED_DOCS.has(r.doc_version ?? ''))
      return drop(
        `republished: same cell as row ${first} (${recs[first - 1]?.doc_version}), not re-measured`,
      );
    const inconsistent = INCONSISTENT[`${r.source_file}:${r.source_line}`];
    if (inconsistent) return drop(inconsistent);
    const value = num(r.value);
    const n = num(r.n_gpus);
    if (value === null || value <= 0) return drop(`non-numeric or non-positive value "${r.value}"`);
    if (n === null || n < 1) return drop(`bad GPU count "${r.n_gpus}"`);
    const m = mapRecord(r, value, n, reqRates.get(`${r.source_file}:${r.source_line}`) ?? null);
    if (typeof m === 'string') return drop(m);
    const hardware = deviceOf(r);
    const model = modelOf(r);
    if (hardware !== r.gpu) renamed.set(r.gpu ?? '', (renamed.get(r.gpu ?? '') ?? 0) + 1);
    if (model !== r.model) llama2++;
    rows.push({
      source_file: FILE,
      source_row,
      hardware,
      n_devices: n,
      model,
      mode: 'inference',
      scenario: m.scenario,
      precision: r.precision ?? '',
      batch_size: m.batch,
      prompt_tokens: num(r.isl),
      gen_tokens: num(r.osl),
      metric: m.metric,
      value: m.value,
      unit: m.unit,
      runtime: runtimeOf(r),
      date: null,
    });
    return 0;
  });

  return {
    read: recs.length,
    rows,
    drops,
    notes: [
      `${DIR}: per-GPU output tokens/s (≤ v0.9 "out tok/s/GPU", devguide "per GPU") × GPUs = system throughput; scenario tagged "per-GPU xN"`,
      `${DIR}: v0.5.0 "out tok/s" over several GPUs read as the total: per GPU it would exceed the memory-bandwidth bound (e.g. LLaMA 70B FP8 TP4 batch 64 128/128: 4 × 3,317 > 12,400 tok/s)`,
      `${DIR}: 0.17 "token throughput" read as output tokens/s: at ISL/OSL 2048/128 an input+output reading would mean ~3.6k prompt tokens/s on H200 (8B), far below any prefill rate`,
      `${DIR}: v0.6.0 / v0.6.1 tables and the v0.7.1 L40S and latency tables repeat v0.5.0 cells: dropped as republications`,
      `${DIR}: v0.7.1 rows name TensorRT-LLM 0.6.1 (the doc: "updated for v0.6.1, unless specified")`,
      `${DIR}: "LLaMA 7B" / "LLaMA 70B" of ≤ v0.9 docs named Llama-2-7B / Llama-2-70B (${llama2} rows)`,
      `${DIR}: "H200 131GB HBM3" (sic, 0.17 online table) named H200 141GB HBM3 (${renamed.get('H200 131GB HBM3') ?? 0} rows)`,
      `${DIR}: ≤ v0.9 "A100" named A100 80GB: Falcon 180B FP16 (360 GB of weights) ran on 8 of them (${renamed.get('A100') ?? 0} rows)`,
      `${DIR}: online table (0.14.0, Triton): mean TTFT/ITL kept only where completed req/s reached the offered QPS; Output Tput kept at QPS INF`,
      `${DIR}: docs give no measurement dates: date left empty`,
    ],
  };
}

/** TensorRT-LLM published throughput / first-token-latency tables on H100, H200, B200, GB200, L40S, A100, RTX 6000 Pro. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'NVIDIA TensorRT-LLM performance overview tables (docs v0.5.0 to 1.x)',
    repository: 'https://github.com/NVIDIA/TensorRT-LLM',
    paths: FILE,
    commit:
      'v0.5.0 ffd5af34; v0.6.0 119e2160; v0.6.1 9b3e12db; v0.7.1 80bc0751; v0.8.0 5955b8af; v0.9.0 250d9c29; ' +
      '0.17 doc: unknown; gh-pages 0.19.0 85a2a656; gh-pages 0.21.0 b8e38f9c; 1.0 00f37686; devguide 03e27c7d',
    license: 'Apache-2.0 (NVIDIA published measurements; cite doc path and version)',
  },
  parse,
};
