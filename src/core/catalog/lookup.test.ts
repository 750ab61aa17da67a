import { describe, expect, it } from 'vitest';
import { createLookup, hardwareLookup } from './lookup.ts';
import { nameTokens } from './normalize.ts';

const HW = [
  { id: 'nvidia-h100-sxm5-80gb', name: 'NVIDIA H100 SXM5 80GB', aliases: 'H100|H100 SXM' },
  { id: 'nvidia-h100-pcie-80gb', name: 'NVIDIA H100 PCIe 80GB', aliases: 'H100 PCIe' },
  { id: 'nvidia-a100-sxm4-80gb', name: 'NVIDIA A100 SXM4 80GB', aliases: 'A100 80GB' },
  { id: 'apple-m2-ultra', name: 'Apple M2 Ultra (76-core GPU)', aliases: 'M2 Ultra' },
];

describe('nameTokens', () => {
  it('joins a number to its unit and keeps version dots', () => {
    expect(nameTokens('M2 Ultra 76-Core GPU')).toEqual(['m2', 'ultra', '76core', 'gpu']);
    expect(nameTokens('A100 80 GB')).toEqual(['a100', '80gb']);
    expect(nameTokens('Llama 3.1 8B')).toEqual(['llama', '3.1', '8b']);
    expect(nameTokens('Xeon 8480+')).toEqual(['xeon', '8480plus']);
  });
});

describe('createLookup', () => {
  const hw = hardwareLookup(HW);
  const id = (raw: string) => {
    const r = hw.resolve(raw);
    return r.ok ? r.entry.id : r.reason;
  };

  it('resolves exact keys case-insensitively, with vendor words optional', () => {
    expect(id('h100 sxm')).toBe('nvidia-h100-sxm5-80gb');
    expect(id('NVIDIA A100 80GB')).toBe('nvidia-a100-sxm4-80gb');
    expect(hw.resolve('H100 SXM')).toMatchObject({ via: 'exact' });
  });

  it('matches words in any order in the tolerant pass', () => {
    expect(id('80GB SXM4 A100')).toBe('nvidia-a100-sxm4-80gb');
    expect(hw.resolve('80 GB SXM4 A100')).toMatchObject({ ok: true, via: 'tolerant' });
    expect(id('Ultra M2 76-core')).toBe('apple-m2-ultra');
  });

  it('refuses names that fit several entries, listing them', () => {
    const r = hw.resolve('H100 80GB');
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous' });
    if (!r.ok) {
      expect(r.candidates).toEqual(['nvidia-h100-pcie-80gb', 'nvidia-h100-sxm5-80gb']);
      expect(r.message).toContain('"H100 80GB"');
    }
  });

  it('suggests near names for unknown ones', () => {
    const r = hw.resolve('H100 SMX');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    if (!r.ok) expect(r.message).toMatch(/did you mean .*nvidia-h100-sxm5-80gb/);
    const none = createLookup(HW, 'hardware').resolve('zzzz');
    expect(none).toMatchObject({ ok: false, reason: 'unknown', candidates: [] });
  });
});
