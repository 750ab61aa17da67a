import { expect, openData, test } from './fixtures.ts';
import { parquetRowCount } from './snapshot.ts';

test('a corrupt snapshot file shows the error with Retry; the nav still works; Retry recovers', async ({
  page,
}) => {
  await page.route('**/data/measurements.parquet', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/octet-stream',
      body: Buffer.from('PAR1 garbage bytes, not parquet'),
    }),
  );
  await page.goto('/?page=data');
  const error = page.getByTestId('db-error');
  await expect(error).toBeVisible({ timeout: 45_000 });
  await expect(error).toContainText('measurements.parquet');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();

  await page.getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  await expect(page.getByText('Every number in Rooflight comes from a public benchmark')).toBeVisible();
  await expect(page.getByTestId('db-error')).toBeVisible();

  await page.unroute('**/data/measurements.parquet');
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('row-count')).toHaveText(String(parquetRowCount('measurements.parquet')), {
    timeout: 45_000,
  });
});

test('a missing snapshot file names it', async ({ page }) => {
  await page.route('**/data/sources.parquet', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/?page=data');
  await expect(page.getByTestId('db-error')).toContainText(/sources\.parquet.*404/, { timeout: 45_000 });
  await page.unroute('**/data/sources.parquet');
  await page.getByRole('button', { name: 'Retry' }).click();
  await openData(page);
});

test('a DuckDB worker that fails to start is reported, and Retry recovers', async ({ page }) => {
  await page.route('**/duckdb-browser-*.worker*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/?page=data');
  await expect(page.getByTestId('db-error')).toContainText('DuckDB failed to start', { timeout: 45_000 });
  await page.unroute('**/duckdb-browser-*.worker*.js');
  await page.getByRole('button', { name: 'Retry' }).click();
  await openData(page);
});
