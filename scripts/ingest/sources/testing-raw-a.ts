/** Test helpers for the MLPerf, NVIDIA DLE and Lambda parsers. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { num, readCsv } from '../read.ts';
import type { MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

/** shared/data/raw next to the repository (ROOFLIGHT_RAW overrides). */
export const RAW_A =
  process.env.ROOFLIGHT_RAW ?? fileURLToPath(new URL('../../../../shared/data/raw', import.meta.url));

/** Whether the raw data is present; warns with the reason when it is not (tests then skip). */
export function rawPresent(name: string): boolean {
  const ok = existsSync(RAW_A);
  if (!ok) console.warn(`${name} tests skipped: raw data folder not found at ${RAW_A}`);
  return ok;
}

/** Parse once per test file. */
export function parseOnce(src: MeasurementSource): () => ParseResult {
  let cached: ParseResult | undefined;
  return () => (cached ??= src.parse(RAW_A));
}

/** The rows cited at one record, optionally of one metric. */
export function at(
  r: ParseResult,
  file: string,
  row: number,
  metric?: RawMeasurement['metric'],
): RawMeasurement[] {
  return r.rows.filter(
    (x) => x.source_file === file && x.source_row === row && (!metric || x.metric === metric),
  );
}

/** Drops carry reasons; rows are sane; files are listed in meta.paths; CSV rows' values (÷ scale) sit in their record. */
export function checkBasics(
  src: MeasurementSource,
  r: ParseResult,
  csvFiles: readonly string[],
  scaled: (x: RawMeasurement) => number = (x) => x.value,
): void {
  for (const d of r.drops) expect(d.reason.trim().length).toBeGreaterThan(5);
  const paths = src.meta.paths.split('|');
  for (const x of [...r.rows, ...r.drops]) expect(paths).toContain(x.source_file);
  for (const x of r.rows) {
    expect(x.value).toBeGreaterThan(0);
    expect(x.n_devices).toBeGreaterThanOrEqual(1);
    expect(x.hardware).not.toBe('');
    expect(x.model).not.toBe('');
  }
  for (const file of csvFiles) {
    const recs = readCsv(RAW_A, file);
    for (const x of r.rows.filter((y) => y.source_file === file)) {
      const rec = recs[x.source_row - 1] ?? {};
      expect(
        Object.values(rec).some((v) => num(v) === scaled(x)),
        `${file}#${x.source_row}`,
      ).toBe(true);
    }
  }
}
