import { expect, test } from './fixtures.ts';
import { benchmarkRow, measuredValue, measureLab } from './lab.ts';

// Plain headless Chromium: navigator.gpu exists but requestAdapter() gives null.
test('no WebGPU adapter: a clear message, and WASM is still measured', async ({ page }) => {
  test.setTimeout(150_000);
  await measureLab(page);
  await expect(page.getByTestId('webgpu-message')).toContainText(/no adapter/i);
  await expect(benchmarkRow(page, 'webgpu-matmul-fp32')).toHaveAttribute('data-status', 'skipped');
  await expect(benchmarkRow(page, 'wasm-matmul')).toHaveAttribute('data-status', 'ok');
  expect(await measuredValue(page, 'wasm-matmul')).toBeGreaterThan(0);
  expect(await measuredValue(page, 'js-matmul')).toBeGreaterThan(0);
  const devices = page.getByRole('table', { name: "This browser's devices" });
  await expect(devices).toContainText('This browser · WASM');
  await expect(devices).not.toContainText('WebGPU');
});

test('a real run is stored as local rows, survives a reload and is listed on the Data page', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await measureLab(page);
  await page.getByRole('button', { name: 'Run the lab models' }).click();
  await expect(page.getByTestId('run-stored')).toContainText(/Stored \d+ local rows/, { timeout: 150_000 });
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(6);
  const measured = (await rows.first().getByTestId('measured-ms').textContent()) ?? '';
  expect(Number(measured.match(/^[\d.,]+/)?.[0]?.replace(/,/g, ''))).toBeGreaterThan(0);
  await expect(page.getByTestId('run-mdape')).toContainText('%', { timeout: 60_000 });

  await page.getByRole('link', { name: 'See them on the Data page' }).click();
  await expect(page.getByTestId('row-count')).toHaveText(/^\d+$/, { timeout: 45_000 });
  await page.reload();
  await expect(page.getByTestId('row-count')).toHaveText(/^\d+$/, { timeout: 45_000 });
  await page.getByLabel('Source').selectOption('local');
  await expect(page.locator('tr[data-source="local"]').first()).toBeVisible();
  await expect(page.getByTestId('row-count')).toHaveText('12');

  // The lab keeps this browser's measurement and run across visits.
  await page.goto('/?page=lab');
  await expect(page.getByRole('table', { name: 'Measured peaks' })).toBeVisible();
  await expect(page.getByTestId('run-row')).toHaveCount(6);
  await expect(page).toHaveURL(/lab=1_wf/);
  await expect(page.getByRole('button', { name: 'Run the lab models' })).toBeEnabled();
});
