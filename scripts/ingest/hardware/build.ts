/** Hardware catalog builder: curated device list + raw spec sources + derived CPU peaks → HardwareRow[]. */
import type { HardwareRow } from '../../../src/core/catalog/schema.ts';
import type { CatalogBuild } from '../types.ts';
import { cpuRows, CPUS } from './cpus.ts';
import { APPLE } from './devices-apple.ts';
import { NVIDIA_CLIENT } from './devices-nvidia-client.ts';
import { NVIDIA_DATACENTER } from './devices-nvidia-dc.ts';
import { OTHER_ACCELERATORS } from './devices-other.ts';
import { PEAK_CORRECTIONS } from './corrections.ts';
import type { DeviceDef } from './device-types.ts';
import { mergeDevice } from './merge.ts';
import { PEAK_FIELDS, type PeakCheck, type PeakCorrection, type PeakField } from './peaks.ts';
import { loadRawSpecs } from './raw-specs.ts';
import { hardwareSources } from './sources.ts';

/** Every curated accelerator / SoC definition. */
export const DEVICE_DEFS = [...NVIDIA_DATACENTER, ...NVIDIA_CLIENT, ...OTHER_ACCELERATORS, ...APPLE];

/** True when a row has memory, bandwidth, FP32, FP16-or-BF16 peak and TDP. */
export function isComplete(r: HardwareRow): boolean {
  return (
    r.memory_gb != null &&
    r.mem_bw_gbs != null &&
    r.fp32_tflops != null &&
    (r.fp16_tflops ?? r.bf16_tflops) != null &&
    r.tdp_w != null
  );
}

/**
 * Build the hardware catalog from the raw spec folders under rawRoot (shared/data/raw).
 * Deterministic: rows sorted by id, notes in device order.
 */
export function buildHardware(
  rawRoot: string,
  defs: readonly DeviceDef[] = DEVICE_DEFS,
  corrections: readonly PeakCorrection[] = PEAK_CORRECTIONS,
): CatalogBuild<HardwareRow> {
  const specs = loadRawSpecs(rawRoot);
  const rows: HardwareRow[] = [];
  const notes: string[] = [];
  const counts = new Map<string, number>();
  const bump = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  const checks: PeakCheck[] = [];
  const filled: string[] = [];
  for (const def of defs) {
    const m = mergeDevice(def, specs, corrections);
    rows.push(m.row);
    notes.push(...m.notes);
    checks.push(...m.checks);
    if (m.filled.length) filled.push(`${def.id} (${m.filled.join(', ')})`);
    for (const c of m.cited) bump(c);
  }
  const failed = checks.filter((c) => !c.agrees);
  if (failed.length > 0)
    throw new PeakContradiction(
      failed.map((c) => `${c.device} ${c.field}=${c.value} vs ${c.expected.toFixed(1)} (${c.against})`),
    );
  notes.push(...peakSummary(rows, checks, filled, corrections));
  for (const r of cpuRows()) {
    rows.push(r);
    bump('vendor-datasheet');
  }
  notes.push(
    `${CPUS.length} CPUs: FP32 peak derived as cores x base clock x FP32 FLOP/cycle (AVX2 32, AVX-512 2xFMA 64, 128-bit E-cores 16); bandwidth = channels x MT/s x 8 B; AMX BF16/INT8 = 1024/2048 per cycle per core`,
  );
  notes.push(
    'Apple: FP16 peak set equal to FP32 (metal-benchmarks: FP16 = FP32 rate from M1); M3/M4 FP32 = hf-providers (waredb) FP16 / 2; memory = the largest config hf-providers lists',
  );
  notes.push(
    'cloud_usd_hr = median on-demand per-GPU price_hr over hf-providers cloud_pricing offers (2026-02-23) for the device',
  );
  const ids = new Set<string>();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`hardware: duplicate id ${r.id}`);
    ids.add(r.id);
  }
  rows.sort((a, b) => a.id.localeCompare(b.id));
  return { rows, sources: hardwareSources(counts), notes };
}

/** The ingest's peaks disagree with a rule or a second source by more than the tolerance, uncorrected. */
export class PeakContradiction extends Error {
  constructor(readonly lines: string[]) {
    super(
      `hardware: ${lines.length} dense peak(s) disagree by over 10% with a rule or a second source; ` +
        `record a correction with its reason in scripts/ingest/hardware/corrections.ts:\n  ${lines.join('\n  ')}`,
    );
  }
}

/** Report lines: devices whose every tensor peak was cross-checked, the fills, and each correction. */
function peakSummary(
  rows: readonly HardwareRow[],
  checks: readonly PeakCheck[],
  filled: readonly string[],
  corrections: readonly PeakCorrection[],
): string[] {
  const checked = new Set<string>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const confirm = (id: string, f: PeakField) => {
    checked.add(`${id}:${f}`);
    const origin = new RegExp(`(?:^|;)${f}=derived:rule \\S+ = [\\d.]+ × (\\w+)`).exec(
      byId.get(id)?.spec_sources ?? '',
    );
    if (origin?.[1] && !checked.has(`${id}:${origin[1]}`)) confirm(id, origin[1] as PeakField);
  };
  for (const c of checks.filter((c) => c.agrees)) {
    confirm(c.device, c.field);
    if (c.base) confirm(c.device, c.base);
  }
  const stated = (r: HardwareRow, f: PeakField) =>
    r[f] != null && !new RegExp(`(^|;)${f}=derived:rule`).test(r.spec_sources);
  const withPeaks = rows.filter((r) => r.kind !== 'cpu' && PEAK_FIELDS.some((f) => r[f] != null));
  const full = withPeaks.filter((r) =>
    PEAK_FIELDS.every((f) => !stated(r, f) || checked.has(`${r.id}:${f}`)),
  );
  return [
    `peaks: ${full.length} of ${withPeaks.length} accelerators have every stated tensor peak cross-checked; figures derived from a checked one by a ratio rule count as checked (${checks.length} checks against an architecture ratio rule or a second source, tolerance 10%)`,
    `peaks: filled from architecture ratio rules on ${filled.length} devices: ${filled.join('; ')}`,
    ...corrections.map(
      (c) =>
        `peaks: correction ${c.device} ${c.field}` +
        (c.value !== undefined ? ` = ${c.value ?? 'none'}` : ` waives ${c.waive ?? ''}`) +
        ` — ${c.reason}`,
    ),
  ];
}
