import { readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
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

  // The local rows export as CSV and as Parquet that reads back with the same row count.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export local rows (CSV)' }).click(),
  ]);
  const csvText = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csvText[0]).toContain('source_id');
  expect(csvText).toHaveLength(13);
  expect(csvText.slice(1).every((l) => l.startsWith('local,'))).toBe(true);
  const [pq] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export local rows (Parquet)' }).click(),
  ]);
  const bytes = readFileSync((await pq.path())!);
  const pqRows = await parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  });
  expect(pqRows).toHaveLength(12);
  expect(pqRows.every((r) => r['source_id'] === 'local' && r['provenance'] === 'measured')).toBe(true);

  // The lab keeps this browser's measurement and run across visits.
  await page.goto('/?page=lab');
  await expect(page.getByRole('table', { name: 'Measured peaks' })).toBeVisible();
  await expect(page.getByTestId('run-row')).toHaveCount(6);
  await expect(page).toHaveURL(/lab=1_wf/);
  await expect(page.getByRole('button', { name: 'Run the lab models' })).toBeEnabled();

  // The report downloads as JSON with the probe, the measurement, the profile, the run and a link.
  const [report] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (JSON)' }).click(),
  ]);
  const json = JSON.parse(readFileSync((await report.path())!, 'utf8')) as Record<string, unknown>;
  expect(json['kind']).toBe('rooflight-lab-report');
  expect(json['probe']).not.toBeNull();
  expect((json['run'] as { timings: unknown[] }).timings).toHaveLength(6);
  expect((json['comparison'] as unknown[]).length).toBe(6);
  expect(String(json['link'])).toMatch(/page=lab.*lab=1_wf/);
});

test('measuring can be cancelled; the page says so and stays usable', async ({ page }) => {
  await page.goto('/?page=lab');
  await expect(page.getByTestId('lab-browser')).toContainText(/Chrom/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Measure this browser' }).click();
  await expect(page.getByRole('progressbar', { name: 'Measuring' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Measuring stopped before every benchmark finished')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Measured peaks' }).locator('tr[data-status="cancelled"]').first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Measure again' })).toBeEnabled();
});
