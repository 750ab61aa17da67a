/** The one set of test helpers for the source parsers: where the raw data is, parse once, rows at a record, common checks. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { num, readCsv } from '../read.ts';
import type { MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

/** shared/data/raw next to the repository (ROOFLIGHT_RAW overrides). */
export const RAW_ROOT =
  process.env.ROOFLIGHT_RAW ?? fileURLToPath(new URL('../../../../shared/data/raw', import.meta.url));

/** Whether the raw data is present; warns with the reason when it is not (tests then skip). */
export function rawPresent(name: string): boolean {
  const ok = existsSync(RAW_ROOT);
  if (!ok) console.warn(`${name} tests skipped: raw data folder not found at ${RAW_ROOT}`);
  return ok;
}

/** Parse once per test file. */
export function parseOnce(src: MeasurementSource): () => ParseResult {
  let cached: ParseResult | undefined;
  return () => (cached ??= src.parse(RAW_ROOT));
}

/** The rows cited at one record, optionally of one metric. */
export function rowsAt(
  r: ParseResult,
  file: string,
  row: number,
  metric?: RawMeasurement['metric'],
): RawMeasurement[] {
  return r.rows.filter(
    (x) => x.source_file === file && x.source_row === row && (!metric || x.metric === metric),
  );
}

/**
 * What every parser must hold: each drop carries a reason; rows are sane (positive value, ≥ 1 device,
 * named hardware and model); every cited file is one of the source's paths (a `dir/*.csv` path covers the
 * CSVs in dir); each CSV-sourced row's value (÷ `scaled`, for units the parser converts) sits in the record
 * it cites.
 */
export function checkSource(
  src: MeasurementSource,
  r: ParseResult,
  csvFiles: readonly string[],
  scaled: (x: RawMeasurement) => number = (x) => x.value,
): void {
  for (const d of r.drops) expect(d.reason.trim().length).toBeGreaterThan(5);
  for (const x of r.rows) {
    expect(x.value).toBeGreaterThan(0);
    expect(x.n_devices).toBeGreaterThanOrEqual(1);
    expect(x.hardware).not.toBe('');
    expect(x.model).not.toBe('');
  }
  const paths = src.meta.paths.split('|');
  for (const f of new Set([...r.rows, ...r.drops].map((x) => x.source_file)))
    expect(
      paths.some((p) => p === f || (p.endsWith('/*.csv') && f.startsWith(p.slice(0, -5)))),
      f,
    ).toBe(true);
  for (const file of csvFiles) {
    const recs = readCsv(RAW_ROOT, file);
    for (const x of r.rows.filter((y) => y.source_file === file)) {
      const rec = recs[x.source_row - 1];
      expect(rec, `${file}#${x.source_row}`).toBeDefined();
      expect(
        Object.values(rec ?? {}).some((v) => num(v) === scaled(x)),
        `${file}#${x.source_row}`,
      ).toBe(true);
    }
  }
}
