import { describe, expect, it } from 'vitest';
import { parseDeviceLabel } from './device-variants.ts';
import { hardwareLookup, type LookupResult } from './lookup.ts';
import { APPLE_PER_CONFIG, HARDWARE, RYZEN_AI } from './lookup-fixtures.test-util.ts';
import { HARDWARE_PREFIXES } from './resolve.ts';
import type { NamedDevice } from './device-variants.ts';

const vendor = new Set(HARDWARE_PREFIXES);
const hw = hardwareLookup(HARDWARE);
const id = (r: LookupResult<NamedDevice>) => (r.ok ? r.entry.id : `${r.reason}: ${r.candidates.join(', ')}`);
const resolve = (raw: string) => id(hw.resolve(raw));

describe('parseDeviceLabel', () => {
  it('splits capacity, form factor and core count from the chip', () => {
    expect(parseDeviceLabel('NVIDIA B300 SXM -270GB', vendor)).toEqual({
      family: 'b300',
      base: 'nvidia b300',
      form: 'sxm',
      cores: null,
      capacityGb: 270,
    });
    expect(parseDeviceLabel('Apple M2 Max 38-Core GPU 96 GB', vendor)).toEqual({
      family: 'm2 max',
      base: 'apple m2 max 38core',
      form: null,
      cores: '38',
      capacityGb: 96,
    });
    expect(parseDeviceLabel('H100 80GB PCIe Gen5', vendor)).toMatchObject({ family: 'h100', form: 'pcie' });
    expect(parseDeviceLabel('apple-m3-max-40c-128gb', vendor)).toMatchObject({
      cores: '40',
      capacityGb: 128,
    });
  });
});

describe('capacity variants', () => {
  it('resolves a capacity within 10% of the only matching device', () => {
    expect(resolve('B300 SXM -270GB')).toBe('nvidia-b300-sxm-288gb');
    expect(resolve('B300-270GB')).toBe('nvidia-b300-sxm-288gb');
    expect(resolve('nvidia b300 288gb')).toBe('nvidia-b300-sxm-288gb');
    expect(resolve('H200 131GB')).toBe('nvidia-h200-sxm-141gb');
    expect(hw.resolve('H200 131GB')).toMatchObject({ note: '131 GB stated; the catalog row has 141 GB' });
  });

  it('picks the nearest of several capacity variants', () => {
    expect(resolve('A100 75GB')).toBe('nvidia-a100-sxm4-80gb');
    expect(resolve('A100 42GB')).toBe('nvidia-a100-sxm4-40gb');
    expect(resolve('A100 PCIe 78GB')).toBe('nvidia-a100-pcie-80gb');
    expect(resolve('GH200 141GB')).toBe('nvidia-gh200-144gb');
    expect(resolve('H100 94GB')).toBe('nvidia-h100-nvl-94gb');
  });

  it('refuses a capacity far from every variant, with the candidates', () => {
    const r = hw.resolve('A100 200GB');
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous' });
    if (!r.ok) {
      expect(r.candidates).toEqual([
        'nvidia-a100-pcie-40gb',
        'nvidia-a100-pcie-80gb',
        'nvidia-a100-sxm4-40gb',
        'nvidia-a100-sxm4-80gb',
      ]);
      expect(r.message).toContain('no variant within 10% of 200 GB');
    }
  });

  it('keeps plain names as they resolved before', () => {
    expect(resolve('A100')).toBe('nvidia-a100-sxm4-40gb');
    expect(resolve('H100')).toBe('nvidia-h100-sxm5-80gb');
    expect(resolve('H100 80GB')).toBe('ambiguous: nvidia-h100-pcie-80gb, nvidia-h100-sxm5-80gb');
    expect(resolve('NVIDIA H100 80GB HBM3')).toBe('nvidia-h100-sxm5-80gb');
  });
});

describe('memory configurations', () => {
  it('resolves a chip with one catalog row, noting the capacity the catalog uses', () => {
    expect(resolve('M2 Max 38-Core GPU 96GB')).toBe('apple-m2-max');
    expect(hw.resolve('M2 Max 38-Core GPU 96GB')).not.toHaveProperty('note');
    expect(resolve('RTX 4060 Ti 16GB')).toBe('nvidia-rtx-4060-ti-16gb');
    expect(hw.resolve('RTX 4060 Ti 8GB')).toMatchObject({
      ok: true,
      entry: { id: 'nvidia-rtx-4060-ti-16gb' },
      note: '8 GB stated; the catalog row has 16 GB',
    });
    expect(resolve('RTX 4060 8GB')).toBe('nvidia-rtx-4060');
    expect(resolve('M3 Max 36GB')).toBe('apple-m3-max');
  });

  it('picks the row of the stated configuration when the catalog has one per configuration', () => {
    const apple = hardwareLookup([...HARDWARE.filter((h) => h.id !== 'apple-m3-max'), ...APPLE_PER_CONFIG]);
    const pick = (raw: string) => id(apple.resolve(raw));
    expect(pick('M3 Max 40-Core GPU 64GB')).toBe('apple-m3-max-40c-64gb');
    expect(pick('Apple M3 Max 40-core GPU 48 GB')).toBe('apple-m3-max-40c-48gb');
    expect(pick('M3 Max 128GB')).toBe('apple-m3-max-40c-128gb');
    expect(pick('M3 Max 36GB')).toBe('apple-m3-max-30c-36gb');
    expect(pick('M3 Max 30-Core GPU 36GB')).toBe('apple-m3-max-30c-36gb');
    expect(pick('M3 Max 40-Core GPU 96GB')).toMatch(
      /^ambiguous: apple-m3-max-40c-128gb, apple-m3-max-40c-48gb/,
    );
  });

  it('refuses a core count the catalog does not have', () => {
    const r = hw.resolve('M1 Max 16-Core GPU');
    expect(r).toMatchObject({
      ok: false,
      reason: 'unknown',
      candidates: ['apple-m1-max', 'apple-m1-max-24c-gpu'],
    });
    expect(resolve('M1 Max 24-Core GPU 64GB')).toBe('apple-m1-max-24c-gpu');
  });
});

describe('form factors', () => {
  it.each([
    ['H100 SXM5', 'nvidia-h100-sxm5-80gb'],
    ['H100-SXM', 'nvidia-h100-sxm5-80gb'],
    ['H100 SXM4', 'nvidia-h100-sxm5-80gb'],
    ['H100 PCIe', 'nvidia-h100-pcie-80gb'],
    ['H100 NVL', 'nvidia-h100-nvl-94gb'],
    ['H200 NVL 131GB', 'nvidia-h200-nvl-141gb'],
    ['A100-SXM4-80GB', 'nvidia-a100-sxm4-80gb'],
    ['A100 PCIe 80GB', 'nvidia-a100-pcie-80gb'],
    ['A100 SXM4 75GB', 'nvidia-a100-sxm4-80gb'],
  ])('%s → %s (picks the variant)', (raw, want) => {
    expect(resolve(raw)).toBe(want);
  });

  it.each([
    ['MI300X OAM', 'amd-instinct-mi300x'],
    ['AMD Instinct MI300X OAM 192GB', 'amd-instinct-mi300x'],
    ['MI325X OAM', 'amd-instinct-mi325x'],
    ['L40S PCIe', 'nvidia-l40s'],
    ['RTX 4090 PCIe 24GB', 'nvidia-rtx-4090'],
  ])('%s → %s (one form in the catalog: the word does not get in the way)', (raw, want) => {
    expect(resolve(raw)).toBe(want);
  });

  it('refuses a form factor missing from a chip with several', () => {
    const r = hw.resolve('H100 OAM');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    if (!r.ok) {
      expect(r.candidates).toEqual([
        'nvidia-h100-nvl-94gb',
        'nvidia-h100-pcie-80gb',
        'nvidia-h100-sxm5-80gb',
      ]);
      expect(r.message).toContain('no OAM variant');
    }
  });
});

describe('vendor marks', () => {
  it.each([
    ['NVIDIA® H100', 'nvidia-h100-sxm5-80gb'],
    ['Intel(R) Xeon(R) Platinum 8480+', 'intel-xeon-platinum-8480plus'],
    ['intel(r) xeon(r) platinum 8480+', 'intel-xeon-platinum-8480plus'],
    ['AMD Instinct™ MI300X', 'amd-instinct-mi300x'],
    ['Intel® Arc™ 140T GPU', 'intel-arc-140t'],
    ['NVIDIA(TM) H200 (C) 131GB', 'nvidia-h200-sxm-141gb'],
  ])('%s → %s', (raw, want) => {
    expect(resolve(raw)).toBe(want);
  });

  it('reads "Ryzen™ AI" once the catalog has a Ryzen AI row', () => {
    const withRyzen = hardwareLookup([...HARDWARE, RYZEN_AI]);
    expect(id(withRyzen.resolve('Ryzen™ AI'))).toBe('amd-ryzen-ai-9-hx-370');
    expect(id(withRyzen.resolve('AMD Ryzen(TM) AI 9 HX 370'))).toBe('amd-ryzen-ai-9-hx-370');
  });
});
