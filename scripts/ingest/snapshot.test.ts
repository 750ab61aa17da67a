import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const RAW = process.env.ROOFLIGHT_RAW ?? resolve(ROOT, '../shared/data/raw');
const present = existsSync(RAW);
if (!present) console.warn(`skipping the snapshot reproduction test: raw sources not found at ${RAW}`);

describe.skipIf(!present)('npm run ingest', () => {
  it('reproduces the committed snapshot byte for byte from the raw sources', () => {
    const out = mkdtempSync(join(tmpdir(), 'rooflight-ingest-'));
    try {
      const report = execFileSync('npx', ['tsx', 'scripts/ingest/main.ts', '--raw', RAW, '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect(report).toContain('# Ingest report');
      expect(report).toMatch(/dropped/);
      const fresh = JSON.parse(readFileSync(join(out, 'snapshot.json'), 'utf8')) as unknown;
      const committed = JSON.parse(readFileSync(join(ROOT, 'public/data/snapshot.json'), 'utf8')) as {
        files: Record<string, { rows: number }>;
      };
      expect(fresh).toEqual(committed);
      expect(committed.files['measurements.parquet']!.rows).toBeGreaterThanOrEqual(25_000);
      expect(committed.files['hardware.parquet']!.rows).toBeGreaterThanOrEqual(80);
      expect(committed.files['models.parquet']!.rows).toBeGreaterThanOrEqual(1_500);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
