import { describe, expect, it } from 'vitest';
import { LLAMA2_70B, LLAMA2_7B, measurementRow, RESNET50 } from '../roofline/fixtures.test-util.ts';
import { measurementDistance, nearestByDevice, type NearTarget } from './nearest.ts';

const models = new Map([LLAMA2_7B, LLAMA2_70B, RESNET50].map((m) => [m.id, m]));
const target: NearTarget = {
  model: LLAMA2_7B,
  mode: 'inference',
  batch: 1,
  precisions: new Map([
    ['h100', 'fp8'],
    ['a100', 'bf16'],
  ]),
};
const row = (over: Parameters<typeof measurementRow>[0]) =>
  measurementRow({ model_id: 'llama-2-7b', hardware_id: 'h100', precision: 'fp8', batch_size: 1, ...over });

describe('measurementDistance', () => {
  it('0 for the same model, precision, batch and mode; more for each difference', () => {
    expect(measurementDistance(row({}), target, models)).toBe(0);
    expect(measurementDistance(row({ precision: 'bf16' }), target, models)).toBe(1);
    expect(measurementDistance(row({ batch_size: 8 }), target, models)).toBe(3);
    expect(measurementDistance(row({ mode: 'training' }), target, models)).toBe(3);
    const sibling = measurementDistance(row({ model_id: 'llama-2-70b' }), target, models);
    const stranger = measurementDistance(row({ model_id: 'resnet50' }), target, models);
    expect(sibling).toBeGreaterThan(0);
    expect(stranger).toBeGreaterThan(sibling);
  });

  it('the precision compared is the one each device runs', () => {
    expect(measurementDistance(row({ hardware_id: 'a100', precision: 'bf16' }), target, models)).toBe(0);
  });
});

describe('nearestByDevice', () => {
  it('groups by device, nearest first, k at most, every device present', () => {
    const rows = [
      row({ batch_size: 16, source_row: 1 }),
      row({ source_row: 2 }),
      row({ model_id: 'resnet50', source_row: 3 }),
      row({ hardware_id: 'other', source_row: 4 }),
      row({ hardware_id: 'a100', precision: 'bf16', source_row: 5 }),
    ];
    const by = nearestByDevice(rows, ['h100', 'a100', 'v100'], target, models, 2);
    expect(by.get('h100')!.map((x) => x.m.source_row)).toEqual([2, 1]);
    expect(by.get('a100')!.map((x) => x.m.source_row)).toEqual([5]);
    expect(by.get('v100')).toEqual([]);
    expect(by.has('other')).toBe(false);
  });
});
