import { describe, expect, it } from 'vitest';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';
import { source, TIMM_FILES, timmFileSetting } from './timm.ts';

const parsed = parseOnce(source);
const F = (f: string) => `timm/${f}`;

describe('timm file names', () => {
  it('decodes device, precision, layout and compile', () => {
    expect(timmFileSetting('benchmark-infer-amp-nhwc-pt240-cu124-rtx4090.csv')).toMatchObject({
      hardware: 'RTX 4090',
      precision: 'amp',
      runtime: 'PyTorch 2.4.0 (cu124, nhwc)',
      date: null,
    });
    expect(timmFileSetting('benchmark-infer-amp_bf16-nchw-pt291-cu130-pro6000maxq-dynamo.csv')).toMatchObject(
      {
        hardware: 'RTX PRO 6000 Blackwell Max-Q',
        precision: 'amp_bf16',
        runtime: 'PyTorch 2.9.1 (cu130, nchw, torch.compile)',
        date: '2026-01-06',
      },
    );
    expect(timmFileSetting('benchmark-train-amp-nchw-pt112-cu113-rtx3090.csv').mode).toBe('training');
  });
});

describe.skipIf(!rawPresent('timm'))('timm source', () => {
  it('reads every benchmark record', () => {
    const r = parsed();
    expect(r.read).toBe(19230);
    expect(r.drops).toHaveLength(114);
    expect(r.drops.every((d) => d.reason.startsWith('toy test_'))).toBe(true);
    expect(r.rows).toHaveLength(2 * (19230 - 114));
    checkSource(source, r, TIMM_FILES.map(F));
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    const f = F('benchmark-infer-amp-nchw-pt240-cu124-rtx3090.csv');
    const [tp] = rowsAt(r, f, 100, 'throughput');
    expect(tp).toMatchObject({
      model: 'convnext_atto_ols',
      value: 8634.04,
      batch_size: 1024,
      image_size: 224,
    });
    expect(rowsAt(r, f, 100, 'latency_ms')[0]?.value).toBe(118.591);
    const cpu = F('benchmark-infer-fp32-nchw-pt240-cpu-i9_10940x-dynamo.csv');
    expect(rowsAt(r, cpu, 380, 'throughput')[0]).toMatchObject({
      model: 'resnet50',
      hardware: 'Core i9-10940X',
      precision: 'fp32',
      value: 67.2,
      batch_size: 1,
    });
    const train = F('benchmark-train-amp-nchw-pt112-cu113-rtx3090.csv');
    expect(rowsAt(r, train, 236, 'throughput')[0]).toMatchObject({
      model: 'resnet50',
      mode: 'training',
      value: 826.06,
      batch_size: 512,
      image_size: 224,
    });
    const bf16 = F('benchmark-infer-bf16-nchw-pt291-cu130-pro6000maxq-dynamo.csv');
    expect(rowsAt(r, bf16, 428, 'latency_ms')[0]).toMatchObject({
      model: 'resnet50',
      value: 179.39,
      batch_size: 2048,
    });
  });
});
