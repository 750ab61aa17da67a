import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('main (subprocess)', () => {
  it('exits non-zero with a usage message and no stack trace on a bad model', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'predict', '--model', 'nonsense', '--hardware', 'H100 SXM'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ROOFLIGHT_DEBUG: '' },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error: unknown model "nonsense"/);
    expect(r.stderr).toMatch(/usage: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('refuses a malformed link to recommend with status 2 and the usage', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'recommend', 'http://[oops/?v=1'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error: not a link: "http:\/\/\[oops\/\?v=1" is not a valid URL/);
    expect(r.stderr).toMatch(/recommend +the Recommend page's ranking/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('exits non-zero without --hardware too', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'predict', '--model', 'nonsense'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/error: .*\n[\s\S]*usage: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
