import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { parquetColumns, parquetRowCount } from './snapshot.ts';

const METRICS = new URL('../models/metrics.json', import.meta.url);

interface Scores {
  n: number;
  mdape: number;
  within25: number;
  coverage80: number | null;
  medianWidth: number | null;
}

/** The eval's per-source figures for the leave-one-hardware-out split. */
function metricsBySource(): Record<string, { ours: Scores | null }> {
  const m = JSON.parse(readFileSync(METRICS, 'utf8')) as {
    splits: { hardware?: { bySource: Record<string, { ours: Scores | null }> } };
  };
  if (!m.splits.hardware) throw new Error('models/metrics.json has no hardware split');
  return m.splits.hardware.bySource;
}

/** Opens the Accuracy page and waits for the by-source table. */
async function openAccuracy(page: Page, query = ''): Promise<void> {
  await page.goto(`/?page=accuracy${query}`);
  await expect(page.getByRole('heading', { name: 'Accuracy on unseen hardware', level: 1 })).toBeVisible();
  await expect(page.getByTestId('error-table-source').locator('tbody tr').first()).toBeVisible({
    timeout: 60_000,
  });
}

/** The exact value behind a cell (its `data-value`), for one row of one table, by column header. */
async function cellValue(page: Page, table: string, key: string, header: string): Promise<number> {
  const t = page.getByTestId(`error-table-${table}`);
  const headers = await t.locator('thead th').allTextContents();
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  const cell = t.locator(`tbody tr[data-key="${key}"] > *`).nth(i);
  return Number(await cell.getAttribute('data-value'));
}

test('without holdout.parquet the page says so, never a blank page', async ({ page }) => {
  await page.route('**/data/holdout.parquet', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/?page=accuracy');
  await expect(page.getByTestId('holdout-missing')).toContainText('npm run eval', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Accuracy on unseen hardware', level: 1 })).toBeVisible();
});

// public/data/holdout.parquet is committed (written by `npm run eval`): the expectations come from it and
// from models/metrics.json, written by the same run.
test.describe('with the real holdout.parquet', () => {
  test('shows the scatter and the by-source table with the eval figures', async ({ page }) => {
    test.setTimeout(120_000);
    const total = parquetRowCount('holdout.parquet');
    await openAccuracy(page);
    await expect(page.getByTestId('accuracy-summary')).toContainText(total.toLocaleString('en-US'));
    const chart = page.locator('figure.chart').filter({ hasText: 'Predicted vs measured' });
    await expect(
      chart.getByRole('img', { name: /^Log-log scatter chart: predicted against measured/ }),
    ).toBeVisible();
    await expect(chart.locator('.recharts-scatter-symbol').first()).toBeVisible();

    // The source with the most rows: its median error, share within ±25%, coverage and rows as the eval has them.
    const bySource = metricsBySource();
    const [source, m] = Object.entries(bySource)
      .filter(([, s]) => s.ours)
      .sort(([, a], [, b]) => b.ours!.n - a.ours!.n)[0]!;
    const ours = m.ours!;
    await expect(
      page.getByTestId('error-table-source').locator(`tbody tr[data-key="${source}"]`),
    ).toContainText(`${ours.mdape.toFixed(1)}%`);
    expect(await cellValue(page, 'source', source, 'Rows')).toBe(ours.n);
    expect(await cellValue(page, 'source', source, 'Median error')).toBeCloseTo(ours.mdape, 1);
    expect(await cellValue(page, 'source', source, 'Within ±25%')).toBeCloseTo(ours.within25, 0);
    if (ours.coverage80 !== null)
      expect(await cellValue(page, 'source', source, '80% coverage')).toBeCloseTo(ours.coverage80, 0);
  });

  test('exports the scatter as PNG and CSV, and an error table as CSV', async ({ page }) => {
    test.setTimeout(120_000);
    await openAccuracy(page);
    const chart = page.locator('figure.chart').filter({ hasText: 'Predicted vs measured' });
    await expect(chart.locator('.recharts-scatter-symbol').first()).toBeVisible();
    const download = async (click: () => Promise<void>) =>
      (await Promise.all([page.waitForEvent('download'), click()]))[0];
    await chart.getByText('Export').click();
    const png = await download(() => chart.getByRole('button', { name: 'PNG image' }).click());
    expect(png.suggestedFilename()).toBe('rooflight-accuracy-scatter.png');
    expect(
      readFileSync((await png.path()) ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // The Export menu stays open.
    const csv = await download(() => chart.getByRole('button', { name: 'CSV data' }).click());
    const lines = readFileSync((await csv.path()) ?? '', 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toContain('source_file,source_row');
    expect(lines.length).toBeGreaterThan(1);
    const table = await download(() =>
      page.getByTestId('error-table-source').getByRole('button', { name: 'Export CSV' }).click(),
    );
    expect(table.suggestedFilename()).toBe('rooflight-accuracy-by-source.csv');
    const rows = readFileSync((await table.path()) ?? '', 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(rows).toHaveLength(Object.keys(metricsBySource()).length + 1);
  });

  test('a filter narrows the rows and survives a reload', async ({ page }) => {
    test.setTimeout(150_000);
    const rows = await parquetColumns<{ metric: string }>('holdout.parquet', ['metric']);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.metric, (counts.get(r.metric) ?? 0) + 1);
    const [metric, n] = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]!;
    expect(n).toBeLessThan(rows.length);

    await openAccuracy(page);
    await page.getByLabel('Metric', { exact: true }).selectOption(metric);
    await expect.poll(() => new URL(page.url()).searchParams.get('acc_metric')).toBe(metric);
    const metricTable = page.getByTestId('error-table-metric');
    await expect(metricTable.locator('tbody tr')).toHaveCount(1);
    await expect(metricTable.locator(`tbody tr[data-key="${metric}"]`)).toBeVisible();
    await expect(page.getByTestId('accuracy-summary')).toContainText(`${n.toLocaleString('en-US')} held-out`);

    await page.reload();
    await expect(page.getByLabel('Metric', { exact: true })).toHaveValue(metric, { timeout: 60_000 });
    await expect(page.getByTestId('accuracy-summary')).toContainText(`${n.toLocaleString('en-US')} held-out`);
    await expect(metricTable.locator('tbody tr')).toHaveCount(1);
    expect(new URL(page.url()).searchParams.get('acc_metric')).toBe(metric);
    // The page uses its own parameter: no "unknown parameter" notice.
    await expect(page.getByRole('status', { name: 'Link notice' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).not.toHaveURL(/acc_metric=/);
    await expect(metricTable.locator('tbody tr')).toHaveCount(counts.size);
  });

  test('clicking a point shows its row', async ({ page }) => {
    test.setTimeout(120_000);
    await openAccuracy(page);
    const point = page.locator('figure.chart .recharts-scatter-symbol').first();
    await point.click({ force: true });
    const detail = page.getByTestId('row-detail');
    await expect(detail.getByTestId('detail-source')).toBeVisible();
    const file = (await detail.getByTestId('detail-source').locator('code').textContent()) ?? '';
    const row = Number(await detail.getByTestId('detail-row').textContent());
    const truth = Number(await detail.getByTestId('detail-truth').getAttribute('data-value'));
    const predicted = Number(await detail.getByTestId('detail-predicted').getAttribute('data-value'));
    const rows = await parquetColumns<{
      source_file: string;
      source_row: number;
      truth: number;
      predicted: number;
    }>('holdout.parquet', ['source_file', 'source_row', 'truth', 'predicted']);
    expect(
      rows.some(
        (r) =>
          r.source_file === file && r.source_row === row && r.truth === truth && r.predicted === predicted,
      ),
    ).toBe(true);
    await expect(detail.getByRole('table')).toContainText('Roofline × one constant efficiency');
  });

  test("a point's evidence level says how rows like it did, and links to them", async ({ page }) => {
    test.setTimeout(120_000);
    await openAccuracy(page);
    // Transfer-layer rows always carry an evidence level (transfer:runtime:near, …).
    await page
      .locator('figure.chart .acc-layer-transfer .recharts-scatter-symbol')
      .first()
      .click({ force: true });
    const note = page.getByTestId('row-detail').getByTestId('evidence-accuracy');
    await expect(note).toContainText(/Predictions like this one: median error [\d.,]+% on unseen devices/, {
      timeout: 30_000,
    });
    const level = (await note.getAttribute('data-evidence')) ?? '';
    expect(level).toMatch(/^transfer/);
    await note.getByRole('link', { name: 'See them' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('acc_evidence')).toBe(level);
    await expect(page.getByLabel('Evidence', { exact: true })).toHaveValue(level);
    const keys = await page
      .getByTestId('error-table-evidence')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));
    for (const k of keys) expect(k === level || k.startsWith(`${level}:`)).toBe(true);
    await expect(page.getByRole('status', { name: 'Link notice' })).toHaveCount(0);
  });

  test('axe: no serious or critical violations, light and dark', async ({ page }) => {
    test.setTimeout(180_000);
    await openAccuracy(page);
    await page.locator('figure.chart .recharts-scatter-symbol').first().click({ force: true });
    await expect(page.getByTestId('detail-source')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('a prediction-style evidence link opens the page filtered to that level', async ({ page }) => {
  test.setTimeout(120_000);
  await openAccuracy(page, '&acc_evidence=transfer');
  await expect(page.getByLabel('Evidence', { exact: true })).toHaveValue('transfer');
  const keys = await page
    .getByTestId('error-table-evidence')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));
  expect(keys.length).toBeGreaterThan(0);
  for (const k of keys) expect(k.startsWith('transfer:') || k === 'transfer').toBe(true);
});
