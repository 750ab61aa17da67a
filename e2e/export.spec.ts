import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, openData, rowCount, test } from './fixtures.ts';
import { narrowingHardware } from './snapshot.ts';

test('Export CSV downloads every filtered row, with a header', async ({ page }) => {
  await openData(page);
  const hw = await narrowingHardware();
  await page.getByLabel('Hardware').selectOption(hw.id);
  await expect(page.getByTestId('row-count')).toHaveText(String(hw.n));
  const n = await rowCount(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('rooflight-measurements.csv');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  const lines = text.split('\r\n').filter((l) => l !== '');
  expect(lines).toHaveLength(n + 1);
  const records = parse(text, { columns: true }) as Record<string, string>[];
  expect(records).toHaveLength(n);
  expect(new Set(records.map((r) => r.hardware_id))).toEqual(new Set([hw.id]));
  expect(Object.keys(records[0] ?? {})).toContain('source_row');
});
