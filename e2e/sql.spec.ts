import type { Page } from '@playwright/test';
import { expect, openData, test } from './fixtures.ts';
import { narrowingHardware, parquetRowCount } from './snapshot.ts';

async function runSql(page: Page, sql: string) {
  await page.getByRole('textbox', { name: 'SQL', exact: true }).fill(sql);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

const sqlAlert = (page: Page) => page.locator('.sql-box [role="alert"]');

test('a bad statement shows an error and the page keeps working', async ({ page }) => {
  await openData(page);
  await runSql(page, 'SELECT no_such_column FROM measurements');
  await expect(sqlAlert(page)).toContainText('no_such_column');
  await runSql(page, 'SELEKT 1');
  await expect(sqlAlert(page)).toContainText(/SELEKT/);

  const hw = await narrowingHardware();
  await page.getByLabel('Hardware').selectOption(hw.id);
  await expect(page.getByTestId('row-count')).toHaveText(String(hw.n));

  await runSql(page, 'SELECT count(*) AS n FROM measurements');
  await expect(sqlAlert(page)).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'SQL result' })).toContainText(
    parquetRowCount('measurements.parquet').toLocaleString('en-US'),
  );
});

test('writes are refused read-only and rolled back in scratch mode', async ({ page }) => {
  const total = parquetRowCount('measurements.parquet');
  await openData(page);

  await runSql(page, 'DELETE FROM measurements');
  await expect(sqlAlert(page)).toContainText('read-only');
  await runSql(page, 'SELECT 1; DELETE FROM measurements');
  await expect(sqlAlert(page)).toContainText('read-only');
  await runSql(page, 'DELETE FROM measurements; COMMIT');
  await expect(sqlAlert(page)).toContainText('COMMIT');

  await page.getByLabel(/Scratch mode/).check();
  await runSql(page, 'DELETE FROM measurements; SELECT count(*) AS n FROM measurements');
  await expect(page.getByTestId('sql-status')).toContainText('rolled back');
  await expect(page.getByRole('table', { name: 'SQL result' }).locator('tbody td')).toHaveText('0');
  await runSql(page, 'DROP TABLE measurements');
  await expect(page.getByTestId('sql-status')).toContainText('rolled back');

  await page.getByLabel(/Scratch mode/).uncheck();
  await runSql(page, 'SELECT count(*) AS n FROM measurements');
  await expect(page.getByRole('table', { name: 'SQL result' }).locator('tbody td')).toHaveText(
    total.toLocaleString('en-US'),
  );
  // A fresh filter query goes to the database, not the cache: the data is all still there.
  const hw = await narrowingHardware();
  await page.getByLabel('Hardware').selectOption(hw.id);
  await expect(page.getByTestId('row-count')).toHaveText(String(hw.n));
  await page.getByLabel('Hardware').selectOption('');
  await expect(page.getByTestId('row-count')).toHaveText(String(total));
});
