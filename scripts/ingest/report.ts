/** The ingest's printed report: per-source read/kept/dropped with reasons, unresolved names, flags. */
import type { OutlierFinding } from './outliers.ts';
import type { Drop } from './types.ts';

export interface SourceReport {
  id: string;
  read: number;
  kept: number;
  drops: Drop[];
  notes: string[];
  unresolvedHardware: Map<string, number>;
  unresolvedModels: Map<string, number>;
}

export interface ReportInput {
  reports: SourceReport[];
  hardwareNotes: string[];
  modelNotes: string[];
  conflicts: [string, string[]][];
  findings: OutlierFinding[];
  counts: Record<string, number | string>;
  log?: (line: string) => void;
}

/** Group drop reasons: names inside quotes are folded so "unknown model "x"" counts as one reason kind. */
export function groupReasons(drops: readonly Drop[]): [string, number][] {
  const m = new Map<string, number>();
  for (const d of drops) {
    const kind = d.reason
      .replace(/"[^"]*"/g, '"…"')
      .replace(/[\w./-]+:\d+/g, '<file:row>')
      .replace(/\d+(\.\d+)?/g, 'N')
      .replace(/: .*$/, '');
    m.set(kind, (m.get(kind) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
}

const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `"${k}" ×${v}`)
    .join(', ');

export function printReport(input: ReportInput): void {
  const log = input.log ?? ((l: string) => console.log(l));
  log('# Ingest report');
  log('');
  log('| source | read | kept | dropped |');
  log('|---|---:|---:|---:|');
  let read = 0;
  let kept = 0;
  let dropped = 0;
  for (const r of input.reports) {
    log(`| ${r.id} | ${r.read} | ${r.kept} | ${r.drops.length} |`);
    read += r.read;
    kept += r.kept;
    dropped += r.drops.length;
  }
  log(`| **total** | ${read} | ${kept} | ${dropped} |`);
  for (const r of input.reports) {
    if (
      r.drops.length === 0 &&
      r.notes.length === 0 &&
      r.unresolvedHardware.size + r.unresolvedModels.size === 0
    )
      continue;
    log('');
    log(`## ${r.id}`);
    for (const [reason, n] of groupReasons(r.drops)) log(`- dropped ${n}: ${reason}`);
    if (r.unresolvedHardware.size) log(`- unresolved hardware: ${top(r.unresolvedHardware, 12)}`);
    if (r.unresolvedModels.size) log(`- unresolved models: ${top(r.unresolvedModels, 12)}`);
    for (const n of r.notes) log(`- note: ${n}`);
  }
  if (input.hardwareNotes.length || input.modelNotes.length) {
    log('');
    log('## Catalog notes');
    for (const n of input.hardwareNotes) log(`- hardware: ${n}`);
    for (const n of input.modelNotes) log(`- models: ${n}`);
  }
  if (input.conflicts.length) {
    log('');
    log('## Alias conflicts (names that resolve as ambiguous)');
    for (const [key, ids] of input.conflicts.slice(0, 40)) log(`- ${key}: ${ids.join(', ')}`);
    if (input.conflicts.length > 40) log(`- … ${input.conflicts.length - 40} more`);
  }
  log('');
  log(`## Flagged for review: ${input.findings.length}`);
  const byFlag = new Map<string, number>();
  for (const f of input.findings) byFlag.set(f.flag, (byFlag.get(f.flag) ?? 0) + 1);
  for (const [flag, n] of byFlag) log(`- ${flag}: ${n}`);
  for (const f of input.findings.slice(0, 15))
    log(
      `  - ${f.flag} ${f.row.source_file}:${f.row.source_row} ${f.row.model_id} on ${f.row.hardware_id} ${f.row.metric}=${f.row.value} (${f.detail})`,
    );
  log('');
  log('## Snapshot');
  for (const [k, v] of Object.entries(input.counts)) log(`- ${k}: ${v}`);
}
