/**
 * The catalog an import resolves names against: the CLI's lookups (core/catalog/lookup.ts: ids, aliases,
 * vendor spellings, device variants, checkpoint names), memoized per name since files repeat them.
 * Build it once per catalog and reuse it for every file.
 */
import { hardwareLookup, modelLookup, type Lookup, type LookupResult } from '../catalog/lookup.ts';
import type { HardwareRow, ModelRow } from '../catalog/schema.ts';

export interface ImportCatalog {
  hardware(name: string): LookupResult<HardwareRow>;
  model(name: string): LookupResult<ModelRow>;
  hardwareById: ReadonlyMap<string, HardwareRow>;
  modelsById: ReadonlyMap<string, ModelRow>;
}

/** Names remembered per lookup; past this the memo starts over (a fuzzed file has endless names). */
const MEMO_LIMIT = 20_000;

function memo<T extends { id: string; name: string; aliases: string }>(l: Lookup<T>) {
  const m = new Map<string, LookupResult<T>>();
  return (name: string) => {
    let r = m.get(name);
    if (r === undefined) {
      if (m.size >= MEMO_LIMIT) m.clear();
      m.set(name, (r = l.resolve(name)));
    }
    return r;
  };
}

export function importCatalog(hardware: readonly HardwareRow[], models: readonly ModelRow[]): ImportCatalog {
  return {
    hardware: memo(hardwareLookup(hardware)),
    model: memo(modelLookup(models)),
    hardwareById: new Map(hardware.map((h) => [h.id, h])),
    modelsById: new Map(models.map((m) => [m.id, m])),
  };
}
