/**
 * The compatibility matrix: model families × platforms (backends, optionally split by architecture), each cell
 * derived from the catalog — precision support, the memory fit of the family's typical model on the
 * platform's devices — and from the measurements the snapshot holds for that family on that platform.
 */
import { isGgufKind } from '../catalog/normalize.ts';
import type { HardwareRow, MeasurementRow, ModelRow } from '../catalog/schema.ts';
import { fit, memoryFootprint } from '../roofline/memory.ts';
import { precisionInfo, precisionSupport } from '../roofline/precision.ts';
import type { Workload } from '../roofline/workload.ts';
import { fmtGB } from '../format.ts';
import { BACKENDS, backendsOf, measurementBackend, type Backend } from './platforms.ts';

export type CompatStatus = 'supported' | 'limited' | 'unsupported' | 'unknown';

export interface CompatCell {
  family: string;
  /** Column key: a backend, or `backend/architecture` with groupBy 'architecture'. */
  platform: string;
  status: CompatStatus;
  reason: string;
  /** The family's typical model the fit was checked with. */
  model: string | null;
  measuredRows: number;
  devices: { total: number; full: number; reduced: number; sharded: number; cannot: number };
}

export interface CompatMatrix {
  precision: string | null;
  groupBy: 'backend' | 'architecture';
  families: string[];
  platforms: string[];
  cells: CompatCell[];
}

export interface CompatOptions {
  /** Check one precision only (e.g. 'fp8'); default: the ladder 16/32-bit → 8-bit → 4-bit weight-only. */
  precision?: string;
  groupBy?: 'backend' | 'architecture';
  families?: readonly string[];
  backends?: readonly Backend[];
}

export interface CompatSnapshot {
  hardware: readonly HardwareRow[];
  models: readonly ModelRow[];
  measurements: readonly MeasurementRow[];
}

const FULL = ['fp16', 'bf16', 'fp32'];
const REDUCED = ['fp8', 'int8', 'q4_k_m', 'q4f16', 'int4'];

/** What each browser API can compute: WebGPU has shader-f16 but no bf16/fp8/int8 matmul; WASM runs fp32 SIMD. */
const BROWSER_PRECISIONS: Partial<Record<Backend, (p: string) => boolean>> = {
  webgpu: (p) => ['fp32', 'fp16', 'q4f16', 'q4f32'].includes(p) || isGgufKind(p),
  wasm: (p) => ['fp32', 'int8', 'q4f32'].includes(p) || isGgufKind(p),
  webnn: (p) => ['fp32', 'fp16', 'int8'].includes(p),
};
/** wasm32 linear memory is capped at 4 GiB. */
const WASM_MEMORY_GB = 4.29;
/** Backends that cannot shard a model over several devices. */
const SINGLE_DEVICE: ReadonlySet<Backend> = new Set(['mps', 'webgpu', 'webnn', 'wasm']);
/** WebNN ships behind flags / origin trials, so a cell is at best 'limited'. */
const EXPERIMENTAL: ReadonlySet<Backend> = new Set(['webnn']);

type Tier = 'full' | 'reduced' | 'sharded' | 'cannot';
interface Outcome {
  tier: Tier;
  detail: string;
  precision: string | null;
  bytes: number | null;
  unknownCapacity: boolean;
}

/** The device as a backend sees it (wasm: 4 GiB of memory). */
function asSeenBy(hw: HardwareRow, b: Backend): HardwareRow {
  if (b === 'wasm')
    return { ...hw, kind: 'browser', memory_gb: Math.min(hw.memory_gb ?? WASM_MEMORY_GB, WASM_MEMORY_GB) };
  return hw;
}

function outcome(
  w: Omit<Workload, 'precision'>,
  hw: HardwareRow,
  b: Backend,
  precisions: readonly string[],
  full: ReadonlySet<string>,
): Outcome {
  const allowed = BROWSER_PRECISIONS[b];
  const dev = asSeenBy(hw, b);
  let sharded: Outcome | null = null;
  const why: string[] = [];
  const fitWhy: string[] = [];
  for (const p of precisions) {
    if (allowed && !allowed(p)) {
      why.push(`${b} has no ${p} kernels`);
      continue;
    }
    const s = precisionSupport(dev, p);
    const info = precisionInfo(p);
    if (!s.ok || !info) {
      why.push(s.ok ? `unknown precision ${p}` : s.reason);
      continue;
    }
    const mem = memoryFootprint({ ...w, precision: p }, info, dev.kind);
    const f = fit(mem, dev, 1);
    const base = { precision: p, bytes: mem.total, unknownCapacity: f.capacityBytes === null };
    if (f.status === 'fits') return { ...base, tier: full.has(p) ? 'full' : 'reduced', detail: `${p} fits` };
    if (f.status === 'needs-more' && SINGLE_DEVICE.has(b))
      fitWhy.push(`${p} needs ${f.devicesNeeded} devices; ${b} runs on one`);
    else if (f.status === 'needs-more')
      sharded ??= { ...base, tier: 'sharded', detail: `${p} needs ${f.devicesNeeded} devices` };
    else fitWhy.push(`${p}: ${f.reason}`);
  }
  return (
    sharded ?? {
      tier: 'cannot',
      detail: fitWhy.at(-1) ?? why[0] ?? 'no precision to try',
      precision: null,
      bytes: null,
      unknownCapacity: false,
    }
  );
}

/** The family's typical model: the median by parameter count (lower median, then id); else the first by id. */
export function typicalModel(models: readonly ModelRow[]): ModelRow | null {
  const sized = models
    .filter((m) => m.params_m !== null)
    .sort((a, b) => a.params_m! - b.params_m! || cmp(a.id, b.id));
  if (sized.length) return sized[Math.floor((sized.length - 1) / 2)]!;
  return [...models].sort((a, b) => cmp(a.id, b.id))[0] ?? null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const MEASURED_AS: Record<string, string> = { mixed: 'fp16', 'mixed-bf16': 'bf16' };

/** Build the matrix. Every cell carries a status and the numbers behind it. */
export function compatibilityMatrix(snapshot: CompatSnapshot, options: CompatOptions = {}): CompatMatrix {
  const groupBy = options.groupBy ?? 'backend';
  const backends = options.backends ?? BACKENDS;
  const precision = options.precision?.toLowerCase() ?? null;
  const precisions = precision ? [precision] : [...FULL, ...REDUCED];
  const full = new Set(precision ? [precision] : FULL);
  const colOf = (b: Backend, hw: HardwareRow) =>
    groupBy === 'backend' ? b : `${b}/${hw.architecture ?? 'unknown'}`;

  const columns = new Map<string, { backend: Backend; devices: HardwareRow[] }>();
  for (const hw of [...snapshot.hardware].sort((a, b) => cmp(a.id, b.id)))
    for (const b of backendsOf(hw)) {
      if (!backends.includes(b)) continue;
      const key = colOf(b, hw);
      const col = columns.get(key) ?? { backend: b, devices: [] };
      col.devices.push(hw);
      columns.set(key, col);
    }

  const byFamily = new Map<string, ModelRow[]>();
  for (const m of snapshot.models) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), m]);
  const familyOf = new Map(snapshot.models.map((m) => [m.id, m.family]));
  const hwById = new Map(snapshot.hardware.map((h) => [h.id, h]));
  const measured = new Map<string, { rows: number; devices: Set<string> }>();
  for (const r of snapshot.measurements) {
    if (precision && (MEASURED_AS[r.precision] ?? r.precision) !== precision) continue;
    const hw = hwById.get(r.hardware_id);
    const fam = familyOf.get(r.model_id);
    const b = hw && measurementBackend(r.runtime, hw);
    if (!hw || fam === undefined || !b || !backends.includes(b)) continue;
    const key = `${fam}|${colOf(b, hw)}`;
    const e = measured.get(key) ?? { rows: 0, devices: new Set<string>() };
    e.rows++;
    e.devices.add(hw.id);
    measured.set(key, e);
    if (!columns.has(colOf(b, hw))) columns.set(colOf(b, hw), { backend: b, devices: [] });
  }

  const families = [...(options.families ?? byFamily.keys())].sort(cmp);
  const platforms = [...columns.keys()].sort(
    (a, b) =>
      BACKENDS.indexOf(columns.get(a)!.backend) - BACKENDS.indexOf(columns.get(b)!.backend) || cmp(a, b),
  );
  const cells: CompatCell[] = [];
  for (const family of families) {
    const model = typicalModel(byFamily.get(family) ?? []);
    const w: Omit<Workload, 'precision'> | null = model
      ? { model, mode: 'inference', batch: 1, nDevices: 1 }
      : null;
    for (const platform of platforms) {
      const col = columns.get(platform)!;
      const m = measured.get(`${family}|${platform}`);
      const outcomes =
        w && model?.params_m !== null
          ? col.devices.map((hw) => ({ hw, o: outcome(w, hw, col.backend, precisions, full) }))
          : [];
      cells.push(cell(family, platform, col.backend, model, m, outcomes, col.devices.length, precision));
    }
  }
  return { precision, groupBy, families, platforms, cells };
}

function cell(
  family: string,
  platform: string,
  backend: Backend,
  model: ModelRow | null,
  m: { rows: number; devices: Set<string> } | undefined,
  outcomes: { hw: HardwareRow; o: Outcome }[],
  total: number,
  precision: string | null,
): CompatCell {
  const count = (t: Tier) => outcomes.filter((x) => x.o.tier === t).length;
  const devices = {
    total,
    full: count('full'),
    reduced: count('reduced'),
    sharded: count('sharded'),
    cannot: count('cannot'),
  };
  const parts: string[] = [];
  const rows = m?.rows ?? 0;
  if (rows)
    parts.push(
      `measured: ${rows} row${rows > 1 ? 's' : ''} on ${m!.devices.size} device${m!.devices.size > 1 ? 's' : ''} (${[...m!.devices].sort(cmp).slice(0, 3).join(', ')})`,
    );
  else parts.push(`no measurements of ${family}${precision ? ` at ${precision}` : ''} on ${platform}`);
  let status: CompatStatus;
  if (!model || model.params_m === null) {
    parts.push(
      model ? `${model.id} has no parameter count, so the memory fit is unknown` : 'no models in the family',
    );
    status = rows ? 'supported' : 'unknown';
  } else if (total === 0) {
    parts.push(`no ${platform} devices in the catalog to check ${model.id} against`);
    status = rows ? 'supported' : 'unknown';
  } else {
    const fits = outcomes.find((x) => x.o.tier === 'full') ?? outcomes.find((x) => x.o.bytes !== null);
    const size = fits ? ` (${fmtGB(fits.o.bytes!)} at ${fits.o.precision})` : '';
    const unknownCap = outcomes.filter((x) => x.o.unknownCapacity && x.o.tier !== 'cannot').length;
    const fp = precision ?? '16/32-bit';
    const bits = [`${model.id}${size}: fits one device at ${fp} on ${devices.full}/${total}`];
    if (unknownCap) bits.push(`${unknownCap} with unknown capacity`);
    if (devices.reduced)
      bits.push(
        `${devices.reduced} more only at 8/4-bit (${outcomes.find((x) => x.o.tier === 'reduced')!.o.precision})`,
      );
    if (devices.sharded)
      bits.push(
        `${devices.sharded} only sharded (${outcomes.find((x) => x.o.tier === 'sharded')!.o.detail})`,
      );
    if (devices.cannot) {
      const first = outcomes.find((x) => x.o.tier === 'cannot')!;
      bits.push(`${devices.cannot} cannot run it (${first.hw.id}: ${first.o.detail})`);
    }
    parts.push(bits.join(', '));
    const runnable = devices.full + devices.reduced + devices.sharded;
    if (rows || devices.full * 2 >= total) status = 'supported';
    else if (runnable > 0) status = 'limited';
    else status = 'unsupported';
  }
  if (EXPERIMENTAL.has(backend) && status === 'supported') {
    status = 'limited';
    parts.push(`${backend} is still experimental in browsers (behind flags / origin trials)`);
  }
  return {
    family,
    platform,
    status,
    reason: parts.join('; '),
    model: model?.id ?? null,
    measuredRows: rows,
    devices,
  };
}
