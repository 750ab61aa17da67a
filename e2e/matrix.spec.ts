import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

test('the Matrix page shows families × platforms with statuses and readable reasons', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?page=matrix');
  await expect(page.getByRole('heading', { name: 'Compatibility matrix', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Compatibility matrix' });
  await expect(table).toBeVisible({ timeout: 45_000 });
  await expect(table.getByRole('columnheader', { name: 'cuda', exact: true })).toBeVisible();
  expect(await table.getByRole('columnheader').count()).toBeGreaterThan(3);
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
  await expect(table.locator('td[data-status="supported"]').first()).toContainText('Supported');
  await expect(table.locator('td[data-status="limited"]').first()).toContainText('Limited');

  // A cell's reason: in its title, and in the details panel once the cell has focus.
  const cell = table.locator('td[data-status="limited"] button').first();
  const reason = await cell.getAttribute('title');
  expect(reason).toMatch(/\w{4,}/);
  await cell.focus();
  await expect(page.getByTestId('compat-details')).toContainText(reason!);
  await expect(page.getByTestId('compat-details')).toContainText('Limited');
  await page.screenshot({ path: 'test-results/matrix-page.png' });

  // One precision: fp8 leaves older GPUs and browsers without support.
  await page.getByLabel('Precision').selectOption('fp8');
  await expect(table.locator('td[data-status="unsupported"]').first()).toContainText('Unsupported');
  await expect(page.getByTestId('matrix-summary')).toContainText(/[1-9]\d* unsupported/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('rooflight-compatibility-fp8.json');
  const doc = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
    kind: string;
    precision: string;
    families: string[];
    platforms: string[];
    cells: unknown[];
  };
  expect(doc).toMatchObject({ kind: 'compatibility', precision: 'fp8' });
  expect(doc.cells).toHaveLength(doc.families.length * doc.platforms.length);
});
