import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHardware, PeakContradiction } from './build.ts';
import { DEVICE_DEFS } from './build.ts';
import { fact, type Field } from './device-types.ts';
import { checkPeaks, fillPeaks, type DeviceClass, type Sourced } from './peaks.ts';

const hopper: DeviceClass = { vendor: 'NVIDIA', architecture: 'hopper', segment: 'datacenter' };
const geforceAda: DeviceClass = { vendor: 'NVIDIA', architecture: 'ada', segment: 'consumer' };
const stated = (entries: [Field, number][]) =>
  new Map<Field, Sourced>(entries.map(([f, value]) => [f, { value, src: `test-source:${f}` }]));

describe('fillPeaks', () => {
  it('fills fp8 on a Hopper part from its dense fp16', () => {
    const out = stated([['fp16_tflops', 989.5]]);
    fillPeaks(hopper, out);
    expect(out.get('fp8_tflops')?.value).toBe(1979);
    expect(out.get('bf16_tflops')?.value).toBe(989.5);
    expect(out.get('int8_tops')?.value).toBe(1979);
    expect(out.get('fp8_tflops')?.src).toContain('derived:rule fp8_tflops = 2 × fp16_tflops');
  });

  it('gives GeForce both accumulate modes and bf16 at the fp32-accumulate rate', () => {
    const out = stated([['fp16_tflops', 330]]);
    fillPeaks(geforceAda, out);
    expect(out.get('fp16_acc32_tflops')?.value).toBe(165);
    expect(out.get('bf16_tflops')?.value).toBe(165);
    expect(out.get('tf32_tflops')?.value).toBe(82.5);
    expect(out.get('fp8_tflops')?.value).toBe(660);
  });

  it('keeps a workstation part at one rate for both accumulate modes', () => {
    const out = stated([['fp16_tflops', 364.25]]);
    fillPeaks({ vendor: 'NVIDIA', architecture: 'ada', segment: 'workstation' }, out);
    expect(out.has('fp16_acc32_tflops')).toBe(false);
    expect(out.get('bf16_tflops')?.value).toBe(364.25);
  });

  it('never derives from a shader (non-tensor) lower bound', () => {
    const out = new Map<Field, Sourced>([['fp16_tflops', { value: 22, src: 'x:non-tensor-lower-bound' }]]);
    fillPeaks(geforceAda, out);
    expect(out.size).toBe(1);
  });
});

describe('checkPeaks', () => {
  it('flags a planted contradiction with the rule and passes a consistent device', () => {
    const ok = checkPeaks(
      'h',
      hopper,
      stated([
        ['fp16_tflops', 989],
        ['fp8_tflops', 1979],
      ]),
      new Map(),
      [],
    );
    expect(ok.every((c) => c.agrees)).toBe(true);
    const bad = checkPeaks(
      'h',
      hopper,
      stated([
        ['fp16_tflops', 989],
        ['fp8_tflops', 3958],
      ]),
      new Map(),
      [],
    );
    expect(bad.filter((c) => !c.agrees).map((c) => [c.field, c.base])).toEqual([
      ['fp8_tflops', 'fp16_tflops'],
    ]);
  });

  it('compares with second sources, unless a recorded correction waives one', () => {
    const alt = new Map<Field, Sourced[]>([['fp16_tflops', [{ value: 181, src: 'hw-specs-other:row:col' }]]]);
    const out = stated([['fp16_tflops', 362]]);
    expect(checkPeaks('d', geforceAda, out, alt, []).some((c) => !c.agrees)).toBe(true);
    const waived = [{ device: 'd', field: 'fp16_tflops' as const, waive: 'hw-specs-other', reason: 'test' }];
    expect(checkPeaks('d', geforceAda, out, alt, waived).some((c) => !c.agrees)).toBe(false);
  });
});

const raw = resolve(__dirname, '../../../../shared/data/raw');
const present = existsSync(raw);
if (!present) console.warn(`peak ingest tests skipped: raw data folder ${raw} is absent`);

describe.skipIf(!present)('the ingest with the raw spec tables', () => {
  it('fails on a planted contradiction and names the device and field', () => {
    const planted = DEVICE_DEFS.map((d) =>
      d.id === 'nvidia-h100-sxm5-80gb'
        ? { ...d, facts: [...(d.facts ?? []), fact('fp8_tflops', 3958, 'test: planted contradiction')] }
        : d,
    );
    expect(() => buildHardware(raw, planted)).toThrow(PeakContradiction);
    expect(() => buildHardware(raw, planted)).toThrow(/nvidia-h100-sxm5-80gb fp8_tflops=3958/);
  });

  it('builds dense peaks with both accumulate modes', () => {
    const byId = new Map(buildHardware(raw).rows.map((r) => [r.id, r]));
    const r4090 = byId.get('nvidia-rtx-4090');
    expect([r4090?.fp16_tflops, r4090?.fp16_acc32_tflops, r4090?.bf16_tflops, r4090?.fp8_tflops]).toEqual([
      330, 165, 165, 660,
    ]);
    expect(byId.get('nvidia-gh200-96gb')?.fp8_tflops).toBe(1979);
    expect(byId.get('nvidia-rtx-5090')?.fp4_tflops).toBeGreaterThan(0);
    expect(byId.get('nvidia-l40s')?.fp16_tflops).toBeCloseTo(362.05, 2);
    expect(byId.get('nvidia-h100-sxm5-80gb')?.fp16_acc32_tflops).toBeNull();
  });
});
