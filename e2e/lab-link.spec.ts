import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

const PROFILE = '1_gf250_gb40_gm1024_gk128_gs0_wf12_wb8_ws1_wt0_cc8_mg8_lbChrome 131 · macOS';

test('a link with a measured profile shows the same devices and ranks them on Recommend', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/?v=1&page=lab&model=mobilenetv2_100.ra_in1k&lab=${encodeURIComponent(PROFILE)}`);
  await expect(page.getByTestId('shared-profile')).toContainText('Chrome 131 · macOS');
  const devices = page.getByRole('table', { name: "This browser's devices" });
  await expect(devices).toContainText('This browser · WebGPU');
  await expect(devices).toContainText('250 GFLOPS');
  await expect(page.getByTestId('browser-verdict')).toContainText(
    /mobilenetv2_100.*Use .*This browser.*at fp32/s,
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('web-fit-summary')).toContainText('fits this browser with WebGPU at fp32');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, 'axe: serious or critical violations on the Lab page').toEqual([]);

  await page.getByRole('button', { name: 'Compare with every device on Recommend' }).click();
  // Recommend is the front page: its link names no page.
  await expect(page).not.toHaveURL(/page=/);
  await expect(page.getByRole('table', { name: 'Hardware ranking' })).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/lab=1_gf250/);
  // Ranked beside the catalog; restricted to the browser classes, only the profile's devices remain.
  await page.goto(
    `/?v=1&page=recommend&model=mobilenetv2_100.ra_in1k&platforms=browser&lab=${encodeURIComponent(PROFILE)}`,
  );
  const ranking = page.getByRole('table', { name: 'Hardware ranking' });
  await expect(ranking.getByTestId('ranked-row')).toHaveCount(2, { timeout: 60_000 });
  await expect(ranking).toContainText('This browser · WebGPU');
  await expect(ranking).toContainText('This browser · WASM');
});

test('a malformed profile in a link is named, and the page still works', async ({ page }) => {
  await page.goto('/?v=1&page=lab&lab=1_gf-5_zz');
  await expect(page.getByRole('status', { name: 'Link notice' })).toContainText('not a browser profile');
  await expect(page.getByRole('heading', { name: 'Browser lab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Measure this browser' })).toBeVisible();
});
