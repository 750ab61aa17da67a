import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { backgroundLuminance, seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

const H100 = 'nvidia-h100-sxm5-80gb';
const H200 = 'nvidia-h200-sxm-141gb';
const A100 = 'nvidia-a100-sxm4-80gb';
const PATH = `/?page=compare&hardware=${H100},${H200}&model=llama-3.1-8b`;

const table = (page: Page) => page.getByRole('table', { name: 'Comparison', exact: true });

/** Waits for the learned model's comparison, its table and its four charts. */
async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('compare-status')).toContainText('learned model', { timeout: 90_000 });
  await expect(table(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Charts' }).locator('figure.chart')).toHaveCount(4, {
    timeout: 60_000,
  });
}

test('two devices side by side with a verdict; a reload shows the same; the picker adds a third', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto(PATH);
  await expect(page.getByRole('link', { name: 'Compare', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await ready(page);

  const head = table(page).locator('thead');
  await expect(head).toContainText('NVIDIA H100 SXM5 80GB');
  await expect(head).toContainText('NVIDIA H200 SXM 141GB');
  await expect(page.getByTestId('compared-device')).toHaveCount(2);
  // Every metric with its interval, cost and energy, one cell per device.
  const throughput = page.getByTestId('compare-line-throughput').locator('td');
  await expect(throughput).toHaveCount(2);
  await expect(throughput.first().locator('.interval')).toHaveText(/^[\d.,]+–[\d.,]+$/);
  await expect(page.getByTestId('compare-line-cloud')).toContainText('$');
  await expect(page.getByTestId('compare-line-per-million')).toContainText('$');
  await expect(page.getByTestId('compare-line-energy')).toContainText('J/token');
  await expect(page.getByTestId('compare-line-bound')).toContainText('-bound');

  // The verdict: which is ahead, why (the bound and the spec ratio), what it costs.
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText(/delivers [\d.]+× the throughput of|about even/);
  await expect(verdict).toContainText(/(memory|compute)-bound/);
  await expect(verdict).toContainText('per hour');
  const said = await verdict.textContent();

  await expect(page.getByRole('table', { name: /^Runtimes on / })).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('compare-runtime-row').first()).toBeVisible();
  await expect(page.getByTestId('nearest-row').first()).toBeVisible();
  const charts = page.getByRole('region', { name: 'Charts' });
  await expect
    .poll(async () => charts.locator('svg.recharts-surface').count(), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(4);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('rooflight-compare.csv');
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toContain(`${H100},${H100}_low,${H100}_high,${H200}`);
  expect(csv).toContain('Throughput,tokens/s,');

  await page.reload();
  await ready(page);
  await expect(verdict).toHaveText(said ?? '');
  await expect(head).toContainText('NVIDIA H200 SXM 141GB');

  await page.getByLabel('Add a device').selectOption(A100);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`hardware=${H100},${H200},${A100}`));
  await expect(page.getByTestId('compared-device')).toHaveCount(3);
  await expect(head).toContainText('NVIDIA A100 SXM4 80GB', { timeout: 60_000 });
  await expect(page.getByTestId('compare-line-throughput').locator('td')).toHaveCount(3);

  await page.getByRole('button', { name: 'Remove NVIDIA H100 SXM5 80GB' }).click();
  await expect(page).toHaveURL(new RegExp(`hardware=${H200},${A100}`));
  await expect(page.getByTestId('compared-device')).toHaveCount(2);
});

test('a malformed or unknown hardware= says what is wrong instead of a blank page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?page=compare&hardware=%3Cscript%3E,NOT*AN*ID');
  await expect(page.getByRole('status', { name: 'Link notice' })).toContainText('hardware');
  await expect(page.getByTestId('compare-problem')).toContainText('Choose at least 2 devices');
  await expect(page.getByRole('heading', { name: 'Compare hardware' })).toBeVisible();

  await page.goto(`/?page=compare&hardware=${H100},not-a-device`);
  await expect(page.getByTestId('unknown-device')).toContainText('not-a-device', { timeout: 60_000 });
  await expect(page.getByTestId('compare-problem')).toContainText('NVIDIA H100 SXM5 80GB is the only one');
  await expect(page.getByTestId('compare-problem')).toContainText('“not-a-device”');
  // The picker fixes it: add a second device and the comparison appears.
  await page.getByLabel('Add a device').selectOption(H200);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('compare-unknown')).toContainText('not-a-device');
  await expect(table(page)).toBeVisible({ timeout: 60_000 });
});

test('Recommend: "compare with" on a ranking row opens Compare with that device and the top pick', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?page=recommend&model=llama-3.1-8b');
  const rows = page.getByRole('table', { name: 'Hardware ranking' }).getByTestId('ranked-row');
  await expect(rows.nth(2)).toBeVisible({ timeout: 60_000 });
  const link = rows.nth(2).getByTestId('compare-with');
  await expect(link).toHaveAttribute('href', /page=compare&.*hardware=[a-z0-9.+_-]+,[a-z0-9.+_-]+/);
  await link.click();
  await expect(page).toHaveURL(/page=compare/);
  await expect(page.getByTestId('compared-device')).toHaveCount(2, { timeout: 60_000 });
  await expect(table(page)).toBeVisible({ timeout: 60_000 });
});

test('axe: no serious or critical violations on Compare, light and dark', async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PATH);
  await ready(page);
  await expect(page.getByRole('table', { name: /^Runtimes on / })).toHaveCount(2, { timeout: 60_000 });
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.5);
  expect(await seriousViolations(page), 'Compare, light').toEqual([]);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.05);
  expect(await seriousViolations(page), 'Compare, dark').toEqual([]);
});
