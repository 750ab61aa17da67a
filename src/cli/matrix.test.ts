import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompatDocument } from '../core/select/compat-export.ts';
import { matrixCommand } from './matrix.ts';
import { testDeps } from './test-deps.test-util.ts';
import { UsageError } from './usage-error.ts';

describe('matrix (roofline-only engine)', () => {
  it('predicts every model × hardware × batch × precision cell', async () => {
    const deps = testDeps();
    await matrixCommand(
      [
        '--models',
        'bert-base-uncased,Llama 3 8B',
        '--hardware',
        'H100 SXM,V100',
        '--batch-sizes',
        '1,8',
        '--precisions',
        'fp16,fp8',
      ],
      deps,
    );
    const m = JSON.parse(deps.out.join('')) as {
      axes: { hardware: string[] };
      cells: {
        model: string;
        hardware: string;
        precision: string;
        error: string | null;
        metrics: Record<string, unknown>;
      }[];
    };
    expect(m.axes.hardware).toEqual(['nvidia-h100-sxm5-80gb', 'nvidia-v100-sxm2-16gb']);
    expect(m.cells).toHaveLength(16);
    const v100fp8 = m.cells.filter((c) => c.hardware === 'nvidia-v100-sxm2-16gb' && c.precision === 'fp8');
    expect(v100fp8.every((c) => /no fp8 support/.test(c.error ?? ''))).toBe(true);
    const llm = m.cells.find((c) => c.model === 'llama-3-8b' && c.hardware === 'nvidia-h100-sxm5-80gb')!;
    expect(Object.keys(llm.metrics)).toEqual(
      expect.arrayContaining(['throughput', 'ttft_ms', 'decode_tokens_s', 'memory_mb']),
    );
  });

  it('refuses bad values', async () => {
    await expect(matrixCommand(['--batch-sizes', '1,x'], testDeps())).rejects.toThrow(/--batch-sizes .*"x"/);
    await expect(matrixCommand(['--kind', 'nope'], testDeps())).rejects.toThrow(UsageError);
  });
});

describe('matrix --kind compatibility', () => {
  it('writes families × platforms with a status and reason per cell', async () => {
    const deps = testDeps();
    const out = join(await mkdtemp(join(tmpdir(), 'rooflight-')), 'compat.json');
    await matrixCommand(['--kind', 'compatibility', '--out', out], deps);
    const doc = JSON.parse(await readFile(out, 'utf8')) as CompatDocument;
    expect(doc.kind).toBe('compatibility');
    expect(doc.platforms).toEqual(expect.arrayContaining(['cuda', 'cpu', 'webgpu', 'wasm']));
    expect(doc.cells).toHaveLength(doc.families.length * doc.platforms.length);
    expect(doc.counts.supported).toBeGreaterThan(0);
    expect(Object.values(doc.counts).reduce((a, b) => a + b, 0)).toBe(doc.cells.length);
    expect(doc.cells.every((c) => c.reason.length > 0)).toBe(true);
    expect(deps.err.join('')).toMatch(/wrote \d+ families × \d+ platforms \(\d+ supported/);
  });

  it('one precision, by architecture, chosen families; bad values are usage errors', async () => {
    const deps = testDeps();
    await matrixCommand(
      ['--kind', 'compatibility', '--precision', 'FP8', '--group-by', 'architecture', '--families', 'llama'],
      deps,
    );
    const doc = JSON.parse(deps.out.join('')) as CompatDocument;
    expect(doc).toMatchObject({ precision: 'fp8', groupBy: 'architecture', families: ['llama'] });
    expect(doc.platforms.every((p) => p.includes('/'))).toBe(true);
    const cell = (p: string) => doc.cells.find((c) => c.platform === p);
    expect(cell('cuda/volta')?.status).toBe('unsupported');
    await expect(
      matrixCommand(['--kind', 'compatibility', '--families', 'nope'], testDeps()),
    ).rejects.toThrow(/unknown family "nope"/);
    await expect(
      matrixCommand(['--kind', 'compatibility', '--group-by', 'vendor'], testDeps()),
    ).rejects.toThrow(UsageError);
  });
});
