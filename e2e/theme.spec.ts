import { backgroundLuminance } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the theme toggle cycles system → light → dark, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?page=matrix');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /^Theme: / });
  await expect(toggle).toHaveText('Theme: System');
  await expect(html).toHaveAttribute('data-theme', 'system');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);

  await toggle.click();
  await expect(toggle).toHaveText('Theme: Light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.5);

  await page.reload();
  await expect(toggle).toHaveText('Theme: Light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.5);
  expect(await page.evaluate(() => localStorage.getItem('rooflight-theme'))).toBe('light');

  // Dark while the system is light; then back to following the system.
  await page.emulateMedia({ colorScheme: 'light' });
  await toggle.click();
  await expect(toggle).toHaveText('Theme: Dark');
  await page.reload();
  await expect(toggle).toHaveText('Theme: Dark');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);

  await toggle.click();
  await expect(toggle).toHaveText('Theme: System');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'system');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.5);
  expect(await page.evaluate(() => localStorage.getItem('rooflight-theme'))).toBeNull();
});

test('a stored theme is on <html> before the app renders (no flash of the other theme)', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('rooflight-theme', 'dark');
    new MutationObserver((_, observer) => {
      if (!document.getElementById('root')?.firstChild) return;
      (window as unknown as { themeAtFirstRender?: string }).themeAtFirstRender =
        document.documentElement.dataset.theme ?? 'none';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?page=matrix');
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { themeAtFirstRender?: string }).themeAtFirstRender),
  ).toBe('dark');
});
