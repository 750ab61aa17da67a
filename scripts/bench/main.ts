/**
 * `npm run bench`: builds the app, serves it with `vite preview` on a free loopback port, and measures it in
 * headless Chromium. Prints one JSON object to stdout and writes it to bench-results/bench.json; progress
 * goes to stderr. A benchmark, not a test: nothing here asserts on time.
 *
 * Each section is one function returning a JSON-able object; add new ones to `sections` below.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { parseBenchArgs, USAGE, type BenchArgs, type SECTION_NAMES } from './args.ts';
import { launchChromium } from './browser.ts';
import { viteBuild } from './build.ts';
import { bundleSection } from './bundle-size.ts';
import { calibrationSection } from './calibration.ts';
import { importSection } from './import.ts';
import { loadSection } from './load-timings.ts';
import { predictorSection } from './predictor.ts';
import { rankingSection, startupSummary } from './ranking-timings.ts';
import { FLOOR_PAGE, REPO_ROOT, RESULTS_DIR } from './paths.ts';
import { startPreview, type PreviewServer } from './server.ts';

/** What every section gets. */
export interface BenchContext {
  args: BenchArgs;
  /** Absolute path of the served build. */
  outDir: string;
  browser: Browser;
  /** The preview server's base URL, ending in '/'. */
  baseUrl: string;
  log: (line: string) => void;
}

type Section = (ctx: BenchContext) => Promise<object> | object;

/** In output order; each section's keys are merged into the top level of the result. */
const sections: Record<(typeof SECTION_NAMES)[number], Section> = {
  load: ({ browser, baseUrl, args, log }) => loadSection(browser, baseUrl, args, log),
  bundle: ({ outDir }) => bundleSection(outDir),
  ranking: ({ browser, baseUrl, args, log }) => rankingSection(browser, baseUrl, args.runs, log),
  predictor: ({ browser, baseUrl, args, log }) => predictorSection(browser, baseUrl, args.runs, log),
  import: ({ browser, baseUrl, args, log }) => importSection(browser, baseUrl, args.runs, log),
  calibration: ({ log }) => calibrationSection(log),
};

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`, { cause: e });
  }
  const outDir = resolve(REPO_ROOT, args.outDir);
  if (args.build) {
    log(`vite build → ${args.outDir}`);
    await viteBuild(outDir);
  } else if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`--no-build: ${join(outDir, 'index.html')} is missing; build first (npm run build)`);
  }
  if (!existsSync(join(outDir, FLOOR_PAGE)))
    throw new Error(`${join(outDir, FLOOR_PAGE)} is missing: the build predates the floor entry; rebuild`);

  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  };
  const onSignal = (sig: NodeJS.Signals): void => {
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startPreview(outDir);
    log(`vite preview at ${server.url}`);
    browser = await launchChromium();
    const ctx: BenchContext = { args, outDir, browser, baseUrl: server.url, log };
    const result: Record<string, unknown> = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', chromium: browser.version() },
      runs: args.runs,
      warmup: args.warmup,
    };
    for (const [name, section] of Object.entries(sections))
      if (args.only.length === 0 || args.only.includes(name)) Object.assign(result, await section(ctx));
    const startup = startupSummary(result);
    if (startup) result.startup = startup;
    const json = JSON.stringify(result, null, 2);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'bench.json'), `${json}\n`);
    process.stdout.write(`${json}\n`);
    log(`written to ${join(RESULTS_DIR, 'bench.json')}`);
  } finally {
    await cleanup();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[bench] FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
