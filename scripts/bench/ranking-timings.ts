/**
 * Recommend page: navigation → first rendered ranking (roofline engine) and → refined ranking (learned
 * engine), in fresh contexts, beside the bare DuckDB-WASM floor measured in the same run by load-timings.
 */
import type { Browser } from '@playwright/test';
import { summarize } from './stats.ts';

const GUARD_MS = 180_000;

async function once(
  browser: Browser,
  baseUrl: string,
): Promise<{ first: number; refined: number; engineReady: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}?page=recommend`);
    await page.waitForFunction(
      () => performance.getEntriesByName('rooflight:refined-ranking').length > 0,
      null,
      {
        timeout: GUARD_MS,
      },
    );
    // No named inner functions here: tsx's keepNames would wrap them in a helper the page does not have.
    return await page.evaluate(() => ({
      first: performance.getEntriesByName('rooflight:first-ranking', 'mark')[0]?.startTime ?? NaN,
      refined: performance.getEntriesByName('rooflight:refined-ranking', 'mark')[0]?.startTime ?? NaN,
      engineReady: performance.getEntriesByName('rooflight:engine-ready', 'mark')[0]?.startTime ?? NaN,
    }));
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
      `ranking run ${r + 1}/${runs}: first ${Math.round(samples.at(-1)!.first)} ms, refined ${Math.round(samples.at(-1)!.refined)} ms`,
    );
  }
  return {
    recommend: {
      firstRankingMs: summarize(samples.map((s) => s.first)),
      refinedRankingMs: summarize(samples.map((s) => s.refined)),
      learnedEngineReadyMs: summarize(samples.map((s) => s.engineReady)),
    },
  };
}
