/** timm vision models: one row per pretrained tag in results-imagenet plus one per benchmarked architecture without one. */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { exists, num, readCsv } from '../read.ts';
import { makeRow, round } from './row.ts';

/** Benchmark files in priority order: the first file that lists an (architecture, size) pair gives its figures. */
export const TIMM_BENCH_FILES = [
  'timm/benchmark-infer-amp-nchw-pt291-cu128-4090.csv',
  'timm/benchmark-infer-amp-nchw-pt291-cu130-pro6000maxq.csv',
  'timm/benchmark-infer-amp-nchw-pt291-cu128-4090-dynamo.csv',
  'timm/benchmark-infer-amp-nchw-pt291-cu130-pro6000maxq-dynamo.csv',
  'timm/benchmark-infer-amp_bf16-nchw-pt291-cu130-pro6000maxq-dynamo.csv',
  'timm/benchmark-infer-bf16-nchw-pt291-cu130-pro6000maxq-dynamo.csv',
  'timm/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv',
  'timm/benchmark-infer-amp-nchw-pt240-cu124-rtx3090.csv',
  'timm/benchmark-infer-amp-nhwc-pt240-cu124-rtx4090.csv',
  'timm/benchmark-infer-amp-nhwc-pt240-cu124-rtx3090.csv',
  'timm/benchmark-infer-fp32-nchw-pt240-cpu-i7_12700h-dynamo.csv',
  'timm/benchmark-infer-fp32-nchw-pt240-cpu-i9_10940x-dynamo.csv',
];
export const TIMM_RESULTS_FILE = 'timm/results-imagenet.csv';

interface BenchStat {
  params: number;
  gmacs: number;
  file: string;
}
interface Variant {
  name: string;
  sizes: number[];
  params: number | null;
  top1: number;
}

/** Figures per architecture and image size, first file wins. */
function readBench(rawRoot: string): Map<string, Map<number, BenchStat>> {
  const out = new Map<string, Map<number, BenchStat>>();
  for (const file of TIMM_BENCH_FILES) {
    if (!exists(rawRoot, file)) continue;
    for (const r of readCsv(rawRoot, file)) {
      const model = r['model'] ?? '';
      const size = num(r['infer_img_size']);
      const params = num(r['param_count']);
      const gmacs = num(r['infer_gmacs']);
      if (model === '' || model.startsWith('test_') || size == null || params == null || gmacs == null)
        continue;
      let bySize = out.get(model);
      if (!bySize) out.set(model, (bySize = new Map()));
      if (!bySize.has(size)) bySize.set(size, { params, gmacs, file: file.replace('timm/', '') });
    }
  }
  return out;
}

function readVariants(rawRoot: string): Map<string, Variant> {
  const out = new Map<string, Variant>();
  if (!exists(rawRoot, TIMM_RESULTS_FILE)) return out;
  for (const r of readCsv(rawRoot, TIMM_RESULTS_FILE)) {
    const name = r['model'] ?? '';
    const size = num(r['img_size']);
    if (name === '' || size == null) continue;
    const v = out.get(name) ?? { name, sizes: [], params: num(r['param_count']), top1: num(r['top1']) ?? 0 };
    v.sizes.push(size);
    v.top1 = Math.max(v.top1, num(r['top1']) ?? 0);
    out.set(name, v);
  }
  return out;
}

/** The size an architecture-level row states figures at: 224 when benchmarked there, else the smallest. */
function primarySize(bySize: Map<number, BenchStat>): number {
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  return bySize.has(224) ? 224 : (sizes[0] as number);
}

function kindOf(arch: string): { family: string; architecture: string } {
  const core = arch.replace(/^(tf|legacy|tv|gluon)_/, '');
  const family = core.match(/^[a-z]+(v\d)?/)?.[0] ?? core;
  const vitLike =
    /^(vit|deit|beit|eva|swin|cait|xcit|pit|tnt|levit|crossvit|twins|coat|convit|mvit|flexivit|visformer|volo|sequencer|hiera|naflex|samvit|davit|maxvit|maxxvit|coatnet|fastvit|efficientformer|poolformer|metaformer|nextvit|mobilevit|edgenext|tiny_vit|gcvit|focalnet|pvt|efficientvit|mambaout|vitamin|aimv2|siglip|hgnet|repvit)/;
  return { family, architecture: vitLike.test(arch) ? 'vit' : 'cnn' };
}

function buildRow(
  name: string,
  arch: string,
  size: number,
  stat: BenchStat,
  extraNotes: string[],
  aliases: string[],
): ModelRow {
  const { family, architecture } = kindOf(arch);
  return makeRow({
    id: name.toLowerCase(),
    name,
    aliases,
    family,
    modality: 'vision',
    architecture,
    params_m: stat.params,
    image_size: size,
    gflops_per_sample: round(2 * stat.gmacs, 3),
    source: `timm:${stat.file} model=${arch} @${size}px`,
    notes: ['gflops_per_sample = 2 × infer_gmacs (1 MAC = 2 FLOPs)', ...extraNotes].join('; '),
  });
}

/** Result of the timm pass: rows plus the architecture name → row id map used for aliases elsewhere. */
export interface TimmBuild {
  rows: ModelRow[];
  /** Benchmark architecture name → id of the row that owns that plain name as alias (or id). */
  archToId: Map<string, string>;
  notes: string[];
}

/**
 * Build timm rows. A pretrained tag (`resnet50.a1_in1k`) takes params and GMACs from the benchmark row of its
 * architecture at its evaluation image size (the smallest size results-imagenet lists for it). The plain
 * architecture name becomes an alias of one tag: `tv_in1k` when present (torchvision weights), else the best
 * top-1 tag evaluated at the architecture's primary benchmark size, else the best top-1 tag.
 */
export function buildTimm(rawRoot: string): TimmBuild {
  const bench = readBench(rawRoot);
  const variants = readVariants(rawRoot);
  const notes: string[] = [];
  const byArch = new Map<string, Variant[]>();
  for (const v of variants.values()) {
    const arch = v.name.split('.')[0] as string;
    byArch.set(arch, [...(byArch.get(arch) ?? []), v]);
  }
  const rows: ModelRow[] = [];
  const archToId = new Map<string, string>();
  let paramMismatch = 0;
  let noBench = 0;
  for (const [arch, bySize] of [...bench].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const tags = (byArch.get(arch) ?? []).sort((a, b) => (a.name < b.name ? -1 : 1));
    const primary = primarySize(bySize);
    if (tags.length === 0) {
      const stat = bySize.get(primary) as BenchStat;
      const others = [...bySize.keys()].filter((s) => s !== primary).sort((a, b) => a - b);
      const extra = others.length > 0 ? [`also benchmarked at ${others.join('/')} px`] : [];
      rows.push(
        buildRow(
          arch,
          arch,
          primary,
          stat,
          ['architecture without an ImageNet-1k tag in results-imagenet', ...extra],
          [],
        ),
      );
      archToId.set(arch, arch.toLowerCase());
      continue;
    }
    const tv = tags.find((t) => t.name.endsWith('.tv_in1k'));
    const atPrimary = tags.filter((t) => Math.min(...t.sizes) === primary).sort((a, b) => b.top1 - a.top1);
    const best = [...tags].sort((a, b) => b.top1 - a.top1);
    const canonical = (tv ?? atPrimary[0] ?? best[0]) as Variant;
    for (const t of tags) {
      const size = Math.min(...t.sizes);
      const stat = bySize.get(size) ?? bySize.get(primary);
      if (!stat) {
        noBench++;
        continue;
      }
      const extra: string[] = [];
      const statSize = bySize.has(size) ? size : primary;
      if (statSize !== size) extra.push(`evaluated at ${size}px; figures at ${statSize}px`);
      if (t.sizes.length > 1)
        extra.push(`results-imagenet also evaluates at ${t.sizes.filter((s) => s !== size).join('/')} px`);
      if (t.params != null && Math.abs(t.params - stat.params) > 0.01 * stat.params) {
        paramMismatch++;
        extra.push(`results-imagenet param_count ${t.params}M differs; benchmark value kept`);
      }
      const aliases = t === canonical ? [arch] : [];
      if (t === canonical) extra.push(`canonical tag for the plain name '${arch}'`);
      rows.push(buildRow(t.name, arch, statSize, stat, extra, aliases));
    }
    archToId.set(arch, canonical.name.toLowerCase());
  }
  notes.push(
    `timm: ${rows.length} rows from ${bench.size} benchmarked architectures (test_* toy models skipped) and ${variants.size} results-imagenet tags; duplicate (model, size) rows across files resolved by file priority (newest PyTorch first).`,
  );
  if (paramMismatch > 0)
    notes.push(
      `timm: ${paramMismatch} tags whose results-imagenet param_count differs >1% from the benchmark; benchmark kept.`,
    );
  if (noBench > 0) notes.push(`timm: ${noBench} results-imagenet tags without any benchmark row skipped.`);
  return { rows, archToId, notes };
}

const LEGACY_RULES: [RegExp, string][] = [
  [/^tv_(.+)$/, '$1.tv_in1k'],
  [/^gluon_(.+)_v1b$/, '$1.gluon_in1k'],
  [/^gluon_(.+)_v1([cds])$/, '$1$2.gluon_in1k'],
  [/^gluon_(.+)$/, '$1.gluon_in1k'],
  [/^ssl_(.+)$/, '$1.fb_ssl_yfcc100m_ft_in1k'],
  [/^swsl_(.+)$/, '$1.fb_swsl_ig1b_ft_in1k'],
  [/^(tf_efficientnet.+)_ap$/, '$1.ap_in1k'],
  [/^(tf_efficientnet.+)_ns$/, '$1.ns_jft_in1k'],
  [/^(.+)_in21ft1k$/, '$1.fb_in22k_ft_in1k'],
  [/^(xcit_.+)_dist$/, '$1.fb_dist_in1k'],
];

/**
 * Pre-tag timm names in the training benchmark (`tv_resnet50`, `gluon_resnet50_v1b`, `tf_efficientnet_b0_ns` …) mapped
 * to their current tag by timm's renaming convention, kept only when that tag is catalogued with the same params.
 */
export function timmLegacyAliases(
  rawRoot: string,
  rows: readonly ModelRow[],
): { aliases: Map<string, string[]>; unmapped: string[] } {
  const file = 'timm/benchmark-train-amp-nchw-pt112-cu113-rtx3090.csv';
  const aliases = new Map<string, string[]>();
  const unmapped: string[] = [];
  if (!exists(rawRoot, file)) return { aliases, unmapped };
  const byId = new Map(rows.map((r) => [r.id, r]));
  const archIds = new Set(rows.flatMap((r) => [r.id, ...r.aliases.split('|')]));
  for (const rec of readCsv(rawRoot, file)) {
    const name = rec['model'] ?? '';
    if (name === '' || archIds.has(name)) continue;
    const rule = LEGACY_RULES.find(([re]) => re.test(name));
    const target = rule ? name.replace(rule[0], rule[1]) : null;
    const row = target ? byId.get(target) : undefined;
    const p = num(rec['param_count']);
    if (row && target && p != null && row.params_m != null && Math.abs(row.params_m - p) <= 0.01 * p) {
      aliases.set(target, [...(aliases.get(target) ?? []), name]);
    } else unmapped.push(name);
  }
  return { aliases, unmapped: unmapped.sort() };
}
