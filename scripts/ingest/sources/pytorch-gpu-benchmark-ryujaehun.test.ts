import { describe, expect, it } from 'vitest';
import { ryujaehunFileSetting, ryujaehunFiles, source } from './pytorch-gpu-benchmark-ryujaehun.ts';
import { checkSource, parseOnce, RAW_ROOT, rawPresent, rowsAt } from './testing-raw.ts';

const parsed = parseOnce(source);
const DIR = 'pytorch-gpu-benchmark-ryujaehun';

describe('ryujaehun file names', () => {
  it('decodes both naming schemes', () => {
    expect(ryujaehunFileSetting('TITAN Xp_3_gpus__half_model_train_benchmark.csv')).toEqual({
      hardware: 'TITAN Xp',
      nGpus: 3,
      precision: 'fp16',
      mode: 'training',
      oldScript: false,
    });
    expect(ryujaehunFileSetting('GeForce RTX 2080 Ti_single_model_inference_benchmark(2).csv')).toMatchObject(
      {
        nGpus: 1,
        precision: 'fp32',
        mode: 'inference',
        oldScript: true,
      },
    );
  });
});

describe.skipIf(!rawPresent('ryujaehun'))('ryujaehun source', () => {
  it('accounts for every timed cell', () => {
    const r = parsed();
    expect(ryujaehunFiles(RAW_ROOT)).toHaveLength(124);
    expect(r.read).toBe(24 * 20 * 15 + 100 * 50 * 32 + 48);
    expect(r.rows).toHaveLength(24 * 15 + 100 * 32);
    expect(r.rows.length + r.drops.length).toBe(r.read);
    const reasons = new Set(r.drops.map((d) => d.reason));
    expect([...reasons].sort()).toEqual([
      'no model named and unit of `times` not stated',
      'repeat iteration of the same configuration (median iteration kept)',
    ]);
    checkSource(source, r, ryujaehunFiles(RAW_ROOT));
  });

  it('keeps the median iteration (hand-checked)', () => {
    const r = parsed();
    const a100 = `${DIR}/results/dgx-a100/A100-SXM4-40GB_1_gpus__half_model_inference_benchmark.csv`;
    expect(rowsAt(r, a100, 19, 'latency_ms').find((x) => x.model === 'resnet50')).toMatchObject({
      hardware: 'A100-SXM4-40GB',
      precision: 'fp16',
      value: 8.22305679321289,
      batch_size: 12,
      date: '2021-01-03',
    });
    const titanv = `${DIR}/results/TitanV/TITAN V_single_model_training_benchmark.csv`;
    expect(rowsAt(r, titanv, 12, 'latency_ms').find((x) => x.model === 'vgg16')).toMatchObject({
      mode: 'training',
      value: 72.85952568054199,
      date: null,
    });
    const four = r.rows.find((x) => x.source_file.includes('TITAN RTX_4_gpus__float_model_train'));
    expect(four).toMatchObject({ n_devices: 4, batch_size: 48 });
  });
});
