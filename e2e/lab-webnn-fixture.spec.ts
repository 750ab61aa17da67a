import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

/**
 * The WebNN-SUPPORTED path cannot run here (Debian's Chromium has no WebNN backend), so this test installs a
 * stand-in `navigator.ml` built from src/adapters/probe/fixtures/webnn-supported.json: a hand-written fixture
 * of the API's shapes (MLContext, MLOpSupportLimits), labelled as such in the file, not a real device.
 */
const fixture = JSON.parse(
  readFileSync(new URL('../src/adapters/probe/fixtures/webnn-supported.json', import.meta.url), 'utf8'),
) as { _label: string; opSupportLimits: Record<string, unknown> };

test('WebNN supported (API-shape fixture, not a real backend): contexts and op limits are shown', async ({
  page,
}) => {
  expect(fixture._label).toMatch(/NOT a recording/);
  await page.addInitScript((limits) => {
    const ml = { createContext: () => Promise.resolve({ opSupportLimits: () => limits }) };
    Object.defineProperty(Navigator.prototype, 'ml', { configurable: true, get: () => ml });
    Object.defineProperty(window, 'MLGraphBuilder', { configurable: true, value: class MLGraphBuilder {} });
  }, fixture.opSupportLimits);
  await page.goto('/?page=lab');
  const webnn = page.getByRole('region', { name: 'WebNN', exact: true });
  await expect(webnn).toContainText('navigator.ml: yes; MLGraphBuilder: yes', { timeout: 30_000 });
  const contexts = page.getByRole('table', { name: 'WebNN contexts' });
  await expect(contexts.getByTestId('webnn-result').first()).toHaveText('context created');
  await expect(contexts).not.toContainText('NotSupportedError');
  await webnn.getByText(/opSupportLimits\(\) of/).click();
  await expect(webnn.locator('pre')).toContainText('"matmul"');
  await expect(webnn.locator('pre')).toContainText('"rankRange"');
});
