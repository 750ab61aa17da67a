import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const table = (page: Page) => page.getByRole('table', { name: 'Hardware ranking' });
const firstRow = (page: Page) => table(page).getByTestId('ranked-row').first();

/** Waits for the learned ranking; returns the top device and what its row says about runtime and layout. */
async function learnedTop(page: Page): Promise<{ device: string; runtime: string }> {
  await expect(page.getByTestId('ranking-status')).toContainText('learned model', { timeout: 60_000 });
  await expect(firstRow(page)).toBeVisible();
  return {
    device: (await page.getByTestId('top-pick').getByRole('heading').textContent()) ?? '',
    runtime: (await firstRow(page).getByTestId('row-runtime').textContent()) ?? '',
  };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a link with a pasted runtime and the offline scenario ranks under them, and again after a reload', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('/?page=recommend&model=llama-3.1-8b&runtime=vLLM%200.9.1&scenario=offline&devices=8');
  // Read as the vLLM class, written back in canonical form; no notice (the text named a known runtime).
  await expect(page).toHaveURL(/[?&]runtime=vllm&scenario=offline&devices=8/);
  await expect(page.getByLabel('Runtime', { exact: true })).toHaveValue('vllm');
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('offline');
  await expect(page.getByRole('status', { name: 'Link notice' })).toHaveCount(0);

  const top = await learnedTop(page);
  expect(top.runtime).toMatch(/^vLLM/);
  expect(top.runtime).toMatch(/offline · batch \d+ · (\d+ replicas|TP\d)/);
  await expect(page.getByTestId('scenario-note')).toHaveCount(0);
  await expect(table(page).locator('caption')).toContainText('offline');
  await expect(firstRow(page).getByTestId('row-runtime')).toHaveAttribute('title', /vLLM \(chosen\)/);
  await expect(page.getByTestId('pick-runtime').first()).toContainText(/best of \d+ layouts × batches/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  expect(await learnedTop(page)).toEqual(top);
  await expect(page.getByLabel('Runtime', { exact: true })).toHaveValue('vllm');
});

test('an unknown runtime is named in the link notice and ranks with auto', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?page=recommend&model=llama-3.1-8b&runtime=foo');
  const notice = page.getByRole('status', { name: 'Link notice' });
  await expect(notice).toBeVisible();
  await expect(notice.locator('code', { hasText: /^runtime$/ })).toBeVisible();
  await expect(notice).toContainText('auto is used');
  await expect(page.getByLabel('Runtime', { exact: true })).toHaveValue('auto');
  expect(page.url()).not.toContain('runtime=');
  await learnedTop(page);
  // auto names its pick and why on every row.
  await expect(firstRow(page).getByTestId('row-runtime')).toHaveAttribute('title', /\(auto: /);
  await expect(firstRow(page).getByTestId('row-runtime')).toContainText('batch 1 · ');
});

test('Predict shows runtime, batch and layout per prediction and compares runtimes per device', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?page=predict');
  await expect(page.getByTestId('engine-status')).toContainText('Learned model', { timeout: 60_000 });
  const predictions = page.getByRole('table', { name: 'Predictions' });
  await expect(predictions.getByTestId('prediction').first()).toBeVisible();
  await expect(predictions).toContainText('1 device');

  await page.getByLabel('Scenario', { exact: true }).selectOption('offline');
  await expect(page).toHaveURL(/scenario=offline/);
  await page.getByLabel('Runtime', { exact: true }).selectOption('vllm');
  await expect(page).toHaveURL(/runtime=vllm/);
  await expect(predictions).toContainText('vLLM');
  // Every prediction comes with the command that measures it on the hardware.
  await expect(page.getByTestId('measure-commands')).toContainText('vllm bench throughput --model');

  await page.getByRole('button', { name: 'Compare runtimes' }).click();
  const h100 = page.getByRole('table', { name: 'Runtimes on NVIDIA H100 SXM5 80GB' });
  await expect(h100.getByTestId('runtime-row').first()).toBeVisible({ timeout: 30_000 });
  expect(await h100.getByTestId('runtime-row').count()).toBeGreaterThan(1);
  await expect(h100).toContainText("auto's pick");
  await expect(h100.getByTestId('runtime-row').first()).toContainText(/\d+ – \d+/);
  expect(await seriousViolations(page)).toEqual([]);
});
