/**
 * Recommend page: navigation → first rendered ranking (roofline engine) and → refined ranking (learned
 * engine), in fresh contexts, and → the learned ranking on a second visit in the same context; beside
 * the bare DuckDB-WASM floor measured in the same run by load-timings.
 */
import type { Browser, Page } from '@playwright/test';
import { summarize } from './stats.ts';

const GUARD_MS = 180_000;

async function visit(page: Page, url: string, until: string) {
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, until, {
    timeout: GUARD_MS,
  });
  // No named inner functions here: tsx's keepNames would wrap them in a helper the page does not have.
  return await page.evaluate(() => ({
    first: performance.getEntriesByName('rooflight:first-ranking', 'mark')[0]?.startTime ?? NaN,
    refined: performance.getEntriesByName('rooflight:refined-ranking', 'mark')[0]?.startTime ?? NaN,
    engineReady: performance.getEntriesByName('rooflight:engine-ready', 'mark')[0]?.startTime ?? NaN,
  }));
}

/**
 * A first visit in a fresh context (empty HTTP cache and storage), then a second visit in the same
 * context once the first has saved its learned ranking: what a returning visitor sees.
 */
async function once(
  browser: Browser,
  baseUrl: string,
): Promise<{ first: number; refined: number; engineReady: number; secondRefined: number }> {
  const context = await browser.newContext();
  try {
    const url = `${baseUrl}?page=recommend`;
    const page = await context.newPage();
    const firstVisit = await visit(page, url, 'rooflight:ranking-saved');
    await page.close();
    const second = await visit(await context.newPage(), url, 'rooflight:refined-ranking');
    return { ...firstVisit, secondRefined: second.refined };
  } finally {
    await context.close();
  }
}

export async function rankingSection(
  browser: Browser,
  baseUrl: string,
  runs: number,
  log: (s: string) => void,
) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    samples.push(await once(browser, baseUrl));
    log(
      `ranking run ${r + 1}/${runs}: first ${Math.round(samples.at(-1)!.first)} ms, refined ${Math.round(samples.at(-1)!.refined)} ms, second visit refined ${Math.round(samples.at(-1)!.secondRefined)} ms`,
    );
  }
  return {
    recommend: {
      firstRankingMs: summarize(samples.map((s) => s.first)),
      refinedRankingMs: summarize(samples.map((s) => s.refined)),
      learnedEngineReadyMs: summarize(samples.map((s) => s.engineReady)),
      secondVisitRefinedRankingMs: summarize(samples.map((s) => s.secondRefined)),
    },
  };
}

/** The start-up targets (ms after navigation). */
export const STARTUP_TARGETS_MS = { firstRanking: 600, learnedRanking: 1500, secondVisitLearned: 400 };

/**
 * The three start-up figures side by side with the bare DuckDB-WASM floor (boot + load the snapshot + first
 * query, from the load section of the same run) and the targets; null where a section did not run.
 */
export function startupSummary(result: Record<string, unknown>) {
  const ranking = (result.recommend ?? null) as
    Awaited<ReturnType<typeof rankingSection>>['recommend'] | null;
  const floor = (result.floor ?? null) as { firstQueryMs: { median: number } } | null;
  if (!ranking) return null;
  const figure = (median: number, target: number) => ({
    medianMs: median,
    targetMs: target,
    met: median <= target,
  });
  return {
    firstRanking: figure(ranking.firstRankingMs.median, STARTUP_TARGETS_MS.firstRanking),
    learnedRanking: figure(ranking.refinedRankingMs.median, STARTUP_TARGETS_MS.learnedRanking),
    secondVisitLearned: figure(
      ranking.secondVisitRefinedRankingMs.median,
      STARTUP_TARGETS_MS.secondVisitLearned,
    ),
    duckdbFloorMs: floor?.firstQueryMs.median ?? null,
  };
}
