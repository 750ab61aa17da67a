import { expect, openData, test } from './fixtures.ts';

test('every request stays on the app origin, and load timings are published', async ({ page, baseURL }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await openData(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByTestId('source-count')).toBeVisible();

  const origin = new URL(baseURL ?? '').origin;
  expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(
    urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')),
  ).toEqual([]);

  const timings = await page.evaluate(() => window.__rooflightTimings);
  expect(timings?.duckdbInitMs).toBeGreaterThan(0);
  expect(timings?.snapshotLoadMs).toBeGreaterThan(0);
  expect(timings?.firstQueryMs).toBeGreaterThan(0);
  expect(timings?.measurementRows).toBeGreaterThan(0);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  expect(marks).toEqual(
    expect.arrayContaining([
      'rooflight:duckdb-start',
      'rooflight:duckdb-ready',
      'rooflight:snapshot-loaded',
      'rooflight:first-query',
    ]),
  );
  console.log('timings', JSON.stringify(timings));
});
