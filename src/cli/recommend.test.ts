import { describe, expect, it } from 'vitest';
import { runtimeEvidenceOf } from '../adapters/engine-build.ts';
import { rankSelection, resolveSelectionModel } from '../core/select/rank-selection.ts';
import { decodeSelection } from '../core/share/url-codec.ts';
import { linkSearch, recommendCommand, rowJson } from './recommend.ts';
import { testDeps } from './test-deps.test-util.ts';
import { UsageError } from './usage-error.ts';

interface Output {
  link: string;
  issues: { field: string; message: string }[];
  notes: string[];
  model: { id: string };
  scenario: string;
  objective: string;
  ranked_count: number;
  ranked: ReturnType<typeof rowJson>[];
  excluded: { id: string; code: string }[];
}

async function run(argv: string[]) {
  const deps = testDeps();
  await recommendCommand(argv, deps);
  return { deps, out: deps.out.join('\n'), err: deps.err.join('\n') };
}

async function json(link: string): Promise<Output> {
  return JSON.parse((await run([link, '--json'])).out) as Output;
}

/** What the Recommend page ranks for the link: its decoder, then the page's core function, on the same engine. */
async function pageRanking(link: string) {
  const ne = await testDeps().load();
  const { selection } = decodeSelection(linkSearch(link));
  const r = resolveSelectionModel(selection, new Map(ne.snapshot.models.map((m) => [m.id, m])));
  return rankSelection(
    { engine: ne.engine, snapshot: ne.snapshot, evidence: runtimeEvidenceOf(ne.snapshot) },
    r.effective,
    r.model!,
  );
}

const LINKS = [
  // A full URL: an LLM, best precision per device, GPUs only.
  'http://127.0.0.1:4173/?v=1&model=llama-3.1-8b&platforms=gpu&objective=throughput',
  // A bare query string: a vision model at fp16, batch 32, per dollar.
  'v=1&model=resnet50.a1_in1k&precision=fp16&batch=32&objective=throughput_per_dollar&platforms=datacenter-gpu,consumer-gpu',
  // A query with `?`: an encoder by latency under a price cap, on a chosen runtime.
  '?v=1&model=bert-base-uncased&objective=latency&max_price_usd=20000&runtime=onnxruntime&batch=8',
  // A path: offline (each device's best batch and layout) on two datacenter GPUs.
  '/?v=1&model=mistral-7b-v0.1&scenario=offline&devices=2&platforms=datacenter-gpu&precision=fp16',
];

describe('recommend (roofline-only engine)', () => {
  it.each(LINKS)(
    'ranks %s exactly as the page does',
    async (link) => {
      const [got, want] = await Promise.all([json(link), pageRanking(link)]);
      expect(got.issues).toEqual([]);
      expect(got.ranked_count).toBe(want.ranking.ranked.length);
      expect(got.ranked.length).toBeGreaterThan(0);
      expect(got.scenario).toBe(want.scenario);
      expect(got.objective).toBe(want.ranking.objective);
      // Ids, order and values, from the page's rows themselves…
      expect(got.ranked.map((r) => [r.rank, r.id, r.precision, r.score, r.throughput?.value])).toEqual(
        want.ranking.ranked.map((r) => [r.rank, r.hardware.id, r.precision, r.score, r.throughput?.value]),
      );
      expect(got.ranked.map((r) => [r.latency_ms?.value, r.memory_mb?.value, r.batch, r.layout])).toEqual(
        want.ranking.ranked.map((r) => [r.latency?.value, r.memory?.value, r.batch, r.layout]),
      );
      // …and every field printed, intervals and costs included.
      expect(got.ranked).toEqual(JSON.parse(JSON.stringify(want.ranking.ranked.map(rowJson))));
      expect(got.excluded.map((x) => [x.id, x.code])).toEqual(
        want.ranking.excluded.map((x) => [x.hardware.id, x.code]),
      );
    },
    120_000,
  );

  it('keeps what each link asked for', async () => {
    const [llm, vision, encoder, offline] = await Promise.all(LINKS.map(json));
    expect(llm!.ranked.every((r) => r.platform.endsWith('-gpu'))).toBe(true);
    expect(vision!.ranked.every((r) => r.precision === 'fp16' && r.batch === 32)).toBe(true);
    expect(vision!.ranked[0]!.score_unit).toBe('items/s per $');
    expect(encoder!.ranked.every((r) => r.runtime === 'onnxruntime')).toBe(true);
    expect(encoder!.ranked.every((r) => (r.cost.purchase_usd ?? Infinity) <= 20000)).toBe(true);
    const scores = encoder!.ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(offline!.ranked.every((r) => r.scenario === 'offline')).toBe(true);
  }, 120_000);

  it('prints the table, the picks and how many devices cannot run it', async () => {
    const { out } = await run([LINKS[0]!, '--top', '3']);
    expect(out).toMatch(/^model: .*\(llama-3\.1-8b\)/);
    expect(out).toMatch(/devices ranked by throughput \(roofline estimate\); intervals are 80%/);
    expect(out).toMatch(/#\s+device\s+platform\s+precision/);
    expect(out).toMatch(/throughput tokens\/s \(80%\)/);
    expect(out).toMatch(/\n1 {2}\S/);
    expect(out).toMatch(/… \d+ more \(drop --top to list them\)/);
    expect(out).toMatch(/\nTop pick: .*\n {2}runtime: /);
    expect(out).toMatch(/\ncannot run it: \d+ devices \(--excluded lists why\)/);
    const excluded = (await run([LINKS[0]!, '--excluded'])).out;
    expect(excluded).toMatch(/\n {2}.+ — (does-not-fit|unsupported-precision|constraint)/);
  }, 120_000);

  it('names each bad field on stderr, ranks with its default, and fails with --strict', async () => {
    const link = 'v=1&model=llama-3.1-8b&batch=zero&platforms=gpu,nope&colour=red';
    const { err, out } = await run([link]);
    expect(err).toMatch(/link: batch = "zero": not a whole number/);
    expect(err).toMatch(/link: platforms .*nope/);
    expect(err).toMatch(/link: colour = "red": unknown parameter; ignored/);
    expect(out).toMatch(/workload: inference, best precision per device, batch 1,/);
    await expect(recommendCommand([link, '--strict'], testDeps())).rejects.toThrow(/3 problems \(--strict\)/);
  }, 120_000);

  it('ranks the default model for a model the catalog lacks, and says so', async () => {
    const { err, out } = await run(['model=no-such-model&platforms=datacenter-gpu']);
    expect(err).toMatch(/note: the link names a model this catalog does not have \("no-such-model"\)/);
    expect(out).toMatch(/\(llama-3\.1-8b\)/);
  }, 120_000);

  it('refuses what is not a link, with a clear error', async () => {
    await expect(recommendCommand(['http://[oops/?v=1'], testDeps())).rejects.toThrow(
      /not a link: "http:\/\/\[oops\/\?v=1" is not a valid URL/,
    );
    await expect(recommendCommand(['hello world'], testDeps())).rejects.toThrow(
      /not a Rooflight link: "hello world" names none of its parameters/,
    );
    await expect(recommendCommand([], testDeps())).rejects.toThrow(UsageError);
    await expect(recommendCommand(['v=1', 'model=x'], testDeps())).rejects.toThrow(/one link at a time/);
    await expect(recommendCommand(['v=1', '--top', '0'], testDeps())).rejects.toThrow(/--top/);
  });
});

describe('linkSearch', () => {
  it('takes a URL, a path, host:port, a query string with or without ?', () => {
    expect(linkSearch('http://127.0.0.1:4173/?v=1&model=x')).toBe('?v=1&model=x');
    expect(linkSearch('127.0.0.1:4173/?v=1')).toBe('?v=1');
    expect(linkSearch('/?page=sources')).toBe('?page=sources');
    expect(linkSearch('?v=1')).toBe('?v=1');
    expect(linkSearch(' v=1&batch=8 ')).toBe('?v=1&batch=8');
    expect(linkSearch('http://127.0.0.1:4173/')).toBe('');
  });
});
