/**
 * `recommend '<link>'`: the ranking the Recommend page shows for a shared link, decoded with the app's codec
 * and ranked by the page's own core function (rankSelection), on the Node engine.
 */
import { parseArgs } from 'node:util';
import { runtimeEvidenceOf } from '../adapters/engine-build.ts';
import type { NodeEngine } from '../adapters/engine-node.ts';
import type { ModelRow } from '../core/catalog/schema.ts';
import { sig3 } from '../core/format.ts';
import { itemUnit } from '../core/select/plan.ts';
import type { MetricValue, RankedRow } from '../core/select/rank.ts';
import {
  modelVersion,
  rankSelection,
  resolveSelectionModel,
  type SelectionRanking,
} from '../core/select/rank-selection.ts';
import { MB_TO_GB, num, operatingText, usd, usdHr, withInterval } from '../core/select/ranking-cells.ts';
import { lengthKind } from '../core/select/selection-request.ts';
import type { Selection } from '../core/share/selection.ts';
import { decodeSelection, PARAMS, versionNotice, type UrlIssue } from '../core/share/url-codec.ts';
import { intArg } from './args.ts';
import { defaultDeps, type CliDeps } from './context.ts';
import { renderTable, type Column } from './table.ts';
import { UsageError } from './usage-error.ts';

export const RECOMMEND_HELP = `usage: npm run cli -- recommend '<link or query string>' [options]

  The ranking the Recommend page shows for a shared link: a full URL
  ('http://127.0.0.1:4173/?v=1&model=llama-3.1-8b&platforms=gpu&objective=throughput') or its query string
  ('v=1&model=llama-3.1-8b&batch=8'). Quote it: the shell reads & as "run in the background".
  Parameters are README's "Shareable links"; a bad one is named on stderr and takes its default, as the
  page does.

  --top N       print only the first N ranked devices
  --excluded    list the devices that cannot run it, each with the reason
  --strict      fail (exit 1) when the link has any problem, instead of using defaults
  --json        machine-readable output: the decoded selection, the link's problems, every ranked row
                and every excluded device`;

const OPTIONS = {
  top: { type: 'string' },
  excluded: { type: 'boolean' },
  strict: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The query string (with `?`) of a link: a full URL, anything with a query (`/?v=1&…`, `host:4173/?…`), or
 * the query string itself. A URL that does not parse, or a text naming no link parameter at all, is a UsageError.
 */
export function linkSearch(input: string): string {
  const text = input.trim();
  if (text === '') throw new UsageError('give a Rooflight link or its query string');
  let search: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      search = new URL(text).search;
    } catch {
      throw new UsageError(`not a link: "${shorten(text)}" is not a valid URL`);
    }
  } else if (text.includes('?')) search = text.slice(text.indexOf('?'));
  else if (text.startsWith('/')) search = '';
  else search = `?${text}`;
  const names = search
    .slice(1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => p.split('=')[0]!.trim().toLowerCase());
  if (names.length > 0 && !names.some((n) => PARAMS.includes(n)))
    throw new UsageError(
      `not a Rooflight link: "${shorten(text)}" names none of its parameters (${PARAMS.slice(0, 6).join(', ')}, … in README's "Shareable links")`,
    );
  return search;
}

export interface RecommendOutcome {
  /** The query string read. */
  search: string;
  /** The decoded selection (bad fields at their defaults). */
  selection: Selection;
  issues: UrlIssue[];
  /** What else the page would say: an unknown model replaced, a version mismatch, another page. */
  notes: string[];
  model: ModelRow;
  engine: 'learned model' | 'roofline estimate';
  result: SelectionRanking;
}

type Engine = Pick<NodeEngine, 'engine' | 'snapshot' | 'manifest' | 'model'>;

/** Decode a link and rank it the way the Recommend page does (its final, learned-engine ranking). */
export async function recommendLink(input: string, ne: Engine): Promise<RecommendOutcome> {
  const search = linkSearch(input);
  const { selection, issues } = decodeSelection(search);
  const notes: string[] = [];
  if (selection.page !== 'recommend')
    notes.push(`the link opens the ${selection.page} page; ranked as the Recommend page would rank it`);
  const version = versionNotice(selection, {
    snapshot: ne.manifest.snapshot,
    model: ne.model ? modelVersion(ne.manifest) : null,
  });
  if (version) notes.push(version);
  const models = new Map(ne.snapshot.models.map((m) => [m.id, m]));
  const r = resolveSelectionModel(selection, models);
  if (r.unknownModel)
    notes.push(
      `the link names a model this catalog does not have ("${r.unknownModel}"); ranking ${r.effective.model}`,
    );
  if (r.modelError) throw new Error(`the custom model cannot be ranked: ${r.modelError}`);
  if (!r.model) throw new Error(`model "${r.effective.model}" is not in the catalog`);
  const result = await rankSelection(
    { engine: ne.engine, snapshot: ne.snapshot, evidence: runtimeEvidenceOf(ne.snapshot) },
    r.effective,
    r.model,
  );
  return {
    search,
    selection,
    issues,
    notes,
    model: r.model,
    engine: ne.model ? 'learned model' : 'roofline estimate',
    result,
  };
}

export async function recommendCommand(argv: string[], deps: CliDeps = defaultDeps): Promise<void> {
  const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  if (v.help) return deps.stdout(RECOMMEND_HELP);
  if (positionals.length === 0) throw new UsageError("give the link: recommend '<link or query string>'");
  if (positionals.length > 1)
    throw new UsageError(
      `one link at a time, got ${positionals.length} arguments (quote the link: the shell splits it at & otherwise)`,
    );
  const top = intArg(v.top, '--top');
  const search = linkSearch(positionals[0]!);
  const { issues } = decodeSelection(search);
  for (const i of issues) deps.stderr(`link: ${issueText(i)}`);
  if (v.strict && issues.length > 0)
    throw new Error(`the link has ${issues.length} problem${issues.length > 1 ? 's' : ''} (--strict)`);
  const out = await recommendLink(search, await deps.load());
  for (const n of out.notes) deps.stderr(`note: ${n}`);
  deps.stdout(v.json ? renderJson(out, top) : renderText(out, top, v.excluded ?? false));
}

const issueText = (i: UrlIssue) => `${i.field}${i.value !== '' ? ` = "${i.value}"` : ''}: ${i.message}`;

function workloadText(s: Selection, model: ModelRow): string {
  const parts: string[] = [s.mode, s.precision === 'best' ? 'best precision per device' : s.precision];
  parts.push(s.scenario === 'offline' ? 'offline (batch and layout searched)' : `batch ${s.batch}`);
  const kind = lengthKind(model, s.mode);
  if (kind === 'llm') parts.push(`prompt ${s.prompt}`, `gen ${s.gen}`);
  else if (kind === 'seq') parts.push(`seq ${s.seq}`);
  else parts.push(`image ${s.image}px`);
  parts.push(`${s.devices} device${s.devices > 1 ? 's' : ''}`, `runtime ${s.runtime}`);
  return parts.join(', ');
}

const cellText = (m: MetricValue | null, scale = 1) => {
  const v = withInterval(m, scale);
  return v.interval ? `${v.value} (${v.interval})` : v.value;
};

function columns(unit: string): Column<RankedRow>[] {
  return [
    { header: '#', cell: (r) => String(r.rank), right: true },
    { header: 'device', cell: (r) => r.hardware.name },
    { header: 'platform', cell: (r) => r.platform },
    { header: 'precision', cell: (r) => r.precision },
    { header: 'devices / fit', cell: (r) => r.fitLabel },
    {
      header: 'runtime · batch · layout',
      cell: (r) => `${r.runtime?.runtime ?? 'default'} · ${operatingText(r)}`,
    },
    { header: 'latency ms (80%)', cell: (r) => cellText(r.latency), right: true },
    { header: `throughput ${unit} (80%)`, cell: (r) => cellText(r.throughput), right: true },
    { header: 'memory GB (80%)', cell: (r) => cellText(r.memory, MB_TO_GB), right: true },
    {
      header: 'cost: buy · cloud · per 1M',
      cell: (r) =>
        `${usd(r.cost.purchaseUsd)} · ${usdHr(r.cost.cloudUsdHr)} · ${usd(r.cost.usdPerMillionItems)}`,
      right: true,
    },
    {
      header: 'power',
      cell: (r) => `${num(r.powerW, 'W')} · ${num(r.throughputPerW, `${unit.split('/')[0]}/J`)}`,
      right: true,
    },
    { header: 'layer', cell: (r) => r.layer },
    { header: 'score', cell: (r) => `${sig3(r.score)} ${r.scoreUnit}`, right: true },
  ];
}

export function renderText(o: RecommendOutcome, top: number | undefined, excluded: boolean): string {
  const { ranking, explanations } = o.result;
  const first = ranking.ranked[0];
  const unit = first ? itemUnit(first.workload) : 'items/s';
  const rows = top === undefined ? ranking.ranked : ranking.ranked.slice(0, top);
  const lines = [
    `model: ${o.model.name} (${o.model.id})`,
    `workload: ${workloadText(o.selection, o.model)}`,
    `platforms: ${o.selection.platforms.join(', ')}`,
    `${ranking.ranked.length} devices ranked by ${ranking.objective} (${o.engine}${first?.scenario === 'offline' ? ', offline: each at its best batch and layout' : ''}); intervals are 80%`,
    '',
  ];
  if (rows.length > 0) lines.push(renderTable(rows, columns(unit)));
  else lines.push('no device can run it under these constraints');
  if (rows.length < ranking.ranked.length)
    lines.push(`… ${ranking.ranked.length - rows.length} more (drop --top to list them)`);
  const why = new Map(explanations.map((e) => [e.hardwareId, e]));
  const picks = [ranking.top, ...ranking.fallbacks].filter((r) => r !== null);
  picks.forEach((r, i) => {
    const e = why.get(r.hardware.id);
    lines.push(
      '',
      `${i === 0 ? 'Top pick' : `Fallback ${i}`}: ${r.hardware.name} (${r.precision}, ${r.fitLabel})`,
    );
    lines.push(
      `  runtime: ${r.runtime ? r.runtime.why : 'the default for the precision'} · ${operatingText(r)}`,
    );
    if (r.search) lines.push(`  search: ${r.search}`);
    if (!e) return;
    lines.push(`  bound: ${e.bound}`);
    if (e.versusNext) lines.push(`  why it ranks here: ${e.versusNext}`);
    lines.push(`  confidence: ${e.confidence}`);
    if (i === 0) for (const w of e.whatIf) lines.push(`  what would change it: ${w}`);
  });
  const n = ranking.excluded.length;
  if (n > 0) {
    lines.push(
      '',
      `cannot run it: ${n} device${n > 1 ? 's' : ''}${excluded ? '' : ' (--excluded lists why)'}`,
    );
    if (excluded)
      for (const x of ranking.excluded)
        lines.push(`  ${x.hardware.name} — ${x.code}${x.precision ? ` (${x.precision})` : ''}: ${x.reason}`);
  }
  return lines.join('\n');
}

const metric = (m: MetricValue | null) =>
  m && { value: m.value, low: m.low, high: m.high, unit: m.unit, layer: m.layer };

/** One ranked row as JSON: what the page's table shows, with raw numbers. */
export function rowJson(r: RankedRow) {
  return {
    rank: r.rank,
    id: r.hardware.id,
    name: r.hardware.name,
    platform: r.platform,
    precision: r.precision,
    devices_needed: r.devicesNeeded,
    fit: r.fit,
    fit_label: r.fitLabel,
    runtime: r.runtime?.runtime ?? null,
    runtime_why: r.runtime?.why ?? null,
    scenario: r.scenario,
    batch: r.batch,
    layout: r.layout,
    search: r.search,
    latency_ms: metric(r.latency),
    throughput: metric(r.throughput),
    memory_mb: metric(r.memory),
    metrics: r.metrics,
    cost: {
      purchase_usd: r.cost.purchaseUsd,
      cloud_usd_hr: r.cost.cloudUsdHr,
      usd_per_million_items: r.cost.usdPerMillionItems,
    },
    power_w: r.powerW,
    throughput_per_w: r.throughputPerW,
    layer: r.layer,
    bound: r.bound,
    score: r.score,
    score_unit: r.scoreUnit,
  };
}

export function renderJson(o: RecommendOutcome, top: number | undefined): string {
  const { ranking, explanations, scenario } = o.result;
  const ranked = top === undefined ? ranking.ranked : ranking.ranked.slice(0, top);
  const first = ranking.ranked[0];
  return JSON.stringify(
    {
      link: o.search,
      selection: o.selection,
      issues: o.issues,
      notes: o.notes,
      model: { id: o.model.id, name: o.model.name },
      engine: o.engine,
      objective: ranking.objective,
      scenario,
      unit: first ? itemUnit(first.workload) : null,
      ranked_count: ranking.ranked.length,
      ranked: ranked.map(rowJson),
      picks: explanations,
      excluded: ranking.excluded.map((x) => ({
        id: x.hardware.id,
        name: x.hardware.name,
        code: x.code,
        precision: x.precision,
        reason: x.reason,
      })),
    },
    null,
    2,
  );
}
