import { describe, expect, it } from 'vitest';
import type { HardwareRow } from '../catalog/schema.ts';
import { H100, XEON } from '../roofline/fixtures.test-util.ts';
import { backendsOf, measurementBackend, platformClass } from './platforms.ts';

const row = (o: Partial<HardwareRow>): HardwareRow => ({ ...H100, ...o });

describe('platformClass', () => {
  it('classifies by kind, segment and vendor', () => {
    expect(platformClass(H100)).toBe('datacenter-gpu');
    expect(platformClass(row({ segment: 'workstation' }))).toBe('workstation-gpu');
    expect(platformClass(row({ segment: 'consumer' }))).toBe('consumer-gpu');
    expect(platformClass(row({ segment: 'laptop' }))).toBe('consumer-gpu');
    expect(platformClass(row({ kind: 'soc-gpu', vendor: 'Apple', segment: 'laptop' }))).toBe('apple');
    expect(platformClass(XEON)).toBe('cpu');
    expect(platformClass(row({ kind: 'tpu', vendor: 'Google' }))).toBe('npu-tpu');
    expect(platformClass(row({ kind: 'npu', vendor: 'AWS' }))).toBe('npu-tpu');
    expect(platformClass(row({ segment: null, cloud_usd_hr: 2 }))).toBe('datacenter-gpu');
    expect(platformClass(row({ segment: null, cloud_usd_hr: null }))).toBe('consumer-gpu');
  });

  it('splits browser rows by API named in the row', () => {
    const b = (id: string) => row({ kind: 'browser', id, name: id, segment: 'browser' });
    expect(platformClass(b('chrome-webgpu-m3'))).toBe('browser-webgpu');
    expect(platformClass(b('edge-webnn-npu'))).toBe('browser-webnn');
    expect(platformClass(b('firefox-wasm'))).toBe('browser-wasm');
  });
});

describe('backends', () => {
  it('gives native and browser backends', () => {
    expect(backendsOf(H100)).toEqual(['cuda']);
    expect(backendsOf(row({ segment: 'consumer' }))).toEqual(['cuda', 'webgpu', 'webnn']);
    expect(backendsOf(row({ kind: 'soc-gpu', vendor: 'Apple', segment: 'laptop' }))).toEqual([
      'mps',
      'webgpu',
      'webnn',
      'wasm',
    ]);
    expect(backendsOf({ ...XEON, segment: 'consumer' })).toEqual(['cpu', 'webnn', 'wasm']);
  });

  it('reads the backend of a measurement from its runtime', () => {
    const m3 = row({ kind: 'soc-gpu', vendor: 'Apple' });
    expect(measurementBackend('llama.cpp WebGPU / Chromium (jspi build)', m3)).toBe('webgpu');
    expect(measurementBackend('llama.cpp WASM CPU / Firefox (asyncify build)', m3)).toBe('wasm');
    expect(measurementBackend('llama.cpp Metal', m3)).toBe('mps');
    expect(measurementBackend('vLLM 0.4.3+rocm614', row({ vendor: 'AMD' }))).toBe('rocm');
    expect(measurementBackend('TensorRT 10.2', H100)).toBe('cuda');
  });
});
