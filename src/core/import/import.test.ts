import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/browser/esm/sync';
import type { MeasurementRow } from '../catalog/schema.ts';
import { BAD_ROW_COLUMNS, badRowsCsv } from './bad-rows.ts';
import { CATALOG } from './fixtures.test-util.ts';
import { importText } from './import.ts';
import { suggestMapping } from './mapping.ts';
import type { ImportOptions, ImportResult } from './types.ts';

const HEADER = 'hardware,model,precision,batch_size,metric,value,unit';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const GOOD = 'RTX 4090,resnet50,fp16,64,throughput,2900,img/s';

function ok(text: string, options: ImportOptions = {}, file = 'mine.csv'): ImportResult {
  const r = importText(text, file, CATALOG, options);
  if (r.status !== 'ok') throw new Error(`${r.status}: ${r.message}`);
  return r;
}

describe('validation', () => {
  it('keeps good rows in the snapshot schema, with units normalized', () => {
    const r = ok(csv(GOOD, 'H100,llama-3.1-8b,bf16,1,latency_ms,0.9,s'));
    expect(r.bad).toEqual([]);
    expect(r.good[0]).toMatchObject({
      hardware_id: 'nvidia-rtx-4090',
      model_id: 'resnet50.tv_in1k',
      value: 2900,
      unit: 'items/s',
      n_devices: 1,
      mode: 'inference',
    });
    expect(r.good[1]).toMatchObject({ metric: 'latency_ms', value: 900, unit: 'ms' });
  });

  it('classes each row’s runtime with its model: TensorRT serving an LLM is TensorRT-LLM', () => {
    const r = ok(
      [
        `${HEADER},runtime`,
        'H100,llama-3.1-8b,fp16,1,decode_tokens_s,80,tokens/s,TensorRT 10.2.0',
        `${GOOD},TensorRT 10.2.0`,
        'H100,llama-3.1-8b,fp16,1,decode_tokens_s,90,tokens/s,TensorRT-LLM 0.19',
      ].join('\n'),
    );
    expect(r.bad).toEqual([]);
    expect(r.good.map((g) => [g.model_id, g.runtime_class])).toEqual([
      ['llama-3.1-8b', 'tensorrt-llm'],
      ['resnet50.tv_in1k', 'tensorrt'],
      ['llama-3.1-8b', 'tensorrt-llm'],
    ]);
  });

  it('lists every bad row with its row, column and reason, and keeps the good ones', () => {
    const r = ok(
      csv(
        GOOD,
        'RTX 9999,resnet50,fp16,64,throughput,100,',
        'RTX 4090,nomodel-xyz,fp16,64,throughput,100,',
        'RTX 4090,resnet50,fp17,64,throughput,100,',
        'RTX 4090,resnet50,fp16,64,speed,100,',
        'RTX 4090,resnet50,fp16,64,throughput,NaN,',
        'RTX 4090,resnet50,fp16,64,throughput,Infinity,',
        'RTX 4090,resnet50,fp16,64,throughput,-5,',
        'RTX 4090,resnet50,fp16,64,throughput,1e308,',
        'RTX 4090,resnet50,fp16,64,throughput,abc,',
        'RTX 4090,resnet50,fp16,64,throughput,100,GB',
        'RTX 4090,resnet50,fp16,6.5,throughput,100,',
        'RTX 4090,resnet50,fp16,64,throughput,,',
        'RTX 4090,resnet50,fp16,64,throughput,900000,',
        GOOD,
      ),
    );
    expect(r.good.map((g) => g.source_row)).toEqual([1]);
    const byRow = Object.fromEntries(r.bad.map((b) => [b.row, `${b.column}: ${b.reason}`]));
    expect(byRow).toEqual({
      2: expect.stringMatching(/^hardware: unknown hardware "RTX 9999"/),
      3: expect.stringMatching(/^model: unknown model "nomodel-xyz"/),
      4: expect.stringMatching(/^precision: unknown precision "fp17"/),
      5: expect.stringMatching(/^metric: unknown metric "speed"/),
      6: 'value: "NaN" is not a finite number',
      7: 'value: "Infinity" is not a finite number',
      8: 'value: must be positive, got -5',
      9: expect.stringMatching(/^value: .*outside any plausible throughput/),
      10: 'value: "abc" is not a number',
      11: 'unit: unit "GB" does not fit throughput (its unit is items/s)',
      12: 'batch_size: batch_size: 6.5 is not a whole number',
      13: 'value: no value',
      14: expect.stringMatching(/^value: 900000 items\/s is .*× the roofline bound/),
      15: expect.stringMatching(/^value: duplicate of row 1/),
    });
    expect(r.unresolved.hardware).toEqual([expect.objectContaining({ name: 'RTX 9999', rows: [2] })]);
    expect(r.bad.every((b) => b.record?.hardware !== undefined)).toBe(true);
  });

  it('keeps a row above the roofline only when allowed, flagged', () => {
    const row = 'RTX 4090,resnet50,fp16,64,throughput,900000,';
    expect(ok(csv(row)).good).toEqual([]);
    const r = ok(csv(row), { allowAboveRoofline: true });
    expect(r.good[0]!.flags).toBe('yours;exceeds-roofline');
    expect(r.warnings[0]!.reason).toMatch(/kept, flagged/);
  });

  it('refuses times faster than the roofline and memory beyond the devices', () => {
    const r = ok(
      csv(
        'H100,llama-3.1-8b,bf16,1,latency_ms,0.001,',
        'RTX 4090,resnet50,fp16,64,memory_mb,90000,',
        'RTX 4090,resnet50,fp16,64,memory_mb,3000,',
      ),
    );
    expect(r.bad.map((b) => [b.row, b.reason.split(' (')[0]])).toEqual([
      [1, expect.stringMatching(/faster than the roofline bound/)],
      [2, '90000 MB is more memory than 1 × NVIDIA GeForce RTX 4090 hold'],
    ]);
    expect(r.good.map((g) => g.source_row)).toEqual([3]);
  });

  it('flags rows it cannot check against a roofline instead of refusing them', () => {
    const r = ok(csv('A100 80GB,llama-3.1-8b,fp8,1,decode_tokens_s,50,'));
    expect(r.good[0]!.flags).toBe('yours;no-roofline');
    expect(r.warnings[0]!.reason).toMatch(/no roofline bound/);
  });

  it('reports duplicates of rows already imported, and never changes them', () => {
    const first = ok(csv(GOOD), { batch: 'a' });
    const existing = Object.freeze(
      first.good.map((g) => Object.freeze({ ...g })),
    ) as readonly MeasurementRow[];
    const copy = structuredClone(existing);
    const r = ok(csv(GOOD, 'RTX 4090,resnet50,fp16,64,throughput,2950,'), { batch: 'b', existing });
    expect(r.bad).toEqual([
      expect.objectContaining({
        row: 1,
        reason: 'duplicate of a row already imported (yours:a, mine.csv row 1)',
      }),
    ]);
    expect(r.good.map((g) => g.value)).toEqual([2950]);
    expect(existing).toEqual(copy);
  });

  it('warns about one configuration measured twice with different values, and keeps both', () => {
    const r = ok(csv(GOOD, 'RTX 4090,resnet50,fp16,64,throughput,2950,'));
    expect(r.good).toHaveLength(2);
    expect(r.warnings[0]!.reason).toMatch(/same configuration as row 1/);
  });

  it('fills fields the file does not state from defaults; file values win', () => {
    const text = 'model,metric,value\nresnet50,throughput,2500\n';
    const missing = ok(text);
    expect(missing.needs.sort()).toEqual(['hardware', 'precision']);
    expect(missing.bad.map((b) => b.column).sort()).toEqual(['hardware', 'precision']);
    const r = ok(text, { defaults: { hardware: 'RTX 4090', precision: 'fp16', model: 'bert-base' } });
    expect(r.good[0]).toMatchObject({
      hardware_id: 'nvidia-rtx-4090',
      model_id: 'resnet50.tv_in1k',
      precision: 'fp16',
    });
  });

  it('reads dates, modes and device counts, and refuses what they cannot be', () => {
    const text =
      'hardware,model,precision,metric,value,date,mode,n_devices\nRTX 4090,resnet50,fp16,throughput,100,2025-02-30T10:00:00Z,train,2\nRTX 4090,resnet50,fp16,throughput,100,last week,sometimes,0\n';
    const r = ok(text);
    expect(r.good[0]).toMatchObject({ date: '2025-02-30', mode: 'training', n_devices: 2 });
    expect(r.bad.map((b) => b.column)).toEqual(['mode', 'n_devices', 'date']);
  });

  it('reports CSV rows it cannot split, and rows with stray cells', () => {
    const r = ok(
      csv(
        GOOD,
        'RTX 4090,resnet50,fp16,64,throughput,2900,img/s,extra',
        'RTX 4090,"resnet50,fp16,64,throughput,2000,',
      ),
    );
    expect(r.good).toHaveLength(1);
    expect(r.bad.map((b) => [b.row, b.column])).toEqual([
      [2, '(row)'],
      [3, '(row)'],
    ]);
  });

  it('does not let a column named __proto__ reach a prototype', () => {
    const r = ok(
      '__proto__,hardware,model,precision,metric,value\nx,RTX 4090,resnet50,fp16,throughput,100\n',
    );
    expect(r.good).toHaveLength(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('column mapping', () => {
  const text =
    'GPU,Network,Type,Imgs per second,Batch\nRTX 4090,resnet50,fp16,2900,64\nRTX 4090,resnet50,fp16,3000,128\n';

  it('asks for a mapping when no known format matches, with a guess', () => {
    const r = importText(text, 'odd.csv', CATALOG);
    expect(r).toMatchObject({
      status: 'needs-mapping',
      columns: ['GPU', 'Network', 'Type', 'Imgs per second', 'Batch'],
      suggested: { GPU: 'hardware', Network: 'model', Batch: 'batch_size' },
      unknown: ['Type', 'Imgs per second'],
    });
    expect(suggestMapping(['throughput', 'latency_ms', 'device']).suggested).toEqual({
      throughput: 'metric:throughput',
      latency_ms: 'metric:latency_ms',
      device: 'hardware',
    });
  });

  it('reads the table through the mapping, wide metric columns included', () => {
    const r = ok(
      text,
      {
        mapping: {
          GPU: 'hardware',
          Network: 'model',
          Type: 'precision',
          'Imgs per second': 'metric:throughput',
          Batch: 'batch_size',
        },
      },
      'odd.csv',
    );
    expect(r.format).toBe('mapped');
    expect(r.good.map((g) => [g.metric, g.value, g.batch_size])).toEqual([
      ['throughput', 2900, 64],
      ['throughput', 3000, 128],
    ]);
  });

  it('refuses a mapping that cannot work, saying why', () => {
    for (const [mapping, why] of [
      [{ GPU: 'hardware', Network: 'model', Type: 'precision' }, /map a column to value/],
      [{ GPU: 'hardware', Nope: 'model' }, /does not have/],
      [{ GPU: 'hardware', Network: 'model', 'Imgs per second': 'metric:speed' }, /unknown metric "speed"/],
      [{ GPU: 'gpu', Network: 'model', 'Imgs per second': 'metric:throughput' }, /not a field/],
      [
        { GPU: 'hardware', Network: 'hardware', 'Imgs per second': 'metric:throughput' },
        /both mapped to hardware/,
      ],
    ] as const) {
      const r = importText(text, 'odd.csv', CATALOG, {
        mapping: mapping as ImportOptions['mapping'] & object,
      });
      expect(r).toMatchObject({ status: 'error', code: 'bad-mapping', message: expect.stringMatching(why) });
    }
  });
});

describe('badRowsCsv', () => {
  it('writes where and why, then the record, so the file can be fixed and imported again', () => {
    const r = ok(csv(GOOD, 'RTX 9999,resnet50,fp16,64,throughput,"1,500",'));
    const out = badRowsCsv(r.bad);
    const rows = parse(out, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...BAD_ROW_COLUMNS, ...HEADER.split(',')]);
    expect(rows[0]).toMatchObject({
      bad_row: '2',
      bad_column: 'hardware',
      bad_value: 'RTX 9999',
      hardware: 'RTX 9999',
      value: '1,500',
    });
    const again = importText(out, 'fixed.csv', CATALOG, { names: { hardware: { 'RTX 9999': 'RTX 4090' } } });
    expect(again.status === 'ok' && again.good.map((g) => g.value)).toEqual([1500]);
  });
});
