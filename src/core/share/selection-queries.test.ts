import { describe, expect, it } from 'vitest';
import { METRIC_UNITS, NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';
import type { Prediction, Query } from '../predict/types.ts';
import {
  A100,
  BERT_BASE,
  H100,
  LLAMA2_70B,
  LLAMA2_7B,
  RESNET50,
  V100,
} from '../roofline/fixtures.test-util.ts';
import type { ModelArch } from '../roofline/workload.ts';
import { defaultSelection, type Selection } from './selection.ts';
import {
  LLM_METRICS,
  OTHER_METRICS,
  queriesForSelection,
  selectionCases,
  selectionMetrics,
  selectionWorkload,
  selectionWorkloadKey,
  type QueryEngine,
  type SelectionCase,
} from './selection-queries.ts';

const row = (m: ModelArch): ModelRow => ({
  ...NO_KV_ARCH,
  ...m,
  name: m.id,
  aliases: '',
  source: 'test',
  notes: null,
});
const LLAMA = row(LLAMA2_7B);
const LLAMA70 = row(LLAMA2_70B);
const BERT = row(BERT_BASE);
const RESNET = row(RESNET50);

const sel = (over: Partial<Selection> = {}): Selection => ({
  ...defaultSelection(),
  batch: 4,
  seq: 256,
  prompt: 1024,
  gen: 64,
  image: 384,
  ...over,
});

/** An engine whose every answer is the workload's batch (so offline prefers the biggest batch that fits). */
function fakeEngine(): QueryEngine & { asked: Query[][] } {
  const asked: Query[][] = [];
  return {
    asked,
    evidence: null,
    predictMany(qs) {
      asked.push([...qs]);
      return Promise.resolve(
        qs.map((q): Prediction => ({
          ok: true,
          metric: q.metric,
          value: q.workload.batch,
          low: q.workload.batch * 0.8,
          high: q.workload.batch * 1.2,
          unit: METRIC_UNITS[q.metric],
          layer: 'learned',
          bound: 'memory',
          boundValue: null,
          explanation: '',
        })),
      );
    },
  };
}

const lengths = (s: Selection, m: ModelArch) => {
  const w = selectionWorkload(s, m);
  return { seqLen: w.seqLen, promptTokens: w.promptTokens, genTokens: w.genTokens, imageSize: w.imageSize };
};

describe('selectionWorkload: only the lengths the model kind uses reach the engine', () => {
  it('prompt and generated tokens for LLM inference', () => {
    expect(lengths(sel(), LLAMA)).toEqual({
      seqLen: undefined,
      promptTokens: 1024,
      genTokens: 64,
      imageSize: undefined,
    });
  });

  it('the sequence length for encoders and for LLM training', () => {
    const only = { seqLen: 256, promptTokens: undefined, genTokens: undefined, imageSize: undefined };
    expect(lengths(sel(), BERT)).toEqual(only);
    expect(lengths(sel({ mode: 'training' }), LLAMA)).toEqual(only);
  });

  it('the image size for vision models', () => {
    expect(lengths(sel(), RESNET)).toEqual({
      seqLen: undefined,
      promptTokens: undefined,
      genTokens: undefined,
      imageSize: 384,
    });
  });

  it('carries mode, batch, devices and precision; offline plans at batch 1', () => {
    const s = sel({ precision: 'fp16', devices: 2, mode: 'training' });
    expect(selectionWorkload(s, RESNET)).toMatchObject({
      model: RESNET,
      mode: 'training',
      batch: 4,
      nDevices: 2,
      precision: 'fp16',
    });
    expect(selectionWorkload({ ...s, scenario: 'offline' }, RESNET).batch).toBe(1);
  });
});

describe('selectionWorkloadKey', () => {
  it('changes with the fields the model uses, not with the others', () => {
    const s = sel();
    const key = selectionWorkloadKey(s, LLAMA);
    expect(selectionWorkloadKey({ ...s, image: 512, seq: 64 }, LLAMA)).toEqual(key);
    expect(selectionWorkloadKey({ ...s, hardware: ['x'], objective: 'latency' }, LLAMA)).toEqual({
      ...key,
      objective: 'latency',
    });
    expect(selectionWorkloadKey({ ...s, precision: 'fp16', objective: 'latency' }, LLAMA).objective).toBe(
      null,
    );
    expect(selectionWorkloadKey({ ...s, prompt: 2048 }, LLAMA)).not.toEqual(key);
    expect(selectionWorkloadKey({ ...s, image: 512 }, RESNET)).not.toEqual(selectionWorkloadKey(s, RESNET));
    expect(selectionWorkloadKey({ ...s, data: { ...s.data, pageIndex: 3 }, page: 'data' }, LLAMA)).toEqual(
      key,
    );
    expect(selectionWorkloadKey({ ...s, batch: 64, scenario: 'offline' }, LLAMA).batch).toBe(1);
  });
});

describe('selectionMetrics', () => {
  it('LLM inference answers the phases; everything else latency, throughput and memory', () => {
    expect(selectionMetrics(LLAMA, 'inference')).toBe(LLM_METRICS);
    expect(selectionMetrics(LLAMA, 'training')).toBe(OTHER_METRICS);
    expect(selectionMetrics(RESNET, 'inference')).toBe(OTHER_METRICS);
  });
});

describe('selectionCases', () => {
  it('keeps a fixed precision on every device', () => {
    const cases = selectionCases(sel({ precision: 'fp16' }), LLAMA, [H100, V100]) as SelectionCase[];
    expect(cases.map((c) => [c.hw.id, c.workload.precision])).toEqual([
      ['h100', 'fp16'],
      ['v100', 'fp16'],
    ]);
    expect(cases[0]!.choice).toEqual({ runtime: 'auto', scenario: 'single-stream' });
  });

  it('resolves `best` per device as Recommend does: fp8 on Hopper, bf16 on Ampere, fp16 on Volta', () => {
    const cases = selectionCases(sel(), BERT, [H100, A100, V100]) as SelectionCase[];
    expect(cases.map((c) => c.workload.precision)).toEqual(['fp8', 'bf16', 'fp16']);
    expect(cases.every((c) => c.workload.nDevices === 1)).toBe(true);
  });

  it('says why when no precision of `best` fits the device count', () => {
    const [one] = selectionCases(sel(), LLAMA70, [V100]);
    expect(one).toMatchObject({
      hw: V100,
      error: expect.stringMatching(/^best precision: .*fp16 needs 10 × 16 GB devices/),
    });
    const [four] = selectionCases(sel({ devices: 4 }), LLAMA70, [A100]);
    expect(four).toMatchObject({ workload: { nDevices: 4, precision: 'bf16' } });
  });
});

describe('queriesForSelection', () => {
  it('one query per metric per device, at the chosen runtime, in hardware order', async () => {
    const engine = fakeEngine();
    const planned = await queriesForSelection(sel({ runtime: 'vllm' }), LLAMA, [A100, H100], engine);
    expect(planned.map((p) => p.hw.id)).toEqual(['a100', 'h100']);
    for (const p of planned) {
      expect(p.error).toBeNull();
      expect(p.point?.scenario).toBe('single-stream');
      expect(p.queries.map((q) => q.metric)).toEqual(LLM_METRICS);
      for (const q of p.queries) {
        expect(q).toMatchObject({ hw: p.hw, model: LLAMA, runtime: 'vllm' });
        expect(q.workload).toMatchObject({ batch: 4, promptTokens: 1024, genTokens: 64, runtime: 'vllm' });
        expect(q.workload.seqLen).toBeUndefined();
        expect(q.workload.imageSize).toBeUndefined();
      }
    }
    expect(planned[1]!.queries[0]!.workload.precision).toBe('fp8');
    // Single stream needs no search: the engine was not asked.
    expect(engine.asked).toEqual([]);
  });

  it('offline searches batch and layout with the engine; a failure becomes the device error', async () => {
    const engine = fakeEngine();
    const s = sel({ scenario: 'offline', precision: 'fp16', devices: 2 });
    const planned = await queriesForSelection(s, RESNET, [H100], engine, ['throughput']);
    const p = planned[0]!;
    expect(p.point?.scenario).toBe('offline');
    expect(p.point?.batch).toBeGreaterThan(1);
    expect(p.queries).toHaveLength(1);
    expect(p.queries[0]!.workload.batch).toBe(p.point!.batch);
    expect(p.queries[0]!.workload.imageSize).toBe(384);
    expect(engine.asked.length).toBeGreaterThan(0);

    const failed = await queriesForSelection(sel(), LLAMA70, [V100], engine);
    expect(failed[0]).toMatchObject({ point: null, queries: [], error: expect.stringContaining('best') });
  });
});
