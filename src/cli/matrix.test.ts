import { describe, expect, it } from 'vitest';
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

  it('refuses bad values and the not-yet-built compatibility kind', async () => {
    await expect(matrixCommand(['--batch-sizes', '1,x'], testDeps())).rejects.toThrow(/--batch-sizes .*"x"/);
    await expect(matrixCommand(['--kind', 'compatibility'], testDeps())).rejects.toThrow(UsageError);
  });
});
