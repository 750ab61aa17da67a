/**
 * Your data: importing a 100,000-row CSV in headless Chromium (`npm run bench -- --only import`), in a fresh
 * context each run, through the page as a user does it (the file input):
 * - read + parse + check in the import worker: from choosing the file to the review's summary;
 * - keep: from "Keep 100,000 rows" to the stored confirmation (IndexedDB);
 * - rows/s of each, and the longest main-thread task over both (the page must not freeze).
 * The CSV is generated here: three catalog devices × resnet50 throughput rows in the snapshot schema's
 * column names, so every row resolves and is kept.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { summarize } from './stats.ts';

const ROWS = 100_000;
const GUARD_MS = 240_000;

function bigCsv(): string {
  const lines = ['hardware,model,precision,batch_size,metric,value,unit'];
  const devices = ['NVIDIA GeForce RTX 4090', 'NVIDIA A100-SXM4-80GB', 'NVIDIA H100-SXM5-80GB'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `${devices[i % 3]},resnet50,fp16,${1 + (i % 256)},throughput,${(200 + i / 1000).toFixed(3)},items/s`,
    );
  const file = join(mkdtempSync(join(tmpdir(), 'rooflight-bench-')), 'import-100k.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

async function once(browser: Browser, baseUrl: string, file: string) {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    await page.goto(`${baseUrl}?page=yours`);
    const input = page.getByLabel('choose a file');
    await input.waitFor({ state: 'attached', timeout: GUARD_MS });
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const n = ROWS.toLocaleString('en-US');
    const t0 = Date.now();
    await input.setInputFiles(file);
    await page
      .getByTestId('import-summary')
      .filter({ hasText: `${n} records → ${n} rows to keep` })
      .waitFor({ timeout: GUARD_MS });
    const checked = Date.now();
    await page.getByRole('button', { name: `Keep ${n} rows` }).click();
    await page
      .getByTestId('import-saved')
      .filter({ hasText: `Kept ${n} rows` })
      .waitFor({ timeout: GUARD_MS });
    const kept = Date.now();
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    return { checkMs: checked - t0, keepMs: kept - checked, longestTaskMs: longest };
  } finally {
    await context.close();
  }
}

export async function importSection(
  browser: Browser,
  baseUrl: string,
  runs: number,
  log: (s: string) => void,
) {
  const file = bigCsv();
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const s = await once(browser, baseUrl, file);
    samples.push(s);
    log(
      `import run ${r + 1}/${runs}: read + check ${s.checkMs} ms (${Math.round(ROWS / (s.checkMs / 1000))} rows/s), keep ${s.keepMs} ms, longest main-thread task ${Math.round(s.longestTaskMs)} ms`,
    );
  }
  return {
    import: {
      rows: ROWS,
      readCheckMs: summarize(samples.map((s) => s.checkMs)),
      keepMs: summarize(samples.map((s) => s.keepMs)),
      rowsPerSecond: summarize(samples.map((s) => ROWS / ((s.checkMs + s.keepMs) / 1000))),
      longestMainThreadTaskMs: summarize(samples.map((s) => s.longestTaskMs)),
    },
  };
}
