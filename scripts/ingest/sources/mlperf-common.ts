/** Shared parser for MLPerf Inference rounds: summary_results.json (headline) + mlperf_log_summary_parsed.csv (TTFT/TPOT). */
import { num, readCsv, readJson } from '../read.ts';
import type { Drop, ParseResult, RawMeasurement } from '../types.ts';

/** One element of an MLPerf `summary_results.json` array (fields used here). */
export interface MlperfSummaryRow {
  Submitter: string;
  Availability: string;
  Category: string;
  Platform: string;
  UsedModel: string;
  Model: string;
  Scenario: string;
  Nodes: number | string;
  Processor: string;
  host_processors_per_node: number | string;
  Accelerator: string;
  'a#': number | string;
  Location: string;
  Software: string;
  inferred: number | string;
  weight_data_types: string | null;
  Performance_Result: number | string;
  Performance_Units: string;
}

/** Options for one MLPerf round. */
export interface MlperfRound {
  /** Raw folder name, e.g. `mlperf-inference-v4.1`. */
  dir: string;
  /** Round publication month, `YYYY-MM`. */
  date: string;
}

const ACC_SUFFIX = /-(99(?:\.9)?)$/;
const PRECISION_FIX: Record<string, string> = { float8: 'fp8', uint8: 'int8', uint4: 'int4' };
const LOG_STATS: { metric: 'ttft_ms' | 'tpot_ms'; col: string; tag: string }[] = [
  { metric: 'ttft_ms', col: '50_00_percentile_first_token_latency_ns', tag: 'ttft-p50' },
  { metric: 'ttft_ms', col: '99_00_percentile_first_token_latency_ns', tag: 'ttft-p99' },
  { metric: 'tpot_ms', col: '50_00_percentile_time_to_output_token_ns', tag: 'tpot-p50' },
  { metric: 'tpot_ms', col: '99_00_percentile_time_to_output_token_ns', tag: 'tpot-p99' },
];

const str = (v: unknown): string => (v == null ? '' : String(v).trim());
const bump = (fixes: Map<string, number>, k: string): void => void fixes.set(k, (fixes.get(k) ?? 0) + 1);
const numOf = (v: unknown): number | null => (typeof v === 'number' ? v : num(str(v)));

/** Precision as declared by `weight_data_types`, with spelling fixes counted in `fixes`. */
export function mlperfPrecision(r: MlperfSummaryRow, fixes: Map<string, number>): string {
  const raw = str(r.weight_data_types);
  const lower = raw.toLowerCase();
  const fixed = PRECISION_FIX[lower];
  if (fixed) {
    bump(fixes, `weight_data_types '${lower}' read as ${fixed}`);
    return fixed;
  }
  const unet = /unet'?\s*:\s*'?([a-z0-9]+)/i.exec(raw);
  if (unet?.[1]) {
    bump(fixes, 'SDXL per-component weight_data_types: the UNet entry is used');
    return unet[1];
  }
  if (lower === '' || lower === 'unset') {
    const hint = /(fp8|fp16|bf16|fp4|int8|int4|fp32)/i.exec(r.UsedModel);
    if (hint?.[1]) {
      bump(fixes, `weight_data_types '${raw}': precision taken from the UsedModel name`);
      return hint[1];
    }
  }
  return raw === '' ? 'unknown' : raw;
}

/** One device name and the device count of a summary row, or a drop reason. */
export function mlperfDevice(
  r: MlperfSummaryRow,
  fixes: Map<string, number>,
): { hardware: string; n: number } | string {
  const nodes = numOf(r.Nodes) ?? 1;
  const accel = str(r.Accelerator);
  if (accel !== '') {
    if (/\(x\d+\)/.test(accel) || accel.includes(', '))
      return `heterogeneous accelerators (${accel}): no single device`;
    const perNode = numOf(r['a#']);
    if (perNode == null) bump(fixes, `empty a# for '${accel}': counted as 1 device per node`);
    if (/^Virtualized\s+/i.test(accel)) bump(fixes, `'Virtualized' prefix removed from '${accel}'`);
    const hardware = accel.replace(/^Virtualized\s+/i, '');
    return { hardware, n: (perNode ?? 1) * nodes };
  }
  const proc = str(r.Processor);
  if (proc === '') return 'no accelerator and no processor named';
  const lead = /^(\d+)\s*x\s*/i.exec(proc);
  const sockets = numOf(r.host_processors_per_node) ?? (lead?.[1] ? Number(lead[1]) : 1);
  return { hardware: proc.replace(/^\d+\s*x\s*/i, ''), n: sockets * nodes };
}

function scenarioOf(r: MlperfSummaryRow, stat: string | null): string {
  const acc = ACC_SUFFIX.exec(r.Model)?.[1] ?? null;
  const avail = str(r.Availability).toLowerCase();
  return [r.Scenario, acc, str(r.Category).toLowerCase(), avail === 'available' ? null : avail, stat]
    .filter((x): x is string => x != null && x !== '')
    .join('/');
}

/** Key of results that are the same run submitted under both -99 and -99.9: index of the -99.9 twin. */
function duplicateTwins(summary: MlperfSummaryRow[]): Map<number, number> {
  const byKey = new Map<string, number>();
  summary.forEach((r, i) => {
    if (/-99\.9$/.test(r.Model))
      byKey.set(
        [
          r.Category,
          r.Submitter,
          r.Platform,
          r.Model.replace(ACC_SUFFIX, ''),
          r.Scenario,
          r.Performance_Result,
        ].join('|'),
        i,
      );
  });
  const twins = new Map<number, number>();
  summary.forEach((r, i) => {
    if (!/-99$/.test(r.Model)) return;
    const j = byKey.get(
      [
        r.Category,
        r.Submitter,
        r.Platform,
        r.Model.replace(ACC_SUFFIX, ''),
        r.Scenario,
        r.Performance_Result,
      ].join('|'),
    );
    if (j !== undefined) twins.set(i, j);
  });
  return twins;
}

/** Headline percentile of a latency result, matched against LoadGen's early-stopping estimates. */
function latencyStat(r: MlperfSummaryRow, log: Record<string, string> | undefined): string {
  const v = numOf(r.Performance_Result) ?? NaN;
  const cands: [string, string][] = [
    ['p90', 'early_stopping_90th_percentile_estimate'],
    ['p90', 'early_stopping_90_0th_percentile_estimate'],
    ['p99', 'early_stopping_99th_percentile_estimate'],
    ['p99', 'early_stopping_99_0th_percentile_estimate'],
    ['p99.9', 'early_stopping_99_9th_percentile_estimate'],
  ];
  for (const [tag, col] of cands) {
    const ns = num(log?.[col]);
    if (ns != null && Math.abs(ns / 1e6 - v) <= 1e-3 * Math.max(1, v)) return tag;
  }
  return r.Scenario === 'SingleStream' ? 'p90' : 'p99';
}

/** Parse one MLPerf Inference round folder into long-format measurements. */
export function parseMlperfRound(rawRoot: string, round: MlperfRound): ParseResult {
  const sumFile = `${round.dir}/summary_results.json`;
  const logFile = `${round.dir}/mlperf_log_summary_parsed.csv`;
  const summary = readJson<MlperfSummaryRow[]>(rawRoot, sumFile);
  const logs = readCsv(rawRoot, logFile);
  const logByLoc = new Map<string, number>();
  logs.forEach((l, j) => logByLoc.set(str(l.location), j));
  const twins = duplicateTwins(summary);
  const fixes = new Map<string, number>();
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  const kept = new Map<number, RawMeasurement>();
  const dropReason = new Map<number, string>();

  summary.forEach((r, i) => {
    const source_row = i + 1;
    const drop = (reason: string): void => {
      dropReason.set(i, reason);
      drops.push({ source_file: sumFile, source_row, reason });
    };
    if (numOf(r.inferred) === 1)
      return drop('derived: inferred by submitter from another scenario run (not measured)');
    const twin = twins.get(i);
    if (twin !== undefined)
      return drop(`duplicate of ${sumFile}:${twin + 1} (same run submitted for -99 and -99.9)`);
    const value = numOf(r.Performance_Result);
    if (value == null || value <= 0)
      return drop(`non-numeric or non-positive result: ${str(r.Performance_Result)}`);
    const dev = mlperfDevice(r, fixes);
    if (typeof dev === 'string') return drop(dev);
    const units = str(r.Performance_Units);
    const isLatency = /latency/i.test(units);
    const log = logs[logByLoc.get(str(r.Location)) ?? -1];
    const m: RawMeasurement = {
      source_file: sumFile,
      source_row,
      hardware: dev.hardware,
      n_devices: dev.n,
      model: str(r.Category).toLowerCase() === 'open' ? str(r.UsedModel) || r.Model : r.Model,
      mode: 'inference',
      scenario: scenarioOf(r, isLatency ? latencyStat(r, log) : null),
      precision: mlperfPrecision(r, fixes),
      batch_size: null,
      metric: isLatency ? 'latency_ms' : 'throughput',
      value,
      unit: isLatency ? 'ms' : units.toLowerCase(),
      runtime: str(r.Software).split(',')[0]?.trim() || null,
      date: round.date,
    };
    rows.push(m);
    kept.set(i, m);
  });

  const sumByLoc = new Map<string, number>();
  summary.forEach((r, i) => sumByLoc.set(str(r.Location), i));
  logs.forEach((l, j) => {
    const source_row = j + 1;
    const i = sumByLoc.get(str(l.location));
    const drop = (reason: string): number => drops.push({ source_file: logFile, source_row, reason });
    if (i === undefined) return drop('log has no summary_results.json row (no published result)');
    const head = kept.get(i);
    if (!head) return drop(`log of a dropped result: ${dropReason.get(i) ?? 'dropped'}`);
    const stats = str(l.scenario) === 'Server' ? LOG_STATS.filter((s) => (num(l[s.col]) ?? 0) > 0) : [];
    if (stats.length === 0)
      return drop(`no TTFT/TPOT in this log (not an LLM Server run); headline is ${sumFile}:${i + 1}`);
    for (const s of stats) {
      const scen = (head.scenario ?? '').split('/').filter((x) => !/^p\d/.test(x));
      rows.push({
        ...head,
        source_file: logFile,
        source_row,
        metric: s.metric,
        value: num(l[s.col]) ?? 0,
        unit: 'ns',
        scenario: [...scen, s.tag].join('/'),
      });
    }
    return 0;
  });

  const notes = [...fixes].map(([k, c]) => `${round.dir}: ${k} (${c} rows)`);
  notes.push(
    `${round.dir}: -99 results identical to their -99.9 twin (same run) dropped as duplicates; -99.9 kept`,
  );
  return { read: summary.length + logs.length, rows, drops, notes };
}
