import { describe, expect, it } from 'vitest';
import { A100, H100, V100 } from '../roofline/fixtures.test-util.ts';
import { defaultSelection, PLATFORMS } from '../share/selection.ts';
import {
  addDevice,
  compareKey,
  comparedSelection,
  compareWith,
  MAX_COMPARE,
  removeDevice,
  resolveCompareDevices,
} from './devices.ts';

const catalog = new Map([H100, A100, V100].map((h) => [h.id, h]));

describe('resolveCompareDevices', () => {
  it('keeps known devices in the link order and names unknown ids', () => {
    const r = resolveCompareDevices([A100.id, 'nope', H100.id], catalog);
    expect(r.devices.map((d) => d.id)).toEqual([A100.id, H100.id]);
    expect(r.unknown).toEqual(['nope']);
    expect(r.problem).toBeNull();
  });

  it('says what is missing with fewer than two known devices', () => {
    expect(resolveCompareDevices([], catalog).problem).toMatch(/at least 2 devices/);
    expect(resolveCompareDevices([H100.id, 'x'], catalog).problem).toContain(`${H100.name} is the only one`);
  });

  it('compares at most six and lists the rest', () => {
    const many = new Map(
      Array.from({ length: 8 }, (_, i) => [`d${i}`, { ...H100, id: `d${i}`, name: `D${i}` }] as const),
    );
    const r = resolveCompareDevices([...many.keys()], many);
    expect(r.devices).toHaveLength(MAX_COMPARE);
    expect(r.overflow.map((d) => d.id)).toEqual(['d6', 'd7']);
  });
});

describe('picker edits', () => {
  it('adds without repeats and removes', () => {
    expect(addDevice(['a'], 'b')).toEqual(['a', 'b']);
    expect(addDevice(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(removeDevice(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });

  it('never grows past the link limit', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `d${i}`);
    expect(addDevice(twelve, 'x')).toEqual(twelve);
  });
});

describe('compareWith', () => {
  it('pairs a row with the top pick, and the top pick with the runner-up', () => {
    expect(compareWith('c', ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(compareWith('a', ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(compareWith('a', ['a'])).toBeNull();
    expect(compareWith('a', [])).toBeNull();
  });
});

describe('comparedSelection', () => {
  it('drops constraints, platform filters and the lab; keeps the workload; $ and W objectives rank throughput', () => {
    const s = {
      ...defaultSelection(),
      objective: 'throughput_per_dollar' as const,
      platforms: ['consumer-gpu' as const],
      constraints: { ...defaultSelection().constraints, maxPriceUsd: 1000 },
      batch: 8,
    };
    const c = comparedSelection(s);
    expect(c.objective).toBe('throughput');
    expect(c.platforms).toEqual([...PLATFORMS]);
    expect(c.constraints.maxPriceUsd).toBeNull();
    expect(c.batch).toBe(8);
    expect(comparedSelection({ ...s, objective: 'latency' }).objective).toBe('latency');
  });

  it('keys on the workload and devices, not on constraints or the page', () => {
    const s = { ...defaultSelection(), hardware: ['a', 'b'] };
    expect(compareKey({ ...s, page: 'recommend' })).toBe(compareKey({ ...s, page: 'compare' }));
    expect(compareKey(s)).toBe(compareKey({ ...s, constraints: { ...s.constraints, maxPowerW: 10 } }));
    expect(compareKey(s)).not.toBe(compareKey({ ...s, batch: 2 }));
    expect(compareKey(s)).not.toBe(compareKey({ ...s, hardware: ['b', 'a'] }));
  });
});
