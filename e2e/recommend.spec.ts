import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const table = (page: Page) => page.getByRole('table', { name: 'Hardware ranking' });
const status = (page: Page) => page.getByTestId('ranking-status');

/** Waits for the refined (learned) ranking and returns the top pick's device name. */
async function refinedTopPick(page: Page): Promise<string> {
  await expect(status(page)).toContainText('learned model', { timeout: 60_000 });
  await expect(table(page).getByTestId('ranked-row').first()).toBeVisible();
  return (await page.getByTestId('top-pick').getByRole('heading').textContent()) ?? '';
}

test('choose a workload and constraints, see the ranking; a copied link reproduces it', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?page=recommend');
  await expect(page.getByRole('link', { name: 'Recommend' })).toHaveAttribute('aria-current', 'page');
  // The fast roofline ranking comes first, the learned one refines it.
  await expect(table(page).getByTestId('ranked-row').first()).toBeVisible({ timeout: 45_000 });

  await page.getByLabel('Model', { exact: true }).fill('llama-3.1-8b');
  await expect(page.getByTestId('resolved-model')).toContainText('Llama');
  await page.getByLabel('Precision').selectOption('q4_k_m');
  await page.getByLabel('Objective').selectOption('throughput_per_dollar');
  await page.getByLabel('Max purchase price ($)').fill('1000');
  await expect(page).toHaveURL(/max_price_usd=1000/);
  await expect(page).toHaveURL(/precision=q4_k_m/);
  await expect(page).toHaveURL(/objective=throughput_per_dollar/);
  await expect(table(page)).toContainText('throughput per dollar');

  const top = await refinedTopPick(page);
  expect(top).not.toBe('');
  await expect(page.getByTestId('fallback-pick')).toHaveCount(2);
  await expect(table(page).getByTestId('ranked-row').first()).toContainText(top);
  await expect(table(page).getByTestId('ranked-row').first()).toContainText('q4_k_m');
  await page.getByText('Show each device and its reason').click();
  await expect(page.getByRole('list', { name: 'Devices that cannot run it' })).toContainText('> max $1,000');
  // The charts draw for real: five labelled figures; those with data hold a Recharts SVG with marks (a chart
  // with no eligible points, e.g. a Pareto front under a tight budget, shows its empty state instead).
  const charts = page.getByRole('region', { name: 'Charts' });
  await expect(charts.locator('figure')).toHaveCount(5, { timeout: 30_000 });
  const bodies = charts.locator('.chart-body[role="img"]');
  await expect(bodies).toHaveCount(5);
  for (const img of await bodies.all()) expect(await img.getAttribute('aria-label')).toBeTruthy();
  await expect
    .poll(async () => charts.locator('svg.recharts-surface').count(), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3);
  await expect(
    charts.locator('.recharts-bar-rectangle, .recharts-scatter-symbol, .recharts-line-curve').first(),
  ).toBeVisible();
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  expect(marks).toContain('rooflight:first-ranking');
  expect(marks).toContain('rooflight:refined-ranking');

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(link).toMatch(/[?&]sv=[a-z0-9]+/);
  expect(link).toMatch(/[?&]mv=[a-z0-9-]+/);

  const other = await context.newPage();
  await other.goto(link);
  expect(await refinedTopPick(other)).toBe(top);
  await expect(other.getByLabel('Precision')).toHaveValue('q4_k_m');
  await expect(other.getByLabel('Max purchase price ($)')).toHaveValue('1000');
  await expect(other.getByRole('status', { name: 'Link notice' })).toHaveCount(0);
});

test('a second visit shows the learned ranking saved on the first at once, then rechecks it', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const url = '/?page=recommend&model=llama-3.1-8b&precision=fp16';
  const first = await context.newPage();
  await first.goto(url);
  await expect(status(first)).toContainText('learned model', { timeout: 60_000 });
  await expect(status(first)).not.toContainText('saved');
  const top = await refinedTopPick(first);
  const firstRow = await table(first).getByTestId('ranked-row').first().textContent();
  await first.waitForFunction(() => performance.getEntriesByName('rooflight:ranking-saved').length > 0);
  await first.close();

  const second = await context.newPage();
  await second.goto(url);
  // The saved ranking comes before the engine has loaded (it takes seconds), with the same rows.
  await expect(status(second)).toContainText('saved on your last visit', { timeout: 30_000 });
  await expect(second.getByTestId('top-pick').getByRole('heading')).toHaveText(top);
  await expect(table(second).getByTestId('ranked-row').first()).toHaveText(firstRow ?? '');
  // The learned engine then recomputes it, and the same ranking stays.
  await expect(status(second)).not.toContainText('saved', { timeout: 60_000 });
  await expect(status(second)).toContainText('learned model');
  await expect(second.getByTestId('top-pick').getByRole('heading')).toHaveText(top);
});

test('a hostile link names its bad fields and the page still ranks with defaults', async ({ page }) => {
  test.setTimeout(90_000);
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  const junk = 'x'.repeat(10_000);
  await page.goto(
    `/?v=1&page=recommend&model=${encodeURIComponent('<script>alert(1)</script>')}&batch=1e309` +
      `&objective=zzz&platforms=__proto__&junk=${junk}`,
  );
  const notice = page.getByRole('status', { name: 'Link notice' });
  await expect(notice).toBeVisible();
  for (const field of ['model', 'batch', 'objective', 'platforms', 'junk'])
    await expect(notice.locator('code', { hasText: new RegExp(`^${field}$`) }).first()).toBeVisible();
  await expect(table(page).getByTestId('ranked-row').first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('top-pick')).toBeVisible();
  await expect(page.getByTestId('resolved-model')).toContainText('Llama');
  expect(page.url()).not.toContain('script');
  expect(page.url().length).toBeLessThan(200);
});

test('an engine that cannot load shows the error with Retry; the controls stay; Retry recovers', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.route('**/assets/manifest-*.json', (route) => route.fulfill({ status: 404, body: 'nope' }));
  await page.goto('/?page=recommend');
  await expect(page.getByRole('alert')).toContainText('could not load', { timeout: 45_000 });
  await expect(page.getByLabel('Objective')).toBeEnabled();
  await page.unroute('**/assets/manifest-*.json');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(table(page).getByTestId('ranked-row').first()).toBeVisible({ timeout: 45_000 });
});

test('the Recommend page has no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?page=recommend');
  await refinedTopPick(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
});

test('an unknown model id falls back to the default; a pasted config.json ranks a custom model', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?v=1&page=recommend&model=not-a-real-model');
  await expect(page.getByTestId('unknown-model')).toContainText('not-a-real-model', { timeout: 45_000 });
  await expect(table(page).getByTestId('ranked-row').first()).toBeVisible();

  await page.getByLabel('Model', { exact: true }).fill('custom');
  await expect(page).toHaveURL(/model=custom/);
  await expect(page.getByTestId('unknown-model')).toHaveCount(0);
  const config = {
    model_type: 'qwen2',
    hidden_size: 3584,
    intermediate_size: 18944,
    num_hidden_layers: 28,
    num_attention_heads: 28,
    num_key_value_heads: 4,
    vocab_size: 152064,
  };
  await page.getByLabel(/config\.json/).fill(JSON.stringify(config));
  await page.getByRole('button', { name: 'Use config.json' }).click();
  await expect(page.getByText(/Read config\.json: 7\.\d+ B params/)).toBeVisible();
  await expect(page).toHaveURL(/layers=28/);
  await expect(page.getByLabel('Layers')).toHaveValue('28');
  await expect(table(page).getByTestId('ranked-row').first()).toBeVisible();
  await expect(page.getByTestId('top-pick')).toBeVisible();
});
