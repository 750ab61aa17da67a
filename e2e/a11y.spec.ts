import type { Page } from '@playwright/test';
import { backgroundLuminance, seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** Every page, opened and waited on until its main content (and, on Recommend, every chart) is drawn. */
const PAGES: { name: string; path: string; ready: (page: Page) => Promise<void>; axeMs?: number }[] = [
  {
    name: 'Recommend',
    path: '/?page=recommend',
    ready: async (page) => {
      await expect(page.getByTestId('ranking-status')).toContainText('learned model', { timeout: 60_000 });
      await expect(page.locator('figure.chart')).toHaveCount(5, { timeout: 30_000 });
    },
  },
  {
    name: 'Predict',
    path: '/?page=predict',
    ready: async (page) => {
      await expect(page.getByTestId('engine-status')).toContainText('Learned model', { timeout: 60_000 });
      await expect(page.getByTestId('prediction').first()).toBeVisible();
    },
  },
  {
    name: 'Data',
    path: '/?page=data',
    ready: (page) => expect(page.getByTestId('row-count')).toHaveText(/^\d+$/, { timeout: 45_000 }),
  },
  {
    name: 'Your data',
    path: '/?page=yours',
    ready: async (page) => {
      await expect(page.getByLabel('choose a file')).toBeAttached({ timeout: 45_000 });
      await expect(page.getByTestId('no-batches')).toBeVisible();
    },
  },
  {
    name: 'Matrix',
    path: '/?page=matrix',
    // Hundreds of cells, each a button: axe's contrast pass takes a minute or more on a busy machine.
    axeMs: 120_000,
    ready: (page) =>
      expect(page.getByRole('table', { name: 'Compatibility matrix' })).toBeVisible({ timeout: 45_000 }),
  },
  {
    name: 'Lab',
    path: '/?page=lab',
    ready: (page) => expect(page.getByTestId('lab-browser')).toContainText(/Chrom/, { timeout: 30_000 }),
  },
  {
    name: 'Sources',
    path: '/?page=sources',
    ready: (page) => expect(page.getByTestId('source-count')).toHaveText(/^\d+$/, { timeout: 45_000 }),
  },
];

for (const p of PAGES) {
  test(`axe: no serious or critical violations on ${p.name}, light and dark`, async ({ page }) => {
    test.setTimeout(120_000 + 2 * (p.axeMs ?? 0));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(p.path);
    await p.ready(page);
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.5);
    expect(await seriousViolations(page), `${p.name}, light`).toEqual([]);

    // The system theme follows the media query live, without a reload.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.05);
    expect(await seriousViolations(page), `${p.name}, dark`).toEqual([]);
  });
}

test('axe: the dark theme chosen with the toggle, with charts, has no serious or critical violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PAGES[0]!.path);
  await PAGES[0]!.ready(page);
  const toggle = page.getByRole('button', { name: /^Theme: / });
  await toggle.click();
  await expect(toggle).toHaveText('Theme: Light');
  await toggle.click();
  await expect(toggle).toHaveText('Theme: Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.05);
  expect(await seriousViolations(page), 'Recommend, dark by toggle').toEqual([]);
});
