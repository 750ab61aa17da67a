import type { Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** 40 rows each (e2e/fixtures/README.md): an RTX 4090 running slower than the snapshot says; an M3's browser runs. */
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const SLOW_4090 = fixture('calibrate-slow-4090.csv');
const M3_BROWSER = fixture('calibrate-m3-browser.csv');

const panelOf = (page: Page) => page.getByTestId('calibrate');
const report = (page: Page) => panelOf(page).getByTestId('calibration-report');
const decisionOf = (page: Page) => panelOf(page).getByTestId('calibration-decision');
const switchOf = (page: Page) => panelOf(page).getByRole('checkbox', { name: /Use my calibrated model/ });
/** The report's "Made … Took … s." line: the same text means the same stored calibration. */
const madeLine = (page: Page) => report(page).locator('p.muted').first();

async function importRows(page: Page, file: string): Promise<void> {
  await page.goto('/?page=yours');
  await expect(page.getByLabel('choose a file')).toBeAttached({ timeout: 45_000 });
  await page.getByLabel('choose a file').setInputFiles(file);
  await expect(page.getByTestId('import-summary')).toContainText('40 records → 40 rows to keep, 0 bad rows');
  await page.getByRole('button', { name: 'Keep 40 rows' }).click();
  await expect(page.getByTestId('import-saved')).toContainText('Kept 40 rows', { timeout: 60_000 });
}

/** The pooled row's median APE, shipped and calibrated (numbers, %). */
async function pooled(panel: Locator): Promise<{ before: number; after: number }> {
  const cells = panel.getByTestId('calibration-pooled').locator('td');
  const pct = async (i: number) => Number((await cells.nth(i).textContent())!.replace('%', ''));
  return { before: await pct(2), after: await pct(3) };
}

/**
 * Calibrate on the visible rows and wait for the report: five folds over 40 workloads, before and after
 * per fold and pooled, and a decision that follows the pooled errors (kept only when lower).
 */
async function calibrate(page: Page): Promise<{ before: number; after: number; kept: boolean }> {
  const panel = panelOf(page);
  await panel.getByRole('button', { name: 'Calibrate on my data' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Calibration progress' })).toBeVisible();
  await expect(report(page)).toBeVisible({ timeout: 600_000 });
  await expect(panel.getByTestId('calibration-progress')).toHaveCount(0);
  const table = panel.getByRole('table', { name: 'Cross-validation' });
  await expect(table.getByTestId('calibration-fold')).toHaveCount(5);
  await expect(table.getByTestId('calibration-pooled')).toContainText('40');
  const { before, after } = await pooled(panel);
  expect(before).toBeGreaterThan(0);
  const kept = after < before;
  await expect(decisionOf(page)).toHaveAttribute('data-kept', kept ? 'yes' : 'no');
  await expect(decisionOf(page)).toContainText(`${kept ? 'Kept:' : 'Not kept:'} the calibrated model`);
  await expect(decisionOf(page)).toContainText(`${before.toFixed(1)}% → ${after.toFixed(1)}%`);
  const took = /Took ([\d.]+) s/.exec((await madeLine(page).textContent()) ?? '')?.[1];
  test.info().annotations.push({
    type: 'calibration',
    description: `5-fold MdAPE ${before}% → ${after}% (${kept ? 'kept' : 'not kept'}), ${took} s in Chromium`,
  });
  return { before, after, kept };
}

/** What a decision that does not keep the model shows: no switch, and the shipped model predicting. */
async function expectShipped(page: Page): Promise<void> {
  await expect(switchOf(page)).toHaveCount(0);
  await page.goto('/?page=predict&model=llama-3.1-8b&precision=q4_k_m&hardware=nvidia-rtx-3090');
  await expect(page.getByTestId('engine-status')).toContainText(
    'Learned model on tfjs wasm: the shipped model',
    {
      timeout: 120_000,
    },
  );
  await page.goto('/?page=yours');
}

test('a calibrated model: the report, the switch, Predict and Recommend name it, links record it, a reload keeps it', async ({
  page,
}) => {
  test.setTimeout(900_000);
  // A card that runs 40% slower than the snapshot says: calibrating on it must help, and is kept.
  await importRows(page, SLOW_4090);
  const { before, after, kept } = await calibrate(page);
  expect(kept, `5-fold MdAPE ${before}% → ${after}%`).toBe(true);

  await expect(switchOf(page)).toBeChecked();
  const label = `your calibrated model (5-fold MdAPE ${before.toFixed(1)}% → ${after.toFixed(1)}% on 40 rows)`;
  await page.goto('/?page=predict&model=llama-3.1-8b&precision=q4_k_m&hardware=nvidia-rtx-4090');
  await expect(page.getByTestId('engine-status')).toContainText(`Learned model on tfjs wasm: ${label}`, {
    timeout: 120_000,
  });
  await page.goto('/?page=recommend&model=bert-base-uncased&objective=latency');
  await expect(page.getByTestId('ranking-status')).toContainText(`learned model · ${label}`, {
    timeout: 120_000,
  });
  // A copied link records the calibrated model's own version, and nothing of your rows.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page).toHaveURL(/[?&]mv=s\d+-n\d+%2Bcal\.[0-9a-f]{8}(&|$)/);
  const link = new URL(page.url());
  expect(link.search).not.toMatch(/yours|slow-4090/);

  // The switch persists across a reload; off, the shipped model answers, and the link says what made it.
  await page.goto('/?page=yours');
  await expect(switchOf(page)).toBeChecked({ timeout: 45_000 });
  // The checkbox follows the stored switch: click, then wait for the store to have changed.
  await switchOf(page).click();
  await expect(switchOf(page)).not.toBeChecked();
  await page.reload();
  await expect(switchOf(page)).not.toBeChecked({ timeout: 45_000 });
  expect(await pooled(panelOf(page))).toEqual({ before, after });
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByTestId('ranking-status')).toContainText('learned model · the shipped model', {
    timeout: 120_000,
  });
  await expect(page.getByRole('status', { name: 'Link notice' })).toContainText(
    'a private model calibrated on the sharer’s own data, whose rows the link does not carry',
  );
  // On again: the calibrated model answers again.
  await page.goto('/?page=yours');
  await switchOf(page).click();
  await expect(switchOf(page)).toBeChecked();
  await page.goto('/?page=predict&model=llama-3.1-8b&precision=q4_k_m&hardware=nvidia-rtx-4090');
  await expect(page.getByTestId('engine-status')).toContainText(label, { timeout: 120_000 });
});

test('a calibration that is not better is not offered; Cancel mid-run and Delete leave the stored state as they say', async ({
  page,
}) => {
  test.setTimeout(900_000);
  page.on('dialog', (d) => void d.accept());
  await importRows(page, M3_BROWSER);
  const { before, after, kept } = await calibrate(page);
  if (!kept) await expectShipped(page);
  await page.reload();
  await expect(report(page)).toBeVisible({ timeout: 45_000 });
  await expect(decisionOf(page)).toHaveAttribute('data-kept', kept ? 'yes' : 'no');
  const made = await madeLine(page).textContent();
  // The report (table, decision, buttons) is accessible in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `Your data with a calibration report, ${colorScheme}`).toEqual([]);
  }

  // Cancel mid-run: the worker stops and the stored report is the one before.
  const panel = panelOf(page);
  await panel.getByRole('button', { name: 'Calibrate on my data' }).click();
  await expect(panel.getByTestId('calibration-progress')).toContainText('Cross-validation', {
    timeout: 120_000,
  });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('calibration-message')).toHaveText(
    'Calibration cancelled: nothing was changed.',
  );
  await expect(panel.getByTestId('calibration-progress')).toHaveCount(0);
  await page.reload();
  await expect(report(page)).toBeVisible({ timeout: 45_000 });
  expect(await pooled(panel)).toEqual({ before, after });
  await expect(madeLine(page)).toHaveText(made!);

  // Delete: the report goes, and stays gone.
  await panel.getByRole('button', { name: 'Delete my calibration' }).click();
  await expect(report(page)).toHaveCount(0);
  await page.reload();
  await expect(panel.getByRole('button', { name: 'Calibrate on my data' })).toBeEnabled({ timeout: 45_000 });
  await expect(report(page)).toHaveCount(0);
});
