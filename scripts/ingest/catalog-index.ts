/** The name indexes the ingest resolves raw hardware and model names with, over the built catalog. */
import { hardwareLookup, modelLookup, type Lookup } from '../../src/core/catalog/lookup.ts';
import {
  buildNameIndex,
  HARDWARE_PREFIXES,
  type Named,
  type NameIndex,
} from '../../src/core/catalog/resolve.ts';
import type { HardwareRow, ModelRow } from '../../src/core/catalog/schema.ts';

/** Hardware and model name indexes as `npm run ingest` builds them. */
export function catalogIndexes(
  hardware: readonly HardwareRow[],
  models: readonly ModelRow[],
): { hardware: NameIndex; models: NameIndex } {
  return {
    hardware: withLookup(buildNameIndex(hardware, HARDWARE_PREFIXES), hardwareLookup(hardware)),
    models: withLookup(buildNameIndex(models), modelLookup(models)),
  };
}

/**
 * Exact keys first (every name the tables write as the catalog does), then the CLI's lookup for the rest:
 * vendor-doc spellings ("LLaMA v3.1 70B"), capacity and form-factor variants ("H200 141GB HBM3").
 */
function withLookup<T extends Named>(exact: NameIndex, lookup: Lookup<T>): NameIndex {
  return {
    conflicts: exact.conflicts,
    resolve(raw) {
      const r = exact.resolve(raw);
      if (r.kind === 'found') return r;
      const l = lookup.resolve(raw);
      return l.ok ? { kind: 'found', id: l.entry.id, via: `lookup:${l.via}` } : r;
    },
  };
}
