/**
 * llama-bench output (llama.cpp's benchmark tool): `-o csv`, `-o json` / `-o jsonl` (one record per test,
 * with gpu_info, backends, model_filename, model_type, n_prompt, n_gen, n_depth, avg_ts…) and the default
 * `-o md` table (model, size, params, backend, ngl, [threads, n_batch…], test, t/s), which names no device.
 * ppN is prompt processing (prefill tokens/s over an N-token prompt), tgN generation (decode tokens/s over
 * N tokens); `@ dD` runs on a D-token context. Combined pp+tg tests measure no single phase and are skipped.
 */
import type { BadRow, RawRow, SourceRecord, Table } from '../types.ts';
import { readNumber } from '../values.ts';
import { columnFinder, recordBad, rowBuilder, type ColumnFinder, type Parsed } from './columns.ts';

export function isLlamaBenchTable(t: Table): boolean {
  const c = columnFinder(t.columns);
  if (t.container === 'markdown') return c.has('model', 'test', 't/s');
  return (
    c.has('avg_ts') &&
    (c.has('n_prompt') || c.has('n_gen')) &&
    c.find('model_type', 'model_filename') !== undefined
  );
}

/** GGUF kind from llama.cpp's file-type text: "Q4_K - Medium" → q4_k_m, "IQ4_XS - 4.25 bpw" → iq4_xs, "F16". */
export function ggufKindOf(modelType: string): string | null {
  const m =
    /\b(I?Q\d_[A-Z0-9_]+|I?Q\d(?:_\d)?|BF16|F16|F32)\b(?:\s*-\s*(Small|Medium|Large|Extra Large|XS|XXS)\b)?/i.exec(
      modelType,
    );
  if (!m?.[1]) return null;
  const base = m[1].toLowerCase();
  const size = m[2]?.toLowerCase();
  const suffix = size === 'small' ? '_s' : size === 'medium' ? '_m' : size === 'large' ? '_l' : '';
  return base + (suffix && !base.endsWith(suffix) ? suffix : '');
}

/** "models/Qwen2.5-7B-Instruct-Q4_K_M.gguf" → "Qwen2.5-7B-Instruct" (directory, extension and quant kind dropped). */
export function modelNameOfFile(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base
    .replace(/\.gguf$/i, '')
    .replace(/-\d{5}-of-\d{5}$/i, '')
    .replace(/[-._](?:UD-)?(?:I?Q\d[A-Z0-9_]*|BF16|F16|F32|FP16|FP32)(?:[-_](?:XS|S|M|L|XL))?$/i, '');
}

/** "qwen2 7B Q4_K - Medium" → "qwen2 7B": the architecture and size llama.cpp prints. */
const modelOfType = (modelType: string) =>
  modelType.replace(/\s+(?:mostly\s+)?(?:I?Q\d|BF16|F16|F32|all F32).*$/i, '').trim();

/** "CUDA", "Metal,BLAS", "CPU" → the runtime text the shared classifier reads ("llama.cpp Metal"). */
function runtimeOf(
  backends: string,
  ngl: number | null,
  threads: number | null,
  build: string | null,
): string {
  const gpu = /cuda|metal|vulkan|rocm|hip|sycl|opencl|cann|musa|webgpu/i.exec(backends)?.[0];
  const cpu = ngl === 0 || gpu === undefined;
  const parts = [cpu && threads !== null ? `${threads} threads` : null, build ? `build ${build}` : null];
  const detail = parts.filter((p) => p !== null).join(', ');
  return `llama.cpp ${cpu ? 'CPU' : gpu}${detail ? ` (${detail})` : ''}`;
}

/** "pp512", "pp 512", "tg128 @ d4096", "pp512+tg128" → the phase and token counts. */
export function parseTest(test: string): { phase: 'pp' | 'tg'; tokens: number; depth: number } | string {
  const t = test.trim().toLowerCase();
  if (/pp\s*\d+\s*\+\s*tg\s*\d+/.test(t) || /^pg/.test(t))
    return `combined test "${test}" (prompt + generation) measures no single phase`;
  const m = /^(pp|tg)\s*(\d+)(?:\s*@\s*d\s*(\d+))?$/.exec(t);
  if (!m) return `unknown llama-bench test "${test}" (expected ppN or tgN)`;
  return { phase: m[1] as 'pp' | 'tg', tokens: Number(m[2]), depth: m[3] ? Number(m[3]) : 0 };
}

const num = (v: unknown): number | null => {
  const r = readNumber(typeof v === 'string' ? v.replace(/\s*±.*$/, '') : v);
  return r.ok ? r.value : null;
};
const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v);

/** GPU list as llama-bench prints it: identical names count as one device × n. */
function devicesOf(gpuInfo: string): { name: string; n: number } {
  const parts = gpuInfo.split(/\s*[,/]\s*/).filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => p === parts[0])) return { name: parts[0]!, n: parts.length };
  return { name: gpuInfo, n: 1 };
}

function phaseFields(
  b: ReturnType<typeof rowBuilder>,
  phase: 'pp' | 'tg',
  tokens: number,
  depth: number,
  col: string,
) {
  b.set('metric', phase === 'pp' ? 'prefill_tokens_s' : 'decode_tokens_s', col);
  b.set('unit', 'tokens/s');
  if (phase === 'pp') b.set('prompt_tokens', tokens, col);
  else {
    b.set('gen_tokens', tokens, col);
    if (depth > 0) b.set('prompt_tokens', depth, col);
  }
  if (depth > 0) b.set('scenario', `depth ${depth}`);
}

/** One record of llama-bench's CSV or JSON output. */
function structuredRow(rec: SourceRecord, c: ColumnFinder, bad: BadRow[]): RawRow | null {
  const b = rowBuilder(rec);
  const cell = (name: string) => {
    const col = c.find(name);
    return col === undefined ? undefined : rec.cells[col];
  };
  const nPrompt = num(cell('n_prompt')) ?? 0;
  const nGen = num(cell('n_gen')) ?? 0;
  const depth = num(cell('n_depth')) ?? 0;
  const testCol = c.find('n_gen', 'n_prompt') ?? 'n_prompt';
  if (nPrompt > 0 && nGen > 0) {
    bad.push(
      recordBad(
        rec,
        testCol,
        `combined test pp${nPrompt}+tg${nGen} (prompt + generation) measures no single phase`,
      ),
    );
    return null;
  }
  phaseFields(b, nGen > 0 ? 'tg' : 'pp', nGen > 0 ? nGen : nPrompt, depth, testCol);
  const file = str(cell('model_filename'));
  const type = str(cell('model_type'));
  b.set(
    'model',
    file ? modelNameOfFile(file) : modelOfType(type),
    c.find(file ? 'model_filename' : 'model_type'),
  );
  const kind = ggufKindOf(type) ?? ggufKindOf(file);
  if (kind) b.set('precision', kind, c.find(ggufKindOf(type) ? 'model_type' : 'model_filename'));
  const ngl = num(cell('n_gpu_layers'));
  const backends = str(cell('backends') ?? cell('backend'));
  const gpu = str(cell('gpu_info'));
  const onCpu = ngl === 0 || gpu === '' || /^cpu$/i.test(backends);
  const dev = onCpu ? { name: str(cell('cpu_info')), n: 1 } : devicesOf(gpu);
  b.set('hardware', dev.name, c.find(onCpu ? 'cpu_info' : 'gpu_info'));
  if (dev.n > 1) b.set('n_devices', dev.n, c.find('gpu_info'));
  const build = str(cell('build_commit')) || null;
  b.set('runtime', runtimeOf(backends, ngl, num(cell('n_threads')), build), c.find('backends', 'backend'));
  b.take('value', c.find('avg_ts'));
  const time = str(cell('test_time'));
  if (/^\d{4}-\d{2}-\d{2}/.test(time)) b.set('date', time.slice(0, 10), c.find('test_time'));
  b.set('mode', 'inference');
  return b.row;
}

/** One row of llama-bench's Markdown table. */
function markdownRow(rec: SourceRecord, c: ColumnFinder, build: string | null, bad: BadRow[]): RawRow | null {
  const b = rowBuilder(rec);
  const testCol = c.find('test')!;
  const test = parseTest(str(rec.cells[testCol]));
  if (typeof test === 'string') {
    bad.push(recordBad(rec, testCol, test, rec.cells[testCol]));
    return null;
  }
  phaseFields(b, test.phase, test.tokens, test.depth, testCol);
  const modelCol = c.find('model')!;
  const type = str(rec.cells[modelCol]);
  b.set('model', modelOfType(type), modelCol);
  const kind = ggufKindOf(type);
  if (kind) b.set('precision', kind, modelCol);
  const backendCol = c.find('backend', 'backends');
  const nglCol = c.find('ngl', 'n_gpu_layers');
  const ngl = nglCol === undefined ? null : num(rec.cells[nglCol]);
  const threadsCol = c.find('threads', 'n_threads');
  const threads = threadsCol === undefined ? null : num(rec.cells[threadsCol]);
  b.set(
    'runtime',
    runtimeOf(str(backendCol === undefined ? '' : rec.cells[backendCol]), ngl, threads, build),
    backendCol,
  );
  const ts = c.find('t/s')!;
  b.set('value', str(rec.cells[ts]).replace(/\s*±.*$/, ''), ts);
  b.set('mode', 'inference');
  return b.row;
}

/** Rows of a llama-bench file; combined or unknown tests are bad rows. */
export function llamaBenchRows(t: Table): Parsed {
  const c = columnFinder(t.columns);
  const rows: RawRow[] = [];
  const bad: BadRow[] = [];
  const build = /build:\s*([0-9a-f]{6,40})/i.exec(t.trailer ?? '')?.[1] ?? null;
  for (const rec of t.records) {
    const r = t.container === 'markdown' ? markdownRow(rec, c, build, bad) : structuredRow(rec, c, bad);
    if (r) rows.push(r);
  }
  const readNames =
    t.container === 'markdown'
      ? ['model', 'backend', 'backends', 'ngl', 'threads', 'n_threads', 'test', 't/s', 'size', 'params']
      : [
          'model_filename',
          'model_type',
          'gpu_info',
          'cpu_info',
          'backends',
          'backend',
          'n_gpu_layers',
          'n_threads',
          'n_prompt',
          'n_gen',
          'n_depth',
          'avg_ts',
          'test_time',
          'build_commit',
        ];
  return { rows, bad, read: readNames.map((n) => c.find(n)).filter((x): x is string => x !== undefined) };
}
