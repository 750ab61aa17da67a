import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotRows } from '../../src/adapters/parquet-rows.ts';
import { readSnapshot, SNAPSHOT_DIR } from '../../src/adapters/snapshot-files.ts';
import { METRIC_UNITS } from '../../src/core/catalog/schema.ts';
import { isGenerative } from '../../src/core/roofline/workload.ts';

describe('the committed snapshot', () => {
  let s: SnapshotRows;
  beforeAll(async () => {
    s = await readSnapshot();
  });

  it('meets the minimum content', () => {
    expect(s.measurements.length).toBeGreaterThanOrEqual(25_000);
    expect(s.models.length).toBeGreaterThanOrEqual(1_500);
    const complete = s.hardware.filter(
      (h) => h.memory_gb && h.mem_bw_gbs && h.fp32_tflops && (h.fp16_tflops || h.bf16_tflops) && h.tdp_w,
    );
    expect(complete.length).toBeGreaterThanOrEqual(80);
    const withRows = new Set(s.measurements.map((m) => m.source_id));
    expect(withRows.size).toBeGreaterThanOrEqual(10);
  });

  it('resolves every measurement to a device, a model and a credited source, and traces it to a raw row', () => {
    const hw = new Set(s.hardware.map((h) => h.id));
    const models = new Set(s.models.map((m) => m.id));
    const sources = new Set(s.sources.map((x) => x.id));
    for (const m of s.measurements) {
      expect(hw.has(m.hardware_id), m.hardware_id).toBe(true);
      expect(models.has(m.model_id), m.model_id).toBe(true);
      expect(sources.has(m.source_id), m.source_id).toBe(true);
      expect(m.source_file.startsWith(`${m.source_id}/`), m.source_file).toBe(true);
      expect(Number.isInteger(m.source_row) && m.source_row >= 1).toBe(true);
      expect(m.provenance).toBe('measured');
      expect(m.unit).toBe(METRIC_UNITS[m.metric]);
      expect(m.value).toBeGreaterThan(0);
    }
  });

  it('classes no generative LLM’s row as plain TensorRT (TensorRT runs LLM generation through TensorRT-LLM)', () => {
    const generative = new Set(s.models.filter(isGenerative).map((m) => m.id));
    const trt = s.measurements.filter((m) => /tensorrt/i.test(m.runtime ?? ''));
    expect(trt.filter((m) => generative.has(m.model_id) && m.runtime_class === 'tensorrt')).toEqual([]);
    expect(trt.some((m) => !generative.has(m.model_id) && m.runtime_class === 'tensorrt')).toBe(true);
  });

  it('counts each source’s rows and names its license', () => {
    const counts = new Map<string, number>();
    for (const m of s.measurements) counts.set(m.source_id, (counts.get(m.source_id) ?? 0) + 1);
    for (const src of s.sources) {
      expect(src.license.length).toBeGreaterThan(0);
      if (src.kind.includes('measurements')) expect(src.row_count).toBe(counts.get(src.id) ?? 0);
    }
  });

  it('has unique ids and stays under 5 MB', () => {
    expect(new Set(s.hardware.map((h) => h.id)).size).toBe(s.hardware.length);
    expect(new Set(s.models.map((m) => m.id)).size).toBe(s.models.length);
    expect(new Set(s.sources.map((x) => x.id)).size).toBe(s.sources.length);
    const bytes = ['hardware', 'models', 'measurements', 'sources'].reduce(
      (sum, t) => sum + statSync(join(SNAPSHOT_DIR, `${t}.parquet`)).size,
      0,
    );
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });
});
