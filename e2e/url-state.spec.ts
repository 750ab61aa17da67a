import type { Page } from '@playwright/test';
import { expect, openData, rowCount, test } from './fixtures.ts';

/**
 * Every page's state round-trips through the URL: set it through the UI, reload, and the same view comes
 * back (the controls' values and the URL). Compare has its own spec.
 */

/** Reloads; the canonical URL the app wrote survives the reload unchanged. */
async function reloadSame(page: Page): Promise<void> {
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
}

const noNotice = (page: Page) => expect(page.getByRole('status', { name: 'Link notice' })).toHaveCount(0);

test('Recommend: the workload, objective and constraints survive a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?page=recommend');
  const ranking = page.getByRole('table', { name: 'Hardware ranking' });
  await expect(ranking.getByTestId('ranked-row').first()).toBeVisible({ timeout: 60_000 });

  await page.getByLabel('Precision').selectOption('fp16');
  await page.getByLabel('Batch', { exact: true }).fill('8');
  await page.getByLabel('Prompt tokens').fill('1024');
  await page.getByLabel('Objective').selectOption('latency');
  await page.getByLabel('Runtime', { exact: true }).selectOption('vllm');
  await expect(page).toHaveURL(/[?&]precision=fp16&runtime=vllm&batch=8&prompt=1024(&|$)/);
  await expect(page).toHaveURL(/[?&]objective=latency(&|$)/);

  await reloadSame(page);
  await expect(page.getByLabel('Precision')).toHaveValue('fp16');
  await expect(page.getByLabel('Runtime', { exact: true })).toHaveValue('vllm');
  await expect(page.getByLabel('Batch', { exact: true })).toHaveValue('8');
  await expect(page.getByLabel('Prompt tokens')).toHaveValue('1024');
  await expect(page.getByLabel('Objective')).toHaveValue('latency');
  await expect(ranking.getByTestId('ranked-row').first()).toContainText('fp16', { timeout: 60_000 });
  await noNotice(page);
});

test('Predict: the shared workload and the devices survive a reload; only the model’s lengths show', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('/?page=predict');
  await expect(page.getByTestId('engine-status')).toContainText('Learned model', { timeout: 60_000 });
  const predictions = page.getByRole('table', { name: 'Predictions' });
  await expect(predictions.getByTestId('prediction').first()).toBeVisible({ timeout: 30_000 });
  // The selection's defaults: Recommend's model and precision list, the default devices.
  await expect(page.getByLabel('Precision')).toHaveValue('best');
  await expect(page.getByTestId('predict-device')).toHaveCount(2);
  await expect(page.getByLabel('Prompt tokens')).toBeVisible();

  await page.getByLabel('Model', { exact: true }).fill('bert-base-uncased');
  await expect(page).toHaveURL(/[?&]model=bert-base-uncased(&|$)/);
  // An encoder: a sequence length, no prompt or generated tokens.
  await expect(page.getByLabel('Prompt tokens')).toHaveCount(0);
  await page.getByLabel('Sequence length').fill('256');
  await page.getByLabel('Precision').selectOption('fp16');
  await page
    .getByTestId('predict-device')
    .filter({ hasText: 'RTX 4090' })
    .getByRole('button', { name: /^Remove/ })
    .click();
  await page.getByLabel('Add a device').selectOption('nvidia-a100-sxm4-80gb');
  await expect(page).toHaveURL(/[?&]hardware=nvidia-h100-sxm5-80gb,nvidia-a100-sxm4-80gb(&|$)/);
  await expect(page).toHaveURL(/[?&]precision=fp16&seq=256(&|$)/);
  await expect(predictions).toContainText('NVIDIA A100 SXM4 80GB', { timeout: 30_000 });
  await expect(predictions).not.toContainText('RTX 4090');

  await reloadSame(page);
  await expect(page.getByTestId('engine-status')).toContainText('Learned model', { timeout: 60_000 });
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('bert-base-uncased');
  await expect(page.getByLabel('Precision')).toHaveValue('fp16');
  await expect(page.getByLabel('Sequence length')).toHaveValue('256');
  await expect(page.getByLabel('Prompt tokens')).toHaveCount(0);
  await expect(page.getByTestId('predict-device')).toHaveText([
    /NVIDIA H100 SXM5 80GB/,
    /NVIDIA A100 SXM4 80GB/,
  ]);
  await expect(predictions).toContainText('NVIDIA A100 SXM4 80GB', { timeout: 30_000 });
  await expect(predictions).toContainText('latency_ms');
  await expect(predictions).not.toContainText('decode_tokens_s');
  await noNotice(page);

  // The same workload is Recommend's: the next page opens with it.
  await page.getByRole('link', { name: 'Recommend' }).click();
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('bert-base-uncased');
  await expect(page.getByLabel('Precision')).toHaveValue('fp16');
  await expect(page.getByLabel('Sequence length')).toHaveValue('256');
});

test('Matrix: precision, columns and the family filter survive a reload', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/?page=matrix');
  const table = page.getByRole('table', { name: 'Compatibility matrix' });
  await expect(table).toBeVisible({ timeout: 45_000 });
  await page.getByLabel('Precision').selectOption('fp8');
  await page.getByLabel('Columns').selectOption('architecture');
  await page.getByLabel('Family contains').fill('llama');
  await expect(page).toHaveURL(/[?&]precision=fp8(&|$)/);
  await expect(page).toHaveURL(/[?&]matrix_columns=architecture&matrix_family=llama(&|$)/);
  const summary = page.getByTestId('matrix-summary');
  await expect(summary).not.toContainText(/^(\d+) of \1 families/);
  const text = await summary.textContent();

  await reloadSame(page);
  await expect(table).toBeVisible({ timeout: 45_000 });
  await expect(page.getByLabel('Precision')).toHaveValue('fp8');
  await expect(page.getByLabel('Columns')).toHaveValue('architecture');
  await expect(page.getByLabel('Family contains')).toHaveValue('llama');
  await expect(summary).toHaveText(text ?? '');
  for (const row of await table.locator('tbody th').allTextContents())
    expect(row.toLowerCase()).toContain('llama');
  await noNotice(page);
});

test('Data: filters, sort, page size and page survive a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await openData(page);
  await page.getByLabel('Source').selectOption('timm');
  await page.getByLabel('Model').fill('resnet');
  await expect(page).toHaveURL(/[?&]q_source=timm&q_model=resnet(&|$)/);
  const valueHeader = page.getByRole('columnheader', { name: /Value/ });
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('Rows per page').selectOption('25');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByText(/· page 2 of/)).toBeVisible();
  await expect(page).toHaveURL(/[?&]sort=-value&p=2&per_page=25(&|$)/);
  const n = await rowCount(page);
  const table = page.getByRole('table', { name: 'Measurements' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(25);
  // The rows of the sorted second page, not the previous query's still on screen.
  await expect(page.locator('.table-wrap').filter({ has: table })).toHaveAttribute('aria-busy', 'false');
  const first = await rows.first().textContent();

  await reloadSame(page);
  await expect(page.getByTestId('row-count')).toHaveText(String(n), { timeout: 45_000 });
  await expect(page.getByLabel('Source')).toHaveValue('timm');
  await expect(page.getByLabel('Model')).toHaveValue('resnet');
  await expect(page.getByLabel('Rows per page')).toHaveValue('25');
  await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByText(/· page 2 of/)).toBeVisible();
  await expect(rows.first()).toHaveText(first ?? '');
  await noNotice(page);

  // Back to the first page, then Clear filters: the URL drops them again.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/[?&]page=data&sort=-value&per_page=25$/);

  // A page past the last one (a stale or hand-written link) shows the last page.
  await openData(page, '/?page=data&q_source=timm&p=100000');
  await expect(page.getByText(/· page (\d+) of \1$/)).toBeVisible();
  await expect(page).not.toHaveURL(/p=100000/);
});

const PROFILE = '1_gf250_gb40_gm1024_gk128_gs0_wf12_wb8_ws1_wt0_cc8_mg8_lbChrome 131 · macOS';

test('Lab: the shared profile and the model picked for it survive a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/?v=1&page=lab&lab=${encodeURIComponent(PROFILE)}`);
  await expect(page.getByTestId('shared-profile')).toContainText('Chrome 131 · macOS');
  await page.getByLabel('Model', { exact: true }).fill('mobilenetv2_100.ra_in1k');
  await expect(page).toHaveURL(/[?&]model=mobilenetv2_100\.ra_in1k(&|$)/);
  await expect(page.getByTestId('web-fit-summary')).toContainText('mobilenetv2_100', { timeout: 60_000 });

  await reloadSame(page);
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('mobilenetv2_100.ra_in1k');
  await expect(page.getByTestId('shared-profile')).toContainText('Chrome 131 · macOS');
  await expect(page.getByRole('table', { name: "This browser's devices" })).toContainText('250 GFLOPS');
  await expect(page.getByTestId('web-fit-summary')).toContainText('mobilenetv2_100', { timeout: 60_000 });
  await noNotice(page);
});

test('Sources: the page, and the workload carried beside it, survive a reload', async ({ page }) => {
  await page.goto('/?v=1&precision=fp16&batch=4');
  await page.getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(/\?v=1&page=sources&precision=fp16&batch=4$/);
  await reloadSame(page);
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sources' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('source-count')).toHaveText(/^\d+$/, { timeout: 45_000 });
  // The workload is still the one set elsewhere.
  await page.getByRole('link', { name: 'Recommend' }).click();
  await expect(page.getByLabel('Precision')).toHaveValue('fp16');
  await expect(page.getByLabel('Batch', { exact: true })).toHaveValue('4');
});
