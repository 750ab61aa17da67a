import { describe, expect, it } from 'vitest';
import { DB_VERSION, migrationPlan, openDb, VERSIONS } from './idb.ts';

const names = (plan: { name: string }[]) => plan.map((s) => s.name);

describe('IndexedDB migration plan', () => {
  it('is at version 2: the lab stores of version 1, then your batches and rows', () => {
    expect(DB_VERSION).toBe(2);
    expect(VERSIONS[0]).toEqual([
      { name: 'local-measurements', keyPath: 'source_row' },
      { name: 'local-devices', keyPath: 'id' },
    ]);
  });

  it('creates every store in a new database', () => {
    expect(names(migrationPlan(0))).toEqual([
      'local-measurements',
      'local-devices',
      'yours-batches',
      'yours-rows',
    ]);
  });

  it('adds only the new stores to a version-1 database, keeping its stores (and so their rows)', () => {
    const plan = migrationPlan(1, 2, ['local-measurements', 'local-devices']);
    expect(plan).toEqual([
      { name: 'yours-batches', keyPath: 'id' },
      { name: 'yours-rows', keyPath: ['batch', 'seq'] },
    ]);
  });

  it('creates nothing at the current version, and what a damaged database lacks otherwise', () => {
    expect(
      migrationPlan(2, 2, ['local-measurements', 'local-devices', 'yours-batches', 'yours-rows']),
    ).toEqual([]);
    expect(names(migrationPlan(1, 2, ['local-measurements', 'local-devices', 'yours-batches']))).toEqual([
      'yours-rows',
    ]);
    expect(names(migrationPlan(0, 1))).toEqual(['local-measurements', 'local-devices']);
  });

  it('refuses to go back a version', () => {
    expect(() => migrationPlan(3, 2)).toThrow('cannot open version 2 of a database at version 3');
  });

  // Node has no IndexedDB; the real open and upgrade run in Chromium (e2e/yours.spec.ts).
  it('rejects with a clear message where IndexedDB is missing', async () => {
    await expect(openDb()).rejects.toThrow('IndexedDB is not available in this browser');
  });
});
