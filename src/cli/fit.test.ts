import { describe, expect, it } from 'vitest';
import { fitCommand } from './fit.ts';
import { testDeps } from './test-deps.test-util.ts';
import { UsageError } from './usage-error.ts';

interface PrecisionJson {
  precision: string;
  bits_per_weight: number;
  fits: boolean;
  per_device_bytes: number;
  capacity_bytes: number;
  memory: { weights: number; kvCache: number; overhead: number };
  longest_context: { tokens: number; power_of_two: number; model_max: number | null } | null;
  largest_batch: { batch: number; power_of_two: number } | null;
}
interface FitJson {
  model: { id: string };
  budget: { gb: number; kind: string } | null;
  reports: {
    device: { id: string } | null;
    capacity: { bytes: number };
    best: string | null;
    precisions: PrecisionJson[];
    unsupported: { precision: string; reason: string }[];
  }[];
}

async function run(argv: string[]) {
  const deps = testDeps();
  await fitCommand(argv, deps);
  return deps.out.join('\n');
}
const json = async (argv: string[]) => JSON.parse(await run([...argv, '--json'])) as FitJson;
const GIB = 1024 ** 3;

describe('fit --hardware', () => {
  it('Llama-3.1-8B on an RTX 4090 (24 GB): fp16 fits at some context, fp32 does not', async () => {
    const r = await json(['--model', 'llama-3.1-8b', '--hardware', 'RTX 4090']);
    const [rep] = r.reports;
    expect(rep!.device!.id).toBe('nvidia-rtx-4090');
    expect(rep!.capacity.bytes).toBe(24 * GIB);
    const at = (p: string) => rep!.precisions.find((x) => x.precision === p)!;
    // 8.03B weights × 2 bytes = 16.1 GB of 24 GiB × 0.95 = 24.5 GB: fits; × 4 bytes = 32.1 GB: does not.
    expect(at('fp16').fits).toBe(true);
    expect(at('fp16').memory.weights / 1e9).toBeCloseTo(16.06, 1);
    expect(at('fp16').capacity_bytes).toBeCloseTo(24 * GIB * 0.95, 0);
    expect(at('fp32').fits).toBe(false);
    expect(at('fp32').longest_context).toBeNull();
    // ≈ 7.8 GB left at ≈ 0.48 MB per token (128 KB of GQA KV cache + activations): ~16k tokens.
    const c = at('fp16').longest_context!;
    expect(c.tokens).toBeGreaterThan(12_000);
    expect(c.tokens).toBeLessThan(20_000);
    expect(c.model_max).toBe(131_072);
    expect(at('fp16').largest_batch!.batch).toBeGreaterThan(1);
    // Fewer bits: a longer context.
    expect(at('q4_k_m').longest_context!.tokens).toBeGreaterThan(c.tokens);
    // Ada has no fp4 path in the catalog.
    expect(rep!.unsupported.map((u) => u.precision)).toContain('fp4');
    expect(rep!.best).toBe('bf16');
  });

  it('prints a table per device with the best precision', async () => {
    const out = await run([
      '--model',
      'Llama 3.1 8B',
      '--hardware',
      'RTX 4090',
      'H100 SXM',
      '--precisions',
      'fp32,FP16,q4_k_m',
    ]);
    expect(out).toMatch(/device: NVIDIA GeForce RTX 4090 \(nvidia-rtx-4090\): 24 GB = 25\.8 GB/);
    expect(out).toMatch(/device: .*H100/);
    expect(out).toMatch(/precision\s+bits\s+footprint \/ capacity GB\s+fits\s+longest context/);
    expect(out).toMatch(/\nfp32 .* no /);
    expect(out).toMatch(/\nfp16 .* yes /);
    expect(out).toMatch(/best: fp16 \(16 bits per weight\): 16\.1 GB of weights/);
  });
});

describe('fit --memory-gb', () => {
  it('Llama-3.1-70B in 48 GB: 4-bit fits, fp16 and 8-bit do not', async () => {
    const r = await json(['--model', 'llama-3.1-70b', '--memory-gb', '48']);
    const [rep] = r.reports;
    expect(r.budget).toEqual({ gb: 48, kind: 'gpu' });
    expect(rep!.device).toBeNull();
    expect(rep!.capacity.bytes).toBe(48 * GIB);
    const at = (p: string) => rep!.precisions.find((x) => x.precision === p)!;
    // 70.6B weights: 141 GB at fp16, 70.6 GB at 8 bits, 35.3 GB at 4 bits against 48 GiB = 51.5 GB.
    expect(at('fp16').fits).toBe(false);
    expect(at('int8').fits).toBe(false);
    expect(at('int4').fits).toBe(true);
    expect(at('q4_k_m').fits).toBe(true);
    expect(at('int4').memory.weights / 1e9).toBeCloseTo(35.3, 0);
    const best = at(rep!.best!);
    expect(best.fits).toBe(true);
    expect(best.bits_per_weight).toBeGreaterThanOrEqual(4);
    expect(best.bits_per_weight).toBeLessThan(8);
    for (const p of rep!.precisions)
      if (p.fits) expect(p.bits_per_weight).toBeLessThanOrEqual(best.bits_per_weight);
  });

  it('prints every precision with its footprint and names the best', async () => {
    const out = await run(['--model', 'llama-3.1-70b', '--memory-gb', '48']);
    expect(out).toMatch(/budget: 48 GB = 51\.5 GB \(GiB, as vendors label memory\) of gpu memory/);
    expect(out).toMatch(/\nfp16 +16 +142\.0 \/ 49\.0 +no/);
    expect(out).toMatch(/\nbest: \S+ \([\d.]+ bits per weight\): /);
    const none = await run(['--model', 'llama-3.1-70b', '--memory-gb', '8', '--precisions', 'fp16,int4']);
    expect(none).toMatch(/nothing fits: the smallest, /);
  });
});

describe('fit arguments', () => {
  it('refuses a missing or doubled target and bad values', async () => {
    await expect(fitCommand(['--model', 'llama-3.1-8b'], testDeps())).rejects.toThrow(
      /either --hardware .* or --memory-gb/,
    );
    await expect(
      fitCommand(['--model', 'llama-3.1-8b', '--hardware', 'RTX 4090', '--memory-gb', '24'], testDeps()),
    ).rejects.toThrow(UsageError);
    await expect(fitCommand(['--model', 'llama-3.1-8b', '--memory-gb', 'lots'], testDeps())).rejects.toThrow(
      /--memory-gb must be a positive number/,
    );
    await expect(
      fitCommand(['--model', 'llama-3.1-8b', '--memory-gb', '24', '--precisions', 'fp17'], testDeps()),
    ).rejects.toThrow(/--precisions: unknown precision "fp17"/);
    await expect(
      fitCommand(['--model', 'llama-3.1-8b', '--hardware', 'RTX 4090', '--kind', 'cpu'], testDeps()),
    ).rejects.toThrow(/--kind describes a --memory-gb budget/);
    await expect(fitCommand(['--model', 'nonsense', '--memory-gb', '24'], testDeps())).rejects.toThrow(
      /unknown model "nonsense"/,
    );
  });
});
