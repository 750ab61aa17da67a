import { describe, expect, it } from 'vitest';
import { platformClass } from '../select/platforms.ts';
import { measureReport, probeReport, SAMPLE_PROFILE } from './fixtures.test-util.ts';
import { decodeProfile, encodeProfile } from './profile-codec.ts';
import { BROWSER_DEVICE_IDS, browserBackendOf, browserDevices, profileFrom } from './profile.ts';

describe('profileFrom', () => {
  it('takes measured figures only, and the adapter limits in MiB', () => {
    const p = profileFrom(probeReport(), measureReport());
    expect(p.webgpu).toEqual({
      fp32: 40,
      fp16: null,
      bw: 6,
      maxBufferMib: 1024,
      maxBindingMib: 128,
      software: true,
    });
    expect(p.wasm).toEqual({ gflops: 12, bw: 8, simd: true, threads: false });
    expect(p.webnn).toBeNull();
    expect(p.label).toBe('Chromium 156 · Linux');
  });

  it('leaves WebGPU out when no adapter came back, even with a stray figure', () => {
    const probe = probeReport();
    probe.webgpu = { api: true, adapters: [], message: 'no adapter' };
    expect(profileFrom(probe, measureReport()).webgpu).toBeNull();
  });
});

describe('browserDevices', () => {
  it('makes one device per measured backend, classified by its API', () => {
    const devices = browserDevices(SAMPLE_PROFILE);
    expect(devices.map((d) => d.id)).toEqual([BROWSER_DEVICE_IDS.webgpu, BROWSER_DEVICE_IDS.wasm]);
    expect(devices.map(platformClass)).toEqual(['browser-webgpu', 'browser-wasm']);
    const [gpu, wasm] = devices;
    expect(gpu!.fp32_tflops).toBe(0.04);
    expect(gpu!.name).toContain('software adapter');
    expect(wasm!.memory_gb).toBe(4);
    expect(wasm!.mem_bw_gbs).toBe(8);
    expect(browserBackendOf(gpu!.id)).toBe('webgpu');
    expect(browserBackendOf('nvidia-h100-sxm5-80gb')).toBeNull();
  });

  it('keeps a slow backend non-zero (4 significant digits)', () => {
    const [wasm] = browserDevices({
      ...SAMPLE_PROFILE,
      webgpu: null,
      wasm: { ...SAMPLE_PROFILE.wasm!, gflops: 0.2 },
    });
    expect(wasm!.fp32_tflops).toBe(0.0002);
  });
});

describe('profile codec', () => {
  it('round-trips and stays short', () => {
    const text = encodeProfile(SAMPLE_PROFILE);
    expect(text).toBe('1_gf40_gb6_gm1024_gk1024_gs1_wf12_wb8_ws1_wt0_cc2_mg8_lbChromium 156 · Linux');
    expect(decodeProfile(text)).toEqual({ ok: true, profile: SAMPLE_PROFILE });
  });

  it.each([
    ['2_gf1_gm1_gk1', 'unknown profile version'],
    ['1_gfabc_gm1_gk1', 'not a number'],
    ['1_gf1', 'buffer limits'],
    ['1_gb5', 'without "gf"'],
    ['1_cc2', 'no measured backend'],
    ['1_zz1_wf2', 'unknown field'],
    ['1_wf2_wf3', 'repeated'],
    ['1_wf0', 'above 0'],
    ['1_wf1e99', 'not a number from 0'],
  ])('refuses %s (%s)', (text, problem) => {
    const d = decodeProfile(text);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problem).toContain(problem);
  });
});
