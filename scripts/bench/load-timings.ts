import type { Browser, Page } from '@playwright/test';
import type { FloorTimings } from '../../src/bench/floor-timings.ts';
import type { RooflightTimings } from '../../src/adapters/timings.ts';
import { FLOOR_PAGE } from './paths.ts';
import { round1, summarize, type Summary } from './stats.ts';

/** One page load's timings (ms) and the measurement rows it loaded. */
export interface LoadSample {
  /** DuckDB start → ready. */
  duckdbStartMs: number;
  /** DuckDB ready → four snapshot files fetched, decoded, inserted. */
  snapshotLoadMs: number;
  /** Navigation start → first query result. */
  firstQueryMs: number;
  totalRows: number;
}

export interface LoadSummary {
  duckdbStartMs: Summary;
  snapshotLoadMs: Summary;
  firstQueryMs: Summary;
  totalRows: number;
  samples: LoadSample[];
}

export interface LoadSection {
  app: LoadSummary;
  floor: LoadSummary;
  /** App median − floor median, per timing: what React and the app add on top of DuckDB + the snapshot. */
  overheadMs: { duckdbStartMs: number; snapshotLoadMs: number; firstQueryMs: number };
}

/** How long a page may take before the run is declared failed (a hang guard, not an assertion). */
const LOAD_GUARD_MS = 120_000;

/** Opens `url` in a fresh context, waits for `ready` (a page function), then evaluates `read`. */
async function inFreshContext(
  browser: Browser,
  url: string,
  what: string,
  ready: (page: Page) => Promise<unknown>,
  read: (page: Page) => Promise<LoadSample>,
): Promise<LoadSample> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  try {
    const res = await page.goto(url);
    if (!res?.ok()) throw new Error(`HTTP ${res?.status()} for ${url}`);
    await ready(page);
    return await read(page);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(
      `${what} run failed at ${url}: ${msg}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`,
      {
        cause: e,
      },
    );
  } finally {
    await context.close();
  }
}

/** The app's Data page: until the row count shows a number and the first-query mark is set. */
export function appRun(browser: Browser, baseUrl: string): Promise<LoadSample> {
  return inFreshContext(
    browser,
    `${baseUrl}?page=data`,
    'app',
    (page) =>
      page.waitForFunction(
        () => {
          const shown = document.querySelector('[data-testid="row-count"]')?.textContent ?? '';
          const err = document.querySelector('[role="alert"]')?.textContent;
          if (err) throw new Error(`the app shows an error: ${err}`);
          return /^\d+$/.test(shown) && performance.getEntriesByName('rooflight:first-query').length > 0;
        },
        null,
        { timeout: LOAD_GUARD_MS },
      ),
    async (page) => {
      const t = await page.evaluate(() => ({
        ...(window.__rooflightTimings as RooflightTimings | undefined),
        firstQueryAt: performance.getEntriesByName('rooflight:first-query', 'mark')[0]?.startTime,
      }));
      return sample('app', {
        duckdbStartMs: t.duckdbInitMs,
        snapshotLoadMs: t.snapshotLoadMs,
        firstQueryMs: t.firstQueryAt ?? t.totalMs,
        totalRows: t.measurementRows,
      });
    },
  );
}

/** The DuckDB-only floor page (src/bench/duckdb-floor.html): until it publishes `done`. */
export function floorRun(browser: Browser, baseUrl: string): Promise<LoadSample> {
  return inFreshContext(
    browser,
    new URL(FLOOR_PAGE, baseUrl).href,
    'floor',
    (page) =>
      page.waitForFunction(() => window.__floorTimings?.done === true, null, { timeout: LOAD_GUARD_MS }),
    async (page) => {
      const t = await page.evaluate(() => window.__floorTimings as FloorTimings);
      if (t.error) throw new Error(`the floor page failed: ${t.error}`);
      return sample('floor', {
        duckdbStartMs: t.duckdbInitMs,
        snapshotLoadMs: t.snapshotLoadMs,
        firstQueryMs: t.firstQueryMs,
        totalRows: t.measurementRows,
      });
    },
  );
}

function sample(what: string, raw: Record<keyof LoadSample, number | undefined>): LoadSample {
  const missing = Object.entries(raw).filter(([, v]) => typeof v !== 'number' || !Number.isFinite(v));
  if (missing.length) throw new Error(`${what}: timings missing: ${missing.map(([k]) => k).join(', ')}`);
  const r = raw as LoadSample;
  return {
    duckdbStartMs: round1(r.duckdbStartMs),
    snapshotLoadMs: round1(r.snapshotLoadMs),
    firstQueryMs: round1(r.firstQueryMs),
    totalRows: r.totalRows,
  };
}

function summary(samples: LoadSample[]): LoadSummary {
  const rows = new Set(samples.map((s) => s.totalRows));
  if (rows.size !== 1) throw new Error(`row counts differ between runs: ${[...rows].join(', ')}`);
  return {
    duckdbStartMs: summarize(samples.map((s) => s.duckdbStartMs)),
    snapshotLoadMs: summarize(samples.map((s) => s.snapshotLoadMs)),
    firstQueryMs: summarize(samples.map((s) => s.firstQueryMs)),
    totalRows: samples[0]!.totalRows,
    samples,
  };
}

/**
 * App load vs the DuckDB-only floor, `runs` times each after `warmup` discarded pairs. Runs are interleaved,
 * alternating which goes first, so drift in the machine's load and order effects hit both alike. Each
 * load gets a fresh browser context (cold HTTP cache).
 */
export async function loadSection(
  browser: Browser,
  baseUrl: string,
  { runs, warmup }: { runs: number; warmup: number },
  log: (line: string) => void,
): Promise<LoadSection> {
  const app: LoadSample[] = [];
  const floor: LoadSample[] = [];
  for (let i = 0; i < warmup; i++) {
    await appRun(browser, baseUrl);
    await floorRun(browser, baseUrl);
    log(`warm-up ${i + 1}/${warmup} done`);
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      app.push(await appRun(browser, baseUrl));
      floor.push(await floorRun(browser, baseUrl));
    } else {
      floor.push(await floorRun(browser, baseUrl));
      app.push(await appRun(browser, baseUrl));
    }
    log(`load run ${i + 1}/${runs}: app ${JSON.stringify(app.at(-1))} floor ${JSON.stringify(floor.at(-1))}`);
  }
  const a = summary(app);
  const f = summary(floor);
  if (a.totalRows !== f.totalRows)
    throw new Error(`app loaded ${a.totalRows} measurement rows but the floor ${f.totalRows}`);
  const over = (k: 'duckdbStartMs' | 'snapshotLoadMs' | 'firstQueryMs'): number =>
    round1(a[k].median - f[k].median);
  return {
    app: a,
    floor: f,
    overheadMs: {
      duckdbStartMs: over('duckdbStartMs'),
      snapshotLoadMs: over('snapshotLoadMs'),
      firstQueryMs: over('firstQueryMs'),
    },
  };
}
