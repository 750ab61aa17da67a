/** The model catalog builder: merges every model source into one ModelRow per model with unambiguous aliases. */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { nameKey } from '../../../src/core/catalog/normalize.ts';
import { buildNameIndex, splitAliases } from '../../../src/core/catalog/resolve.ts';
import type { CatalogBuild } from '../types.ts';
import { exists, readCsv } from '../read.ts';
import { applyAttentionConfigs } from './attention.ts';
import { TIMM_ALIASES, buildBenchModels, mlperfVariantAliases } from './bench-models.ts';
import { buildEncoders, buildT5, buildWhisper } from './encoders.ts';
import { buildLegacy } from './legacy.ts';
import { buildMlc } from './mlc.ts';
import { buildPublished } from './published.ts';
import { sourceRows } from './sources.ts';
import { buildTimm, timmLegacyAliases } from './timm.ts';

export const DEFAULT_RAW_ROOT = '/work/shared/data/raw';
const WEBLLM = 'webllm-model-vram/webllm_prebuilt_models_vram.csv';

function addAliases(row: ModelRow, extra: readonly string[]): void {
  row.aliases = [...new Set([...splitAliases(row.aliases), ...extra])].join('|');
}

/** Remove alias keys claimed by several rows: the row owning the key as id/name wins, else the earliest row. */
function dedupeAliases(rows: ModelRow[], notes: string[]): void {
  const primary = new Map<string, string>();
  for (const r of rows)
    for (const k of [nameKey(r.id), nameKey(r.name)]) if (!primary.has(k)) primary.set(k, r.id);
  const claimed = new Map<string, string>();
  for (const r of rows) {
    const kept: string[] = [];
    for (const a of splitAliases(r.aliases)) {
      const k = nameKey(a);
      const owner = primary.get(k) ?? claimed.get(k);
      if (owner !== undefined && owner !== r.id) {
        notes.push(`alias '${a}' dropped from ${r.id}: key already owned by ${owner}`);
        continue;
      }
      if (k === nameKey(r.id) || k === nameKey(r.name)) continue;
      claimed.set(k, r.id);
      kept.push(a);
    }
    r.aliases = [...new Set(kept)].join('|');
  }
}

/** WebLLM build ids (`<model>-q4f16_1-MLC[-1k]`) become aliases of the row their base name resolves to. */
function webllmAliases(rawRoot: string, rows: ModelRow[], notes: string[]): void {
  if (!exists(rawRoot, WEBLLM)) return;
  const index = buildNameIndex(rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = new Set<string>();
  for (const rec of readCsv(rawRoot, WEBLLM)) {
    const full = rec['model_id'] ?? '';
    const base = full.replace(/-(q\d+f\d+(_\d)?)(-MLC)?(-1k|-b\d+)?$/, '').replace(/-MLC(-b\d+)?$/, '');
    const hit = index.resolve(base);
    if (hit.kind === 'found') addAliases(byId.get(hit.id) as ModelRow, [full, base]);
    else missing.add(base);
  }
  if (missing.size > 0) notes.push(`webllm-model-vram: no catalog row for ${[...missing].sort().join(', ')}`);
}

/**
 * Build the model catalog from the raw source folders.
 * @param rawRoot folder holding the per-source folders (shared/data/raw)
 */
export function buildModels(rawRoot: string = DEFAULT_RAW_ROOT): CatalogBuild<ModelRow> {
  const notes: string[] = [];
  const timm = buildTimm(rawRoot);
  const mlc = buildMlc(rawRoot);
  const legacy = buildLegacy(rawRoot);
  notes.push(...timm.notes, ...mlc.notes, ...legacy.notes);
  const ordered = [
    ...buildBenchModels(),
    ...mlc.rows,
    ...buildPublished(),
    ...buildEncoders(rawRoot),
    ...buildWhisper(rawRoot),
    ...buildT5(rawRoot),
    ...legacy.rows,
    ...timm.rows,
  ];
  const rows: ModelRow[] = [];
  const seen = new Set<string>();
  for (const r of ordered) {
    if (seen.has(r.id)) {
      notes.push(`duplicate id ${r.id} (${r.source}) dropped; first definition kept`);
      continue;
    }
    seen.add(r.id);
    rows.push(r);
  }
  const attention = applyAttentionConfigs(rawRoot, rows);
  rows.push(...attention.added);
  notes.push(...attention.notes);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [arch, aliases] of Object.entries(TIMM_ALIASES)) {
    const id = timm.archToId.get(arch);
    const row = id ? byId.get(id) : undefined;
    if (row) addAliases(row, aliases);
    else notes.push(`timm architecture ${arch} not benchmarked: aliases ${aliases.join(', ')} unattached`);
  }
  const legacyTimm = timmLegacyAliases(rawRoot, rows);
  for (const [id, aliases] of legacyTimm.aliases) addAliases(byId.get(id) as ModelRow, aliases);
  notes.push(
    `timm training benchmark: ${[...legacyTimm.aliases.values()].flat().length} pre-tag names aliased to their current tag; ${legacyTimm.unmapped.length} not identified: ${legacyTimm.unmapped.join(', ')}`,
  );
  const pre = buildNameIndex(rows);
  for (const [target, aliases] of Object.entries(mlperfVariantAliases())) {
    const hit = pre.resolve(target);
    if (hit.kind === 'found') addAliases(byId.get(hit.id) as ModelRow, aliases);
    else notes.push(`MLPerf variant target ${target} unresolved`);
  }
  webllmAliases(rawRoot, rows, notes);
  dedupeAliases(rows, notes);
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  notes.push(
    "OPT-1.3B (llm-analysis) not catalogued: nameKey drops dots, so 'opt-1.3b' would collide with OPT-13B.",
  );
  notes.push(
    'gflops_per_token (LLMs, encoders) = 2 × active params, attention-score FLOPs excluded; gflops_per_sample (vision) = 2 × GMACs at image_size.',
  );
  return { rows, sources: sourceRows(rows), notes };
}
