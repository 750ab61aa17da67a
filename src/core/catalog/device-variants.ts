/**
 * Device variants: a hardware name that states a capacity, a form factor or a GPU core count the catalog's
 * names do not spell out ("H200 131GB", "MI300X OAM", "RTX 4060 Ti 8GB"). The name without them resolves
 * the chip; the stated values then pick among the chip's rows, whether the catalog has one row per chip or
 * one per configuration. Keyed on names and aliases only, never on ids' shape.
 */
import { nameTokens } from './normalize.ts';
import type { Named } from './resolve.ts';

/** A catalog row as this pass reads it: its names and, for hardware, its memory. */
export interface NamedDevice extends Named {
  memory_gb?: number | null;
}

/** A hardware name split into the chip and what picks its variant. */
export interface DeviceLabel {
  /** The chip's words, sorted: vendor words, capacity, form factor, core count and filler words removed. */
  family: string;
  /** The name without its capacity, form factor and filler words, to resolve as the base device. */
  base: string;
  /** `sxm`, `pcie`, `nvl` or `oam`. */
  form: string | null;
  /** GPU core count ("38-Core GPU" → `38`). */
  cores: string | null;
  capacityGb: number | null;
}

/** Outcome of the variant pass. */
export type VariantOutcome<T> =
  | { kind: 'found'; entry: T; note?: string }
  | { kind: 'refused'; reason: 'ambiguous' | 'unknown'; candidates: T[]; detail: string };

/** A stated capacity within this fraction of a row's memory is the same part ("B300 270GB" for 288 GB). */
export const CAPACITY_TOLERANCE = 0.1;

const FORMS: readonly [RegExp, string][] = [
  [/^sxm\d?$/, 'sxm'],
  [/^pcie(?:gen)?\d?$/, 'pcie'],
  [/^nvl$/, 'nvl'],
  [/^oam$/, 'oam'],
];
const CAPACITY = /^(\d+(?:\.\d+)?)(?:gb|g|gib)$/;
const CORES = /^(\d+)(?:c|core|cores)$/;
/** Words that name no chip: "GPU", memory types ("80GB HBM3"), PCIe generations. */
const FILLER_WORDS = /^(?:gpu|hbm\d?e?|gddr\d?x?|lpddr\d?x?|gen\d|memory|vram)$/;

/** Split a hardware name; `vendorWords` (nvidia, geforce…) are left out of the family. */
export function parseDeviceLabel(raw: string, vendorWords: ReadonlySet<string>): DeviceLabel {
  const family: string[] = [];
  const base: string[] = [];
  let form: string | null = null;
  let cores: string | null = null;
  let capacityGb: number | null = null;
  for (const t of nameTokens(raw)) {
    const cap = CAPACITY.exec(t);
    if (cap) {
      capacityGb ??= Number(cap[1]);
      continue;
    }
    const f = FORMS.find(([re]) => re.test(t));
    if (f) {
      form ??= f[1];
      continue;
    }
    if (FILLER_WORDS.test(t)) continue;
    base.push(t);
    const c = CORES.exec(t);
    if (c) cores ??= c[1] ?? null;
    else if (!vendorWords.has(t)) family.push(t);
  }
  return { family: [...new Set(family)].sort().join(' '), base: base.join(' '), form, cores, capacityGb };
}

interface Profile<T> {
  entry: T;
  families: Set<string>;
  forms: Set<string>;
  cores: Set<string>;
  capacities: number[];
}

function profile<T extends NamedDevice>(
  entry: T,
  names: readonly string[],
  vendor: ReadonlySet<string>,
): Profile<T> {
  const p: Profile<T> = { entry, families: new Set(), forms: new Set(), cores: new Set(), capacities: [] };
  if (entry.memory_gb != null) p.capacities.push(entry.memory_gb);
  for (const n of names) {
    const l = parseDeviceLabel(n, vendor);
    if (l.family !== '') p.families.add(l.family);
    if (l.form) p.forms.add(l.form);
    if (l.cores) p.cores.add(l.cores);
    if (l.capacityGb !== null) p.capacities.push(l.capacityGb);
  }
  return p;
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  (a.size === 0 && b.size === 0) || [...a].some((x) => b.has(x));
const distance = (gb: number, p: Profile<unknown>) =>
  Math.min(Infinity, ...p.capacities.map((c) => Math.abs(gb - c) / c));
const shown = (gb: number) => `${Number(gb.toFixed(1))} GB`;

/** The rows nearest `gb` when the nearest is within tolerance, else null. */
function nearest<T>(gb: number, pool: readonly Profile<T>[]): Profile<T>[] | null {
  const best = Math.min(...pool.map((p) => distance(gb, p)));
  if (!(best <= CAPACITY_TOLERANCE)) return null;
  return pool.filter((p) => distance(gb, p) - best < 1e-9);
}

/** How the row's memory compares to a stated capacity, for the lookup's note. */
function capacityNote(gb: number, p: Profile<NamedDevice>): string | undefined {
  const catalog =
    p.entry.memory_gb ?? [...p.capacities].sort((a, b) => Math.abs(gb - a) - Math.abs(gb - b))[0] ?? null;
  if (catalog === null) return `${shown(gb)} stated; the catalog does not give this device's memory`;
  if (Math.abs(catalog - gb) < 1e-9) return undefined;
  return `${shown(gb)} stated; the catalog row has ${shown(catalog)}`;
}

/**
 * The variant pass over `entries`. `base` resolves a name by the lookup's other passes and returns the rows
 * it fits (none, one, or the ambiguous candidates). Returns null when the name states no variant.
 */
export function deviceVariants<T extends NamedDevice>(
  entries: readonly T[],
  vendorWords: readonly string[],
  namesOf: (entry: T) => readonly string[],
): (input: string, base: (raw: string) => readonly T[]) => VariantOutcome<T> | null {
  const vendor = new Set(vendorWords);
  const profiles = entries.map((e) => profile(e, namesOf(e), vendor));
  const byEntry = new Map(profiles.map((p) => [p.entry, p]));

  return (input, base) => {
    const q = parseDeviceLabel(input, vendor);
    if (q.family === '' || (q.form === null && q.cores === null && q.capacityGb === null)) return null;
    const found = base(q.base).flatMap((e) => byEntry.get(e) ?? []);
    const seeds = found.length > 0 ? found : profiles.filter((p) => p.families.has(q.family));
    if (seeds.length === 0) return null;
    const chip = profiles.filter((p) => seeds.some((s) => [...s.families].some((f) => p.families.has(f))));
    const refuse = (reason: 'ambiguous' | 'unknown', pool: readonly Profile<T>[], detail: string) =>
      ({ kind: 'refused', reason, candidates: pool.map((p) => p.entry), detail }) as const;

    let pool = chip;
    if (q.form !== null) {
      const hit = pool.filter((p) => p.forms.has(q.form!));
      if (hit.length > 0) pool = hit;
      else if (new Set(pool.flatMap((p) => [...p.forms])).size > 1)
        return refuse('unknown', pool, `no ${q.form.toUpperCase()} variant in the catalog`);
    }
    if (q.cores !== null && pool.some((p) => p.cores.size > 0)) {
      pool = pool.filter((p) => p.cores.has(q.cores!));
      if (pool.length === 0) return refuse('unknown', chip, `no ${q.cores}-core variant in the catalog`);
    }
    const alike = pool.filter((p) =>
      seeds.some(
        (s) =>
          (q.form !== null || overlaps(p.forms, s.forms)) && (q.cores !== null || overlaps(p.cores, s.cores)),
      ),
    );
    const siblings = alike.length > 0 ? alike : pool;

    const gb = q.capacityGb;
    if (gb === null) {
      if (siblings.length === 1) return { kind: 'found', entry: siblings[0]!.entry };
      const what = q.form !== null ? q.form.toUpperCase() : `${q.cores}-core`;
      return refuse('ambiguous', siblings, `several ${what} variants`);
    }
    const near = nearest(gb, siblings) ?? nearest(gb, pool);
    const one =
      near?.length === 1 ? near[0] : near === null && siblings.length === 1 ? siblings[0] : undefined;
    if (one) {
      const note = capacityNote(gb, one);
      return note === undefined
        ? { kind: 'found', entry: one.entry }
        : { kind: 'found', entry: one.entry, note };
    }
    if (near) return refuse('ambiguous', near, `several variants near ${shown(gb)}`);
    return refuse('ambiguous', pool, `no variant within ${CAPACITY_TOLERANCE * 100}% of ${shown(gb)}`);
  };
}
