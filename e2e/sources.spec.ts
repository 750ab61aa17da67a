import { expect, test } from './fixtures.ts';
import { parquetColumns } from './snapshot.ts';

test('the Sources page credits every source in sources.parquet', async ({ page }) => {
  const sources = await parquetColumns<{ id: string; license: string }>('sources.parquet', ['id', 'license']);
  expect(sources.length).toBeGreaterThan(0);
  await page.goto('/?page=sources');
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  await expect(page.getByTestId('source-count')).toHaveText(String(sources.length), { timeout: 45_000 });
  await expect(page.getByTestId('source')).toHaveCount(sources.length);
  for (const s of sources) {
    const card = page.locator(`[data-source-id="${s.id}"]`);
    await expect(card).toContainText(s.id);
    await expect(card).toContainText(s.license);
  }
});
