import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../adapters/snapshot-files.ts';
import { testDeps } from './test-deps.test-util.ts';
import { UsageError } from './usage-error.ts';
import { evalWithCommand, predictWithCommand, splitWithArgs } from './with-import.ts';

const fixture = (f: string) => join(REPO_ROOT, 'src/core/import/fixtures', f);

describe('splitWithArgs', () => {
  it('takes the --with options out and leaves the command its own', () => {
    expect(
      splitWithArgs([
        '--with',
        'a.csv',
        '--model',
        'x',
        '--with-default',
        'hardware=H100',
        '--allow-above-roofline',
        '--with=b.json',
        '--json',
      ]),
    ).toEqual({
      rest: ['--model', 'x', '--json'],
      withArgs: [
        '--with',
        'a.csv',
        '--with-default',
        'hardware=H100',
        '--allow-above-roofline',
        '--with=b.json',
      ],
    });
  });
});

describe('predict --with', () => {
  it('imports the file, reports it, and predicts with the rows as evidence', async () => {
    const deps = testDeps();
    await predictWithCommand(
      [
        '--with',
        fixture('llama-bench.csv'),
        '--model',
        'Llama 3.1 8B',
        '--hardware',
        'H100 SXM',
        '--precision',
        'q4_k_m',
        '--json',
      ],
      deps,
    );
    expect(deps.err[0]).toMatch(
      /^llama-bench\.csv: llama-bench \(csv\), 4 records → 4 rows kept as yours:llama-bench, 0 bad/,
    );
    expect(deps.err[1]).toMatch(/4 of your rows join the measured neighbours/);
    const out = JSON.parse(deps.out.join('')) as { devices: { id: string; error: string | null }[] };
    expect(out.devices[0]).toMatchObject({ id: 'nvidia-h100-sxm5-80gb', error: null });
  }, 120_000);

  it('lists bad rows, unresolved names and missing fields, and writes the bad rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rooflight-with-'));
    const deps = testDeps();
    await predictWithCommand(
      [
        '--with',
        fixture('llama-bench.md'),
        '--bad-rows',
        join(dir, 'bad.csv'),
        '--model',
        'bert-base-uncased',
        '--hardware',
        'H100 SXM',
      ],
      deps,
    );
    const report = deps.err.join('\n');
    expect(report).toMatch(/llama-bench\.md: llama-bench \(markdown\), 4 records → 0 rows kept/);
    expect(report).toMatch(/the file does not state hardware: give --with-default hardware=…/);
    expect(report).toMatch(/unresolved "llama 8B" \(rows 3, 4, 5\): fix with --with-name "llama 8B=<id>"/);
    const bad = await readFile(join(dir, 'bad.csv'), 'utf8');
    expect(bad.split('\r\n')[0]).toBe(
      'bad_row,bad_column,bad_value,bad_reason,file,model,size,params,backend,ngl,test,t/s',
    );

    const fixed = testDeps();
    await predictWithCommand(
      [
        '--with',
        fixture('llama-bench.md'),
        '--with-default',
        'hardware=RTX 4090',
        '--with-name',
        'llama 8B=llama-3.1-8b',
        '--model',
        'bert-base-uncased',
        '--hardware',
        'H100 SXM',
      ],
      fixed,
    );
    expect(fixed.err[0]).toMatch(/4 records → 3 rows kept as yours:llama-bench, 1 bad/);
  }, 120_000);

  it('asks for a column mapping for an unknown table, with a guess, and reads it once given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rooflight-with-'));
    const file = join(dir, 'odd.csv');
    await writeFile(file, 'GPU,Network,Type,Imgs per second\nRTX 4090,resnet50,fp16,2900\n');
    const deps = testDeps();
    const argv = ['--model', 'resnet50', '--hardware', 'RTX 4090'];
    await expect(predictWithCommand(['--with', file, ...argv], deps)).rejects.toThrow(
      /--with-map "GPU=hardware" --with-map "Network=model"/,
    );
    await predictWithCommand(
      [
        '--with',
        file,
        '--with-map',
        'GPU=hardware',
        '--with-map',
        'Network=model',
        '--with-map',
        'Type=precision',
        '--with-map',
        'Imgs per second=metric:throughput',
        ...argv,
      ],
      deps,
    );
    expect(deps.err[0]).toMatch(/odd\.csv: mapped \(csv\), 1 record → 1 row kept/);
  }, 120_000);

  it('refuses unreadable files and bad options as usage errors', async () => {
    const deps = testDeps();
    await expect(
      predictWithCommand(['--with', '/nonexistent/x.csv', '--model', 'resnet50', '--hardware', 'H100'], deps),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(
      predictWithCommand(['--with', fixture('README.md'), '--model', 'resnet50', '--hardware', 'H100'], deps),
    ).rejects.toThrow(/README\.md/);
    await expect(
      predictWithCommand(['--with', fixture('timm-benchmark.csv'), '--with-default', 'speed=1'], deps),
    ).rejects.toThrow(/"speed" is not a field/);
    await expect(predictWithCommand(['--with-default', 'hardware=H100'], deps)).rejects.toThrow(
      /--with needs a file/,
    );
  }, 120_000);

  it('prints predict help with the --with options', async () => {
    const deps = testDeps();
    await predictWithCommand(['--with', 'x.csv', '--help'], deps);
    expect(deps.out[0]).toMatch(/--with-default FIELD=VALUE/);
    expect(deps.out[0]).toMatch(/^usage: npm run cli -- predict/);
  });
});

describe('eval --with', () => {
  it('scores the engine on the imported rows, overall, per source and per metric', async () => {
    const deps = testDeps();
    await evalWithCommand(
      ['--with', fixture('queries-measured.csv'), '--with', fixture('trtllm-bench.json'), '--json'],
      deps,
    );
    const out = JSON.parse(deps.out.join('')) as {
      engine: string;
      overall: { n: number; mdape: number; within25: number; coverage80: number };
      bySource: Record<string, { n: number }>;
      byMetric: Record<string, { n: number }>;
      unanswered: number;
    };
    expect(out.engine).toMatch(/roofline-only/);
    expect(out.overall.n + out.unanswered).toBe(4);
    expect(Object.keys(out.bySource)).toEqual(['yours:queries-measured', 'yours:trtllm-bench']);
    expect(Object.keys(out.byMetric).sort()).toEqual(['decode_tokens_s', 'latency_ms', 'throughput']);
    expect(out.overall.mdape).toBeGreaterThan(0);
  }, 120_000);

  it('prints a table and writes each row with its prediction', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rooflight-with-'));
    const deps = testDeps();
    await evalWithCommand(
      [
        '--with',
        fixture('timm-benchmark.csv'),
        '--with-default',
        'hardware=RTX 4090',
        '--with-default',
        'precision=amp',
        '--out',
        join(dir, 'rows.csv'),
      ],
      deps,
    );
    const text = deps.out.join('');
    expect(text).toMatch(/on 8 of your rows/);
    expect(text).toMatch(/all rows\s+n=\s+8\s+MdAPE/);
    expect(text).toMatch(/per metric:\n {2}throughput/);
    const rows = (await readFile(join(dir, 'rows.csv'), 'utf8')).trim().split('\r\n');
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatch(/,predicted,low,high,layer,ape,error$/);
  }, 120_000);

  it('has its own help', async () => {
    const deps = testDeps();
    await evalWithCommand(['--with', 'x', '--help'], deps);
    expect(deps.out[0]).toMatch(/^usage: npm run cli -- eval --with/);
  });
});
