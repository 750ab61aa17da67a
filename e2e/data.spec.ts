import { expect, openData, rowCount, test } from './fixtures.ts';
import { narrowingHardware, parquetRowCount } from './snapshot.ts';

test('row count equals the snapshot, and a hardware filter narrows it', async ({ page }) => {
  const total = parquetRowCount('measurements.parquet');
  await openData(page);
  await expect(page.getByTestId('row-count')).toHaveText(String(total));
  await expect(page.getByTestId('total-count')).toHaveText(String(total));

  const hw = await narrowingHardware();
  await page.getByLabel('Hardware').selectOption(hw.id);
  await expect(page.getByTestId('row-count')).toHaveText(String(hw.n));
  // The filter is in the link (see e2e/url-state.spec.ts); clearing it drops it again.
  await expect.poll(() => new URL(page.url()).searchParams.get('q_hw')).toBe(hw.id);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('row-count')).toHaveText(String(total));
  await expect(page).not.toHaveURL(/q_hw=/);
});

test('model search narrows; sorting and paging work', async ({ page }) => {
  await openData(page);
  const total = await rowCount(page);
  const firstModel = await page
    .getByRole('table', { name: 'Measurements' })
    .locator('tbody tr td')
    .nth(1)
    .textContent();
  await page.getByLabel('Model').fill(firstModel ?? '');
  await expect.poll(() => rowCount(page)).toBeLessThanOrEqual(total);
  await expect.poll(() => rowCount(page)).toBeGreaterThan(0);
  await page.getByLabel('Model').fill('no-such-model-zzz');
  await expect(page.getByTestId('row-count')).toHaveText('0');
  await expect(page.getByText('No measurements match these filters.')).toBeVisible();
  await page.getByLabel('Model').fill('');

  const valueHeader = page.getByRole('columnheader', { name: /Value/ });
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');

  if (total > 50) {
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByText(/page 2 of/)).toBeVisible();
  }
});

test('navigation uses the URL; back and forward work', async ({ page }) => {
  await openData(page);
  await page.getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(/\?page=sources$/);
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Measurements', level: 1 })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sources' })).toHaveAttribute('aria-current', 'page');
});
