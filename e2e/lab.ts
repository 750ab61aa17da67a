import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export const benchmarkRow = (page: Page, id: string): Locator =>
  page.getByRole('table', { name: 'Measured peaks' }).locator(`tr[data-benchmark="${id}"]`);

/** Opens the lab, waits for the probe, measures, and waits for the results table. */
export async function measureLab(page: Page, path = '/?page=lab'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('lab-browser')).toContainText(/Chrom/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Measure this browser' }).click();
  await expect(page.getByRole('table', { name: 'Measured peaks' })).toBeVisible({ timeout: 120_000 });
}

/** The number at the start of a benchmark's result cell (GFLOPS or GB/s). */
export async function measuredValue(page: Page, id: string): Promise<number> {
  const text = (await benchmarkRow(page, id).getByTestId('benchmark-value').textContent()) ?? '';
  return Number(text.replace(/,/g, '').match(/^[\d.]+/)?.[0] ?? NaN);
}
