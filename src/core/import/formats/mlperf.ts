/**
 * MLPerf Inference `summary_results.json` (MLCommons' results summary: one element per system × benchmark ×
 * scenario, with Accelerator, a#, Nodes, Processor, Model / UsedModel, Scenario, Category, Software,
 * weight_data_types, Performance_Result and Performance_Units). Read the way the ingest reads the published
 * rounds (scripts/ingest/sources/mlperf-common.ts): the whole system's result, batch size not stated, the
 * scenario kept as `Scenario/accuracy/category`, results the submitter inferred from another run refused.
 */
import type { BadRow, RawRow, SourceRecord, Table } from '../types.ts';
import { readNumber } from '../values.ts';
import { columnFinder, recordBad, type Parsed } from './columns.ts';

export function isMlperfTable(t: Table): boolean {
  return columnFinder(t.columns).has('Performance_Result', 'Performance_Units', 'Scenario');
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
const num = (v: unknown): number | null => {
  const r = readNumber(v);
  return r.ok ? r.value : null;
};

const PRECISION_FIX: Record<string, string> = { float8: 'fp8', uint8: 'int8', uint4: 'int4' };

function precisionOf(weights: string, usedModel: string): string {
  const fixed = PRECISION_FIX[weights.toLowerCase()];
  if (fixed) return fixed;
  const unet = /unet'?\s*:\s*'?([a-z0-9]+)/i.exec(weights);
  if (unet?.[1]) return unet[1];
  if (weights === '' || /^unset$/i.test(weights))
    return /(fp8|fp16|bf16|fp4|int8|int4|fp32)/i.exec(usedModel)?.[1] ?? '';
  return weights;
}

function mlperfRow(rec: SourceRecord, bad: BadRow[]): RawRow | null {
  const r = rec.cells;
  if (num(r.inferred) === 1) {
    bad.push(
      recordBad(
        rec,
        'inferred',
        'inferred by the submitter from another scenario run (not measured)',
        r.inferred,
      ),
    );
    return null;
  }
  const accel = str(r.Accelerator).replace(/^Virtualized\s+/i, '');
  const nodes = num(r.Nodes) ?? 1;
  let hardware: string;
  let n: number;
  let hwCol: string;
  if (accel !== '') {
    if (/\(x\d+\)/.test(accel) || accel.includes(', ')) {
      bad.push(
        recordBad(rec, 'Accelerator', 'several kinds of accelerator in one system: no single device', accel),
      );
      return null;
    }
    hardware = accel;
    n = (num(r['a#']) ?? 1) * nodes;
    hwCol = 'Accelerator';
  } else {
    const proc = str(r.Processor);
    const lead = /^(\d+)\s*x\s*/i.exec(proc);
    hardware = proc.replace(/^\d+\s*x\s*/i, '');
    n = (num(r.host_processors_per_node) ?? (lead?.[1] ? Number(lead[1]) : 1)) * nodes;
    hwCol = 'Processor';
  }
  const category = str(r.Category).toLowerCase();
  const model = category === 'open' ? str(r.UsedModel) || str(r.Model) : str(r.Model);
  const units = str(r.Performance_Units);
  const latency = /latency/i.test(units);
  const acc = /-(99(?:\.9)?)$/.exec(str(r.Model))?.[1];
  const avail = str(r.Availability).toLowerCase();
  const scenario = [str(r.Scenario), acc, category, avail === 'available' || avail === '' ? null : avail]
    .filter((x) => x !== null && x !== undefined && x !== '')
    .join('/');
  return {
    row: rec.row,
    values: {
      hardware,
      n_devices: n,
      model,
      mode: 'inference',
      scenario,
      precision: precisionOf(str(r.weight_data_types), str(r.UsedModel)),
      metric: latency ? 'latency_ms' : 'throughput',
      value: r.Performance_Result,
      unit: latency ? 'ms' : units.toLowerCase(),
      runtime: str(r.Software).split(',')[0]?.trim() || undefined,
    },
    columns: {
      hardware: hwCol,
      n_devices: accel !== '' ? 'a#' : 'host_processors_per_node',
      model: category === 'open' ? 'UsedModel' : 'Model',
      scenario: 'Scenario',
      precision: 'weight_data_types',
      metric: 'Performance_Units',
      value: 'Performance_Result',
      unit: 'Performance_Units',
      runtime: 'Software',
    },
    record: r,
  };
}

export function mlperfRows(t: Table): Parsed {
  const bad: BadRow[] = [];
  const rows: RawRow[] = [];
  for (const rec of t.records) {
    const row = mlperfRow(rec, bad);
    if (row) rows.push(row);
  }
  const c = columnFinder(t.columns);
  const read = [
    'Accelerator',
    'a#',
    'Nodes',
    'Processor',
    'host_processors_per_node',
    'Model',
    'UsedModel',
    'Scenario',
    'Category',
    'Availability',
    'Software',
    'weight_data_types',
    'Performance_Result',
    'Performance_Units',
    'inferred',
  ];
  return {
    rows,
    bad,
    read: read.map((n) => c.find(n)).filter((x): x is string => x !== undefined),
    notes: [
      'MLPerf: each result is the whole system (n_devices = accelerators per node × nodes); batch size is not stated',
    ],
  };
}
