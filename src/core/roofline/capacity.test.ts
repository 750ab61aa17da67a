import { describe, expect, it } from 'vitest';
import type { HardwareRow } from '../catalog/schema.ts';
import { deviceCapacity, GIB } from './capacity.ts';
import { H100, LLAMA2_7B } from './fixtures.test-util.ts';
import { fit, fitSummary, memoryFootprint } from './memory.ts';
import { precisionInfo } from './precision.ts';
import type { ModelArch, Workload } from './workload.ts';

const RTX4080: HardwareRow = {
  ...H100,
  id: 'rtx-4080',
  name: 'RTX 4080',
  segment: 'consumer',
  memory_gb: 16,
};
const apple = (gb: number): HardwareRow => ({
  ...H100,
  id: `m-${gb}`,
  name: `M2 Ultra ${gb}GB`,
  vendor: 'Apple',
  kind: 'soc-gpu',
  memory_gb: gb,
});
/** Llama-3-8B as its config.json states it. */
const LLAMA3_8B: ModelArch = {
  ...LLAMA2_7B,
  id: 'llama-3-8b',
  params_m: 8030,
  kv_heads: 8,
  ffn: 14336,
  vocab: 128256,
};
const decode = (precision: string, runtime?: string): Workload => ({
  model: LLAMA3_8B,
  mode: 'inference',
  batch: 1,
  precision,
  nDevices: 1,
  promptTokens: 512,
  genTokens: 128,
  ...(runtime ? { runtime } : {}),
});

describe('device capacity', () => {
  it('reads vendor GB labels as GiB', () => {
    expect(deviceCapacity(RTX4080)?.bytes).toBe(16 * GIB);
    expect(deviceCapacity({ ...H100, memory_gb: 80 })?.bytes).toBeCloseTo(85.9e9, -8);
    expect(deviceCapacity({ ...H100, memory_gb: null })).toBeNull();
  });

  it("gives Apple GPUs macOS's default working set: 2/3 up to 32 GiB, 3/4 above", () => {
    expect(deviceCapacity(apple(16))?.usableBytes).toBeCloseTo((16 * GIB * 2) / 3, 0);
    expect(deviceCapacity(apple(192))?.usableBytes).toBe(144 * GIB);
    expect(deviceCapacity(apple(64))?.raise).toContain('iogpu.wired_limit_mb');
  });
});

describe('fit', () => {
  it('fits Llama-3-8B F16 on a 16 GB card under llama.cpp, bytes against bytes', () => {
    const w = decode('fp16', 'llama.cpp-cuda');
    const mem = memoryFootprint(w, precisionInfo('fp16')!, 'gpu');
    const f = fit(mem, RTX4080, 1);
    expect(f.status).toBe('fits');
    expect(fitSummary(mem, f, RTX4080)).toMatch(
      /^16\.1 GB of weights \+ 0\.\d GB KV .*= 16\.\d GB of 17\.2 GB \(16 GB = 17\.2 GB\)$/,
    );
  });

  it("keeps a framework's allocator slack and a serving engine's utilization cap back", () => {
    const fw = memoryFootprint(decode('fp16'), precisionInfo('fp16')!, 'gpu');
    expect(fw.reserve).toBe(0.05);
    expect(fit(fw, RTX4080, 1).status).toBe('needs-more');
    const vllm = memoryFootprint(decode('fp16', 'vllm'), precisionInfo('fp16')!, 'gpu');
    expect(fit(vllm, RTX4080, 1).capacityBytes).toBeCloseTo(16 * GIB * 0.9, 0);
    expect(fitSummary(vllm, fit(vllm, RTX4080, 1), RTX4080)).toContain('10% kept back by the runtime');
  });

  it('takes a GGUF precision to mean llama.cpp', () => {
    const mem = memoryFootprint(decode('q4_k_m'), precisionInfo('q4_k_m')!, 'gpu');
    expect(mem.reserve).toBe(0);
    expect(mem.runtimeNote).toMatch(/^llama\.cpp/);
  });

  it("uses Apple's working set and says how to raise it", () => {
    const mem = memoryFootprint(decode('fp16', 'llama.cpp-metal'), precisionInfo('fp16')!, 'soc-gpu');
    const m16 = apple(16);
    const f = fit(mem, m16, 1);
    expect(f.status).toBe('needs-more');
    expect(fitSummary(mem, f, m16)).toMatch(
      /of 11\.5 GB \(16 GB = 17\.2 GB; 11\.5 GB usable: macOS's default GPU working set, 67%.*iogpu\.wired_limit_mb/,
    );
  });
});
