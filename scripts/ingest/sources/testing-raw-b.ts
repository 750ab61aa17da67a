/** Test helpers for the parsers of timm, ryujaehun, llama.cpp, MLC, whisper.cpp and the browser sources. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { num, readCsv } from '../read.ts';
import type { MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

/** shared/data/raw next to the repository (ROOFLIGHT_RAW overrides). */
export const RAW_ROOT =
  process.env.ROOFLIGHT_RAW ?? fileURLToPath(new URL('../../../../shared/data/raw', import.meta.url));

/** Whether the raw data is present; warns with the reason when it is not (tests then skip). */
export function hasRaw(name: string): boolean {
  const ok = existsSync(RAW_ROOT);
  if (!ok) console.warn(`${name} tests skipped: raw data folder not found at ${RAW_ROOT}`);
  return ok;
}

/** Parse once per test file. */
export function lazyParse(src: MeasurementSource): () => ParseResult {
  let cached: ParseResult | undefined;
  return () => (cached ??= src.parse(RAW_ROOT));
}

/** Rows at one record with one metric (and optionally scenario/batch). */
export function rowsAt(
  r: ParseResult,
  file: string,
  row: number,
  metric: RawMeasurement['metric'],
): RawMeasurement[] {
  return r.rows.filter((x) => x.source_file === file && x.source_row === row && x.metric === metric);
}

/** Every CSV-sourced row's value appears in its cited record; every drop has a reason; paths cover files. */
export function checkCommon(src: MeasurementSource, r: ParseResult, csvFiles: readonly string[]): void {
  for (const d of r.drops) expect(d.reason.trim().length).toBeGreaterThan(3);
  for (const file of csvFiles) {
    const recs = readCsv(RAW_ROOT, file);
    for (const row of r.rows.filter((x) => x.source_file === file)) {
      const rec = recs[row.source_row - 1];
      expect(rec, `${file}#${row.source_row}`).toBeDefined();
      expect(Object.values(rec ?? {}).some((v) => num(v) === row.value)).toBe(true);
    }
  }
  for (const row of r.rows) {
    expect(row.value).toBeGreaterThan(0);
    expect(row.n_devices).toBeGreaterThanOrEqual(1);
    expect(row.hardware).not.toBe('');
    expect(row.model).not.toBe('');
  }
  const files = new Set([...r.rows, ...r.drops].map((x) => x.source_file));
  const paths = src.meta.paths.split('|');
  for (const f of files)
    expect(paths.some((p) => p === f || (p.endsWith('/*.csv') && f.startsWith(p.slice(0, -5))))).toBe(true);
}
