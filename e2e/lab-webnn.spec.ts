import { expect, test } from './fixtures.ts';
import { benchmarkRow, measureLab } from './lab.ts';
import { withFlags } from './launch.ts';

// Debian's Chromium exposes navigator.ml with this flag but ships no WebNN backend: createContext rejects.
test.use({ launchOptions: withFlags('--enable-features=WebMachineLearningNeuralNetwork') });

test('WebNN present but rejected: the exact error is shown, and the rest still works', async ({ page }) => {
  test.setTimeout(150_000);
  await measureLab(page);
  const webnn = page.getByRole('region', { name: 'WebNN', exact: true });
  await expect(webnn).toContainText('navigator.ml: yes');
  await expect(page.getByRole('table', { name: 'WebNN contexts' })).toContainText('NotSupportedError');
  await expect(page.getByTestId('webnn-message')).toBeVisible();
  await expect(benchmarkRow(page, 'webnn-matmul')).toHaveAttribute('data-status', /failed|skipped/);
  await expect(benchmarkRow(page, 'webnn-matmul')).toContainText('NotSupportedError');
  await expect(benchmarkRow(page, 'wasm-matmul')).toHaveAttribute('data-status', 'ok');
});
