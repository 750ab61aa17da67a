import { describe, expect, it } from 'vitest';
import { probeWasmCaps, RELAXED_SIMD_MODULE, SIMD_MODULE, validates } from './wasm.ts';

describe('wasm probe', () => {
  it('the SIMD module validates in Node 20 (which has SIMD); a broken one does not', () => {
    expect(validates(SIMD_MODULE)).toBe(true);
    const broken = SIMD_MODULE.slice();
    broken[broken.length - 2] = 0xff; // an opcode that does not exist
    expect(validates(broken)).toBe(false);
  });

  it('the relaxed-SIMD module is well formed (only the opcode is relaxed)', () => {
    expect(RELAXED_SIMD_MODULE.slice(0, 8)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    expect(typeof validates(RELAXED_SIMD_MODULE)).toBe('boolean');
  });

  it('reports capabilities without throwing', () => {
    const caps = probeWasmCaps();
    expect(caps.simd).toBe(true);
    expect(caps.threads).toBe(caps.sharedArrayBuffer && caps.crossOriginIsolated);
    expect(caps.tfjsBackends).toEqual([]);
  });
});
