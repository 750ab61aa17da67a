import { test as base, expect, type Page } from '@playwright/test';

/**
 * `test` with an automatic check that every request the page makes stays on the app's origin
 * (data: and blob: URLs are local).
 */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
      const foreign: string[] = [];
      page.on('request', (r) => {
        const url = r.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, 'requests that left the app origin').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens a page and waits until the snapshot is loaded and the row count is shown. */
export async function openData(page: Page, path = '/?page=data'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('row-count')).toHaveText(/^\d+$/, { timeout: 45_000 });
}

/** The number in the Data page's row count. */
export async function rowCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('row-count').textContent());
}
