/** AMD vLLM-on-ROCm published inference tables (MI300X): the ROCm/vllm dev-docker README and the amd.com page. */
import { num, readCsv } from '../read.ts';
import type { MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'rocm-inference-perf';
const README = `${DIR}/rocm_vllm_dev_docker_long.csv`;
const AMD_COM = `${DIR}/amd_com_performance_results_long.csv`;

/**
 * Largest share of input tokens at which the unspecified "Throughput (tokens/s)" is kept: read as output
 * tokens/s, it is at most this much above the output rate if the table in fact counts input + output.
 */
export const MAX_INPUT_SHARE = 0.1;

type Rec = Record<string, string>;

/** The Model cell's label without the checkpoint: "Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV)" → "Llama 3.1 70B". */
export function modelLabel(cell: string): string {
  return cell.replace(/\s*\(.*\)\s*$/, '').trim();
}

/** The runtime as the doc lists it, plus the vLLM benchmark-script version the doc names in a note. */
export function runtimeOf(r: Rec): string {
  const scripts = /benchmark scripts from (v[\d.]+)/.exec(r.note ?? '')?.[1];
  return scripts ? `${r.runtime}; benchmark scripts ${scripts}` : (r.runtime ?? '');
}

/** The doc's date: the README commit date, or the amd.com container's data date. */
export function dateOf(docVersion: string): string | null {
  return /(\d{4}-\d{2}-\d{2})/.exec(docVersion)?.[1] ?? null;
}

interface Mapped {
  metric: RawMeasurement['metric'];
  unit: string;
  scenario: string;
  batch: number | null;
}

function mapRecord(r: Rec, isl: number | null, osl: number | null): Mapped | string {
  const layout = `TP${r.tp}`;
  switch (r.metric) {
    case 'throughput_tokens_per_s': {
      if (isl === null || osl === null) return 'throughput without input/output lengths';
      const share = isl / (isl + osl);
      const pct = `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
      if (share > MAX_INPUT_SHARE)
        return `"Throughput (tokens/s)" unspecified (input+output or output only): at ${isl}/${osl} the readings differ by ${pct}`;
      return {
        metric: 'throughput',
        unit: r.unit ?? 'tokens/s',
        scenario: `Offline/benchmark_throughput/${layout}/${r.num_prompts} prompts/tokens unspecified (≤${pct})`,
        batch: null,
      };
    }
    case 'e2e_latency_s':
    case 'e2e_latency_ms':
      return {
        metric: 'latency_ms',
        unit: r.unit ?? '',
        scenario: `e2e-batch/benchmark_latency/${layout}`,
        batch: num(r.batch_or_concurrency),
      };
    default:
      return `unknown metric "${r.metric}"`;
  }
}

function parseFile(rawRoot: string, file: string, out: ParseResult, sic: { n: number }): void {
  readCsv(rawRoot, file).forEach((r, i) => {
    out.read++;
    const source_row = i + 1;
    const drop = (reason: string): number => out.drops.push({ source_file: file, source_row, reason });
    const value = num(r.value);
    const n = num(r.n_gpus);
    const isl = num(r.isl);
    const osl = num(r.osl);
    if (value === null || value <= 0) return drop(`non-numeric or non-positive value "${r.value}"`);
    if (n === null || n < 1) return drop(`bad GPU count "${r.n_gpus}"`);
    const m = mapRecord(r, isl, osl);
    if (typeof m === 'string') return drop(m);
    if (/\(sic\)/.test(r.note ?? '')) sic.n++;
    out.rows.push({
      source_file: file,
      source_row,
      hardware: r.gpu ?? '',
      n_devices: n,
      model: modelLabel(r.model ?? ''),
      mode: 'inference',
      scenario: m.scenario,
      precision: r.precision ?? '',
      batch_size: m.batch,
      prompt_tokens: isl,
      gen_tokens: osl,
      metric: m.metric,
      value,
      unit: m.unit,
      runtime: runtimeOf(r),
      date: dateOf(r.doc_version ?? ''),
    });
    return 0;
  });
}

function parse(rawRoot: string): ParseResult {
  const out: ParseResult = { read: 0, rows: [], drops: [], notes: [] };
  const sic = { n: 0 };
  parseFile(rawRoot, README, out, sic);
  parseFile(rawRoot, AMD_COM, out, sic);
  out.notes.push(
    `${DIR}: models named by the Model cell's label; ${sic.n} latency rows labelled 405B with the 70B checkpoint (sic) kept as 405B (their latencies are ~2.7× the 70B rows)`,
    `${DIR}: "Throughput (tokens/s)" does not say input+output or output only: kept as output tokens/s where input is ≤ ${MAX_INPUT_SHARE * 100}% of tokens (128/2048, 128/4096), tagged in the scenario; dropped otherwise`,
    `${DIR}: latency tables are end-to-end for one batch (prefill + all output tokens): latency_ms with batch size and lengths`,
  );
  return out;
}

/** AMD's vLLM throughput and batch latency for Llama 3.1 70B / 405B FP8 on 8× MI300X (Jan → Nov 2025). */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'AMD vLLM on ROCm inference performance tables (ROCm/vllm dev-docker README, amd.com)',
    repository: 'https://github.com/ROCm/vllm',
    paths: [README, AMD_COM].join('|'),
    commit:
      'docs/dev-docker/README.md at 7a292f9b, 0f2300e3, 25070a18, c43debd4, 16d2b92e, 7bb0618b, 68af0558, ' +
      '5486e7bc, f94ec9be; amd.com performance-results page (zh-cn copy 2025-10-06, ja copy 2025-11-03)',
    license: 'Apache-2.0 (ROCm/vllm); amd.com site terms (AMD published measurements, cited by URL)',
  },
  parse,
};
