import { describe, expect, it } from 'vitest';
import { lambdaConfig, source } from './lambda.ts';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';

const parsed = parseOnce(source);

describe('lambda config labels', () => {
  it('splits device, count and chassis', () => {
    expect(lambdaConfig('8x A100 80GB SXM4', 8)).toEqual({
      hardware: 'A100 80GB SXM4',
      n: 8,
      qualified: false,
    });
    expect(lambdaConfig('Dell 4x H100 80GB SXM5', 4)).toEqual({
      hardware: 'H100 80GB SXM5',
      n: 4,
      qualified: true,
    });
    expect(lambdaConfig('LambdaOD_2x_Texas_1xH100_80GB_SXM5_192-222-52-120_v2', null)).toMatchObject({
      hardware: 'H100 80GB SXM5',
      n: 1,
    });
    expect(lambdaConfig('p4d.24xlarge', 8)).toMatchObject({ hardware: 'A100 40GB SXM4', n: 8 });
  });
});

describe.skipIf(!rawPresent('lambda'))('lambda source', () => {
  it('accounts for every throughput cell', () => {
    const r = parsed();
    expect(r.read).toBe(4564);
    expect(r.rows).toHaveLength(3949);
    expect(r.drops).toHaveLength(615);
    const files = source.meta.paths.split('|').filter((f) => f.includes('throughput'));
    checkSource(source, r, files);
  });

  it('matches hand-checked cells and joins batch sizes', () => {
    const r = parsed();
    const v0 = rowsAt(r, 'lambda/v0_2022-07/pytorch-train-throughput-fp16.csv', 1).find(
      (x) => x.model === 'ssd',
    );
    expect(v0).toMatchObject({
      hardware: 'V100 32GB',
      n_devices: 1,
      value: 224,
      unit: 'images/s',
      precision: 'AMP',
      batch_size: 192,
    });
    const v2 = rowsAt(r, 'lambda/v2/pytorch-train-throughput-v2-fp32.csv', 1).find(
      (x) => x.model === 'resnet50',
    );
    expect(v2).toMatchObject({
      hardware: 'H200 140GB SXM',
      n_devices: 8,
      value: 16643,
      precision: 'FP32',
      batch_size: null,
    });
  });

  it('drops copies and failed runs with reasons', () => {
    const r = parsed();
    expect(r.rows.some((x) => x.source_file.startsWith('lambda/v1_v2/'))).toBe(false);
    expect(
      r.drops.find(
        (d) => d.source_file === 'lambda/v1_v2/pytorch-train-throughput-fp16.csv' && d.source_row === 1,
      )?.reason,
    ).toBe('duplicate of lambda/v1/pytorch-train-throughput-fp16.csv:1');
    expect(r.drops.filter((d) => d.reason.startsWith('not run'))).toHaveLength(139);
  });
});
