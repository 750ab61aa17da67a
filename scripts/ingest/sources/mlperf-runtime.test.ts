import { describe, expect, it } from 'vitest';
import { isGenerative } from '../../../src/core/roofline/workload.ts';
import { assembleMeasurements } from '../assemble.ts';
import { catalogIndexes } from '../catalog-index.ts';
import { buildHardware } from '../hardware/build.ts';
import { buildModels } from '../models/build.ts';
import { source as v41 } from './mlperf-v4-1.ts';
import { source as v51 } from './mlperf-v5-1.ts';
import { RAW_ROOT, rawPresent } from './testing-raw.ts';

describe.skipIf(!rawPresent('mlperf runtime class'))('MLPerf Inference rows through the ingest', () => {
  it('classes NVIDIA’s "TensorRT" LLM rows as TensorRT-LLM and its other TensorRT rows as TensorRT', () => {
    const hardware = buildHardware(RAW_ROOT).rows;
    const models = buildModels(RAW_ROOT).rows;
    const index = catalogIndexes(hardware, models);
    const byId = new Map(models.map((m) => [m.id, m]));
    const seen = { llm: new Set<string>(), other: new Set<string>() };
    for (const src of [v41, v51]) {
      const { rows } = assembleMeasurements(
        src.meta.id,
        src.parse(RAW_ROOT).rows,
        index.hardware,
        index.models,
        byId,
      );
      for (const r of rows.filter(
        (x) => /tensorrt/i.test(x.runtime ?? '') && !/llm/i.test(x.runtime ?? ''),
      )) {
        const llm = isGenerative(byId.get(r.model_id)!);
        expect(r.runtime_class, `${r.source_file}#${r.source_row} ${r.model_id}`).toBe(
          llm ? 'tensorrt-llm' : 'tensorrt',
        );
        seen[llm ? 'llm' : 'other'].add(r.model_id);
      }
    }
    expect([...seen.llm]).toEqual(expect.arrayContaining(['llama-2-70b', 'gpt-j-6b', 'llama-3.1-8b']));
    expect([...seen.other]).toEqual(expect.arrayContaining(['resnet50.tv_in1k', 'bert-large-uncased']));
  }, 60_000);
});
