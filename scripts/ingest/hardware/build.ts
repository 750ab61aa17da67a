/** Hardware catalog builder: curated device list + raw spec sources + derived CPU peaks → HardwareRow[]. */
import type { HardwareRow } from '../../../src/core/catalog/schema.ts';
import type { CatalogBuild } from '../types.ts';
import { cpuRows, CPUS } from './cpus.ts';
import { APPLE } from './devices-apple.ts';
import { NVIDIA_CLIENT } from './devices-nvidia-client.ts';
import { NVIDIA_DATACENTER } from './devices-nvidia-dc.ts';
import { OTHER_ACCELERATORS } from './devices-other.ts';
import { mergeDevice } from './merge.ts';
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
export function buildHardware(rawRoot: string): CatalogBuild<HardwareRow> {
  const specs = loadRawSpecs(rawRoot);
  const rows: HardwareRow[] = [];
  const notes: string[] = [];
  const counts = new Map<string, number>();
  const bump = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const def of DEVICE_DEFS) {
    const m = mergeDevice(def, specs);
    rows.push(m.row);
    notes.push(...m.notes);
    for (const c of m.cited) bump(c);
  }
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
  notes.push(
    'bf16_tflops copied from the dense tensor FP16 figure only on architectures with equal BF16/FP16 tensor rates (Ampere+, CDNA2+, TPU, Gaudi, Trainium); null on Volta/Turing/Pascal',
  );
  const ids = new Set<string>();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`hardware: duplicate id ${r.id}`);
    ids.add(r.id);
  }
  rows.sort((a, b) => a.id.localeCompare(b.id));
  return { rows, sources: hardwareSources(counts), notes };
}
