import { describe, expect, it } from 'vitest';
import { runtimeClassOf } from '../catalog/runtime.ts';
import type { MeasurementRow } from '../catalog/schema.ts';
import { measurementRow } from '../roofline/fixtures.test-util.ts';
import { DISTANCE, ReferenceIndex, type Reference, type ReferenceQuery } from './references.ts';

const row = (over: Partial<MeasurementRow>) => {
  const r = measurementRow({ runtime: 'pytorch', ...over });
  return { ...r, runtime_class: runtimeClassOf(r.runtime) };
};

const ref = (
  over: Partial<MeasurementRow>,
  hwVendor = 'nvidia',
  hwKind = 'gpu',
  modelShape: string | null = null,
): Reference => ({
  row: row(over),
  modelShape,
  efficiency: 0.5,
  predictedLogEff: -1,
  hwVendor,
  hwKind,
  peakTflops: 100,
  memBwGbs: 1000,
});

const query = (over: Partial<ReferenceQuery> = {}): ReferenceQuery => ({
  modelId: 'resnet50',
  modelShape: null,
  hardwareId: 'h100',
  metric: 'throughput',
  mode: 'inference',
  precision: 'fp16',
  batch: 32,
  promptTokens: null,
  genTokens: null,
  seqLen: null,
  imageSize: null,
  runtime: 'pytorch',
  vendor: 'nvidia',
  kind: 'gpu',
  peakTflops: 100,
  memBwGbs: 1000,
  nDevices: 1,
  ...over,
});

const ids = (index: ReferenceIndex, q: ReferenceQuery, max?: number) =>
  index.find(q, max).map((f) => `${f.ref.row.hardware_id}@${f.ref.row.batch_size}`);

describe('ReferenceIndex.find', () => {
  it('keeps batches within a factor of 2 (inclusive) and drops the query device', () => {
    const index = new ReferenceIndex(
      [8, 15, 16, 32, 64, 65, 128].map((b) => ref({ batch_size: b, hardware_id: `d${b}` })),
    );
    expect(ids(index, query()).sort()).toEqual(['d16@16', 'd32@32', 'd64@64']);
    expect(ids(index, query({ hardwareId: 'd32' })).sort()).toEqual(['d16@16', 'd64@64']);
  });

  it('ranks by distance: batch gap, then vendor, then runtime class; ties keep insertion order', () => {
    const index = new ReferenceIndex([
      ref({ hardware_id: 'amd-same-batch' }, 'amd', 'gpu'),
      ref({ hardware_id: 'nv-double-batch', batch_size: 64 }),
      ref({ hardware_id: 'nv-same-batch' }),
      ref({ hardware_id: 'nv-same-batch-2' }),
      ref({ hardware_id: 'nv-tensorrt', runtime: 'TensorRT' }),
    ]);
    expect(ids(index, query())).toEqual([
      'nv-same-batch@32',
      'nv-same-batch-2@32',
      'amd-same-batch@32',
      'nv-double-batch@64',
      'nv-tensorrt@32',
    ]);
    expect(ids(index, query(), 2)).toEqual(['nv-same-batch@32', 'nv-same-batch-2@32']);
    const found = index.find(query());
    expect(found.map((f) => f.sameRuntime)).toEqual([true, true, true, true, false]);
    expect(found[4]!.distance).toBe(3);
  });

  it('prefers the device with the closest peak and bandwidth, and the same device count', () => {
    const near = { ...ref({ hardware_id: 'near' }), peakTflops: 120, memBwGbs: 1100 };
    const far = { ...ref({ hardware_id: 'far' }), peakTflops: 20, memBwGbs: 300 };
    const multi = { ...ref({ hardware_id: 'multi', n_devices: 8 }), peakTflops: 100, memBwGbs: 1000 };
    const index = new ReferenceIndex([far, multi, near]);
    const found = index.find(query());
    expect(found.map((f) => f.ref.row.hardware_id)).toEqual(['near', 'multi', 'far']);
    expect(found[0]!.distance).toBeCloseTo(Math.log(1.2) + Math.log(1.1), 12);
    expect(found[0]!.weight).toBeCloseTo(Math.exp(-2 * found[0]!.distance), 12);
    expect(found[1]!.distance).toBe(1);
  });

  it('matches lengths only when both sides state them, and precisions by class', () => {
    const index = new ReferenceIndex([
      ref({ hardware_id: 'img224', image_size: 224, precision: 'bf16' }),
      ref({ hardware_id: 'img288', image_size: 288, precision: 'mixed' }),
      ref({ hardware_id: 'fp32', precision: 'fp32' }),
    ]);
    expect(ids(index, query({ imageSize: 224 }))).toEqual(['img224@32']);
    expect(ids(index, query()).sort()).toEqual(['img224@32', 'img288@32']);
    expect(ids(index, query({ precision: 'fp32' }))).toEqual(['fp32@32']);
  });

  it('treats an unknown batch as half a doubling away, on either side', () => {
    const index = new ReferenceIndex([
      ref({ hardware_id: 'unsized', batch_size: null }),
      ref({ hardware_id: 'b1', batch_size: 1 }),
    ]);
    const found = index.find(query({ batch: null }));
    expect(found.map((f) => f.ref.row.hardware_id)).toEqual(['unsized', 'b1']);
    expect(found[0]!.weight).toBeCloseTo(found[1]!.weight, 12);
    expect(ids(index, query({ batch: 1 }))).toEqual(['b1@1', 'unsized@null']);
  });

  it("puts a reference that states no length a doubling farther than one at the query's length", () => {
    const index = new ReferenceIndex([
      ref({ hardware_id: 'unstated', prompt_tokens: null, gen_tokens: null }),
      ref({ hardware_id: 'stated', prompt_tokens: 512, gen_tokens: 128 }),
      ref({ hardware_id: 'double', prompt_tokens: 1024, gen_tokens: 128 }),
    ]);
    const found = index.find(query({ promptTokens: 512, genTokens: 128 }));
    expect(found.map((f) => f.ref.row.hardware_id)).toEqual(['stated', 'double', 'unstated']);
    // One doubling of the prompt costs what one unstated length does; two unstated lengths cost two.
    expect(found[2]!.distance - found[0]!.distance).toBeCloseTo(2 * DISTANCE.unknownLength, 12);
    expect(found[1]!.distance - found[0]!.distance).toBeCloseTo(DISTANCE.length, 12);
    // Neither side stating a length: no cost.
    expect(index.find(query())[0]!.ref.row.hardware_id).toBe('unstated');
  });

  it('answers the same shape for different devices independently (the per-shape memo is device-free)', () => {
    const index = new ReferenceIndex([
      ref({ hardware_id: 'h100' }),
      ref({ hardware_id: 'mi300x' }, 'amd', 'gpu'),
    ]);
    expect(ids(index, query({ hardwareId: 'h100' }))).toEqual(['mi300x@32']);
    expect(ids(index, query({ hardwareId: 'mi300x' }))).toEqual(['h100@32']);
    expect(ids(index, query({ hardwareId: 'b200', vendor: 'amd' }))).toEqual(['mi300x@32', 'h100@32']);
  });
});

describe('architectural twins', () => {
  const SHAPE = 'decoder-only|32|4096|32|8|14336|128256';
  const llama = (model_id: string, hardware_id: string, shape: string | null = SHAPE) =>
    ref(
      { model_id, hardware_id, metric: 'decode_tokens_s', batch_size: 1, runtime: 'llama.cpp CUDA' },
      'nvidia',
      'gpu',
      shape,
    );
  const q = (over: Partial<ReferenceQuery> = {}) =>
    query({
      modelId: 'llama-3.1-8b',
      modelShape: SHAPE,
      hardwareId: 'rtx-4090',
      metric: 'decode_tokens_s',
      batch: 1,
      runtime: 'llama.cpp CUDA',
      ...over,
    });

  it('a twin measured on the asked device is evidence, a little farther than the model itself', () => {
    const index = new ReferenceIndex([llama('llama-3-8b', 'rtx-4090'), llama('llama-3.1-8b', 'rtx-3090')]);
    const found = index.find(q());
    // Same specs here, so only the twin cost separates them.
    expect(found.map((f) => [f.ref.row.model_id, f.ref.row.hardware_id, f.twin])).toEqual([
      ['llama-3.1-8b', 'rtx-3090', false],
      ['llama-3-8b', 'rtx-4090', true],
    ]);
    expect(found[0]!.distance).toBe(0);
    expect(found[1]!.distance).toBeCloseTo(0.25);
  });

  it('the model’s own rows on the asked device stay out, and are never counted twice', () => {
    const index = new ReferenceIndex([llama('llama-3.1-8b', 'rtx-4090'), llama('llama-3.1-8b', 'rtx-3090')]);
    const found = index.find(q());
    expect(found.map((f) => f.ref.row.hardware_id)).toEqual(['rtx-3090']);
    expect(found[0]!.twin).toBe(false);
  });

  it('another shape, or a model whose shape is unknown, is no twin', () => {
    const index = new ReferenceIndex([
      llama('llama-2-7b', 'rtx-4090', 'decoder-only|32|4096|32|32|11008|32000'),
      llama('mystery', 'rtx-4090', null),
    ]);
    expect(index.find(q())).toEqual([]);
    expect(index.find(q({ modelShape: null }))).toEqual([]);
  });
});
