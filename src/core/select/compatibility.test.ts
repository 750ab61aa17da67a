import { describe, expect, it } from 'vitest';
import { NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';
import { H100, LLAMA2_70B, LLAMA2_7B, V100 } from '../roofline/fixtures.test-util.ts';
import { compatibilityMatrix, typicalModel, type CompatSnapshot } from './compatibility.ts';

const asRow = (m: typeof LLAMA2_7B): ModelRow => ({
  ...NO_KV_ARCH,
  ...m,
  name: m.id,
  aliases: '',
  source: 'test',
  notes: null,
});
const RTX = { ...H100, id: 'rtx', name: 'RTX 12GB', segment: 'consumer', memory_gb: 12, fp8_tflops: null };
const fixture: CompatSnapshot = {
  hardware: [H100, V100, RTX],
  models: [asRow(LLAMA2_7B), asRow({ ...LLAMA2_70B, family: 'llama-2' })],
  measurements: [],
};

describe('compatibilityMatrix on fixtures', () => {
  it('derives status from precision support and memory fit', () => {
    const m = compatibilityMatrix(fixture);
    expect(m.platforms).toEqual(['cuda', 'webgpu', 'webnn']);
    const cuda = m.cells.find((c) => c.platform === 'cuda')!;
    // typical model = lower median of {7B, 70B} = llama-2-7b: 13.5 GB weights fit H100 and V100 at fp16
    expect(cuda.model).toBe('llama-2-7b');
    expect(cuda.status).toBe('supported');
    expect(cuda.devices).toMatchObject({ total: 3, full: 2, reduced: 1 });
    expect(cuda.reason).toMatch(/no measurements of llama-2 on cuda; llama-2-7b \(14\.\d GB at fp16\)/);
    const webgpu = m.cells.find((c) => c.platform === 'webgpu')!;
    expect(webgpu.status).toBe('limited');
    expect(webgpu.reason).toMatch(/1 more only at 8\/4-bit \(q4_k_m\)/);
    expect(m.cells.find((c) => c.platform === 'webnn')!.status).toBe('limited');
  });

  it('fp8-only workloads: unsupported on Volta, supported on Hopper', () => {
    const m = compatibilityMatrix(fixture, { precision: 'fp8', groupBy: 'architecture' });
    const cell = (p: string) => m.cells.find((c) => c.platform === p)!;
    expect(cell('cuda/volta').status).toBe('unsupported');
    expect(cell('cuda/volta').reason).toMatch(/V100 SXM2 16GB \(volta\) has no fp8 support/);
    expect(cell('cuda/hopper').status).toBe('supported');
  });

  it('typicalModel takes the lower median by parameters', () => {
    expect(typicalModel(fixture.models)?.id).toBe('llama-2-7b');
    expect(typicalModel([])).toBeNull();
  });
});
