import { describe, expect, it } from 'vitest';
import { SAMPLE_RUN as report } from './fixtures.test-util.ts';
import {
  LOCAL_SOURCE,
  LOCAL_SOURCE_FILE,
  insertStatements,
  localHardwareId,
  localSource,
  runRows,
} from './local-rows.ts';

describe('runRows', () => {
  it('turns each timing into a latency and a throughput row', () => {
    const rows = runRows(report, 7);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.source_row)).toEqual([7, 8, 9, 10]);
    expect(rows[0]).toEqual({
      source_id: 'local',
      source_file: LOCAL_SOURCE_FILE,
      source_row: 7,
      hardware_id: 'this-browser-wasm',
      n_devices: 1,
      model_id: 'lab-cnn-small',
      mode: 'inference',
      scenario: null,
      precision: 'fp32',
      batch_size: 4,
      seq_len: null,
      prompt_tokens: null,
      gen_tokens: null,
      image_size: 96,
      metric: 'latency_ms',
      value: 80,
      unit: 'ms',
      runtime: 'tfjs-wasm',
      runtime_class: 'tfjs-wasm',
      date: '2026-03-04',
      provenance: 'measured',
      flags: 'local',
    });
    expect(rows[1]).toMatchObject({ metric: 'throughput', unit: 'items/s', value: 50, source_row: 8 });
    expect(rows[2]).toMatchObject({ seq_len: 128, image_size: null, value: 400, batch_size: 16 });
    expect(rows[3]?.value).toBeCloseTo(40);
  });

  it('skips timings with nothing measured and names the device per backend', () => {
    const empty = { ...report, timings: [{ ...report.timings[0]!, medianMs: Number.NaN }] };
    expect(runRows(empty, 1)).toEqual([]);
    expect(localHardwareId('webgpu')).toBe('this-browser-webgpu');
    expect(localSource(12)).toEqual({ ...LOCAL_SOURCE, row_count: 12 });
  });

  it('chunks inserts', () => {
    const rows = runRows(report, 1);
    const s = insertStatements('measurements', [{ name: 'value', type: 'DOUBLE', nullable: false }], rows, 3);
    expect(s.map((x) => x.params.length)).toEqual([3, 1]);
    expect(s[0]?.sql).toBe(
      'INSERT INTO "measurements" ("value") VALUES (CAST(? AS DOUBLE)), (CAST(? AS DOUBLE)), (CAST(? AS DOUBLE))',
    );
  });
});
