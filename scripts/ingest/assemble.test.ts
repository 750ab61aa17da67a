import { describe, expect, it } from 'vitest';
import { buildNameIndex, HARDWARE_PREFIXES } from '../../src/core/catalog/resolve.ts';
import { assembleMeasurements } from './assemble.ts';
import type { RawMeasurement } from './types.ts';

const hardware = buildNameIndex(
  [
    { id: 'nvidia-rtx-3090', name: 'NVIDIA GeForce RTX 3090', aliases: 'RTX 3090|rtx3090' },
    { id: 'nvidia-a100-sxm4-40gb', name: 'NVIDIA A100 SXM4 40GB', aliases: 'A100' },
    { id: 'nvidia-a100-pcie-40gb', name: 'NVIDIA A100 PCIe 40GB', aliases: 'A100' },
  ],
  HARDWARE_PREFIXES,
);
const models = buildNameIndex([
  { id: 'resnet50', name: 'ResNet-50', aliases: 'resnet|ResNet-50 v1.5' },
  { id: 'bert-large', name: 'BERT-Large', aliases: 'bert-99' },
  { id: 'llama-2-70b', name: 'Llama 2 70B', aliases: 'llama2-70b-99' },
]);
const modelRows = new Map([
  ['resnet50', { architecture: 'cnn', modality: 'vision' }],
  ['bert-large', { architecture: 'encoder-only', modality: 'text' }],
  ['llama-2-70b', { architecture: 'decoder-only', modality: 'text' }],
]);

const base: RawMeasurement = {
  source_file: 'fixture/bench.csv',
  source_row: 1,
  hardware: 'GeForce RTX 3090',
  n_devices: 1,
  model: 'ResNet-50 v1.5',
  mode: 'inference',
  precision: 'AMP',
  batch_size: 256,
  image_size: 224,
  metric: 'throughput',
  value: 2500,
  unit: 'img/s',
};

describe('assembleMeasurements', () => {
  it('resolves names, normalizes precision and units, marks rows measured', () => {
    const out = assembleMeasurements(
      'fixture',
      [base, { ...base, source_row: 2, metric: 'latency_ms', value: 0.1, unit: 's' }],
      hardware,
      models,
      modelRows,
    );
    expect(out.drops).toEqual([]);
    expect(out.rows[0]).toMatchObject({
      source_id: 'fixture',
      source_file: 'fixture/bench.csv',
      source_row: 1,
      hardware_id: 'nvidia-rtx-3090',
      model_id: 'resnet50',
      precision: 'mixed',
      unit: 'items/s',
      value: 2500,
      provenance: 'measured',
      flags: '',
    });
    expect(out.rows[1]).toMatchObject({ metric: 'latency_ms', value: 100, unit: 'ms' });
  });

  it('classes a TensorRT runtime serving an LLM as TensorRT-LLM (an MLPerf LLM row), and only then', () => {
    // As MLPerf Inference writes NVIDIA's rows: the framework field names TensorRT, the harness is TensorRT-LLM.
    const mlperf: RawMeasurement = {
      ...base,
      source_file: 'fixture/mlperf_log_summary_parsed.csv',
      hardware: 'RTX 3090',
      precision: 'fp16',
      batch_size: null,
      image_size: null,
      scenario: 'Offline/99/closed',
      runtime: 'TensorRT 10.2.0',
    };
    const out = assembleMeasurements(
      'fixture',
      [
        { ...mlperf, source_row: 1, model: 'llama2-70b-99', metric: 'throughput', unit: 'tokens/s' },
        { ...mlperf, source_row: 2, model: 'ResNet-50 v1.5' },
        { ...mlperf, source_row: 3, model: 'bert-99' },
        { ...mlperf, source_row: 4, model: 'llama2-70b-99', runtime: 'TensorRT-LLM 0.19.0' },
        { ...mlperf, source_row: 5, model: 'llama2-70b-99', runtime: 'vLLM 0.6.5' },
      ],
      hardware,
      models,
      modelRows,
    );
    expect(out.drops).toEqual([]);
    expect(out.rows.map((r) => [r.model_id, r.runtime, r.runtime_class])).toEqual([
      ['llama-2-70b', 'TensorRT 10.2.0', 'tensorrt-llm'],
      ['resnet50', 'TensorRT 10.2.0', 'tensorrt'],
      ['bert-large', 'TensorRT 10.2.0', 'tensorrt'],
      ['llama-2-70b', 'TensorRT-LLM 0.19.0', 'tensorrt-llm'],
      ['llama-2-70b', 'vLLM 0.6.5', 'vllm'],
    ]);
  });

  it('drops each bad row with a specific reason and counts unresolved names', () => {
    const bad: RawMeasurement[] = [
      { ...base, source_row: 3, hardware: 'A100' },
      { ...base, source_row: 4, hardware: 'TPU v9' },
      { ...base, source_row: 5, model: 'mystery-net' },
      { ...base, source_row: 6, precision: 'banana' },
      { ...base, source_row: 7, unit: 'GB' },
      { ...base, source_row: 8, value: 0 },
      { ...base, source_row: 9, n_devices: 0 },
      base,
      base,
    ];
    const out = assembleMeasurements('fixture', bad, hardware, models, modelRows);
    expect(out.rows).toHaveLength(1);
    expect(out.drops.map((d) => d.reason)).toEqual([
      'ambiguous hardware "A100": nvidia-a100-pcie-40gb, nvidia-a100-sxm4-40gb',
      'unknown hardware "TPU v9"',
      'unknown model "mystery-net"',
      'unknown precision "banana"',
      'unit "GB" does not fit metric throughput',
      'non-positive value 0',
      'bad device count 0',
      'duplicate of an earlier row with the same record, metric and scenario',
    ]);
    expect(out.unresolvedHardware).toEqual(
      new Map([
        ['A100', 1],
        ['TPU v9', 1],
      ]),
    );
    expect(out.unresolvedModels).toEqual(new Map([['mystery-net', 1]]));
  });
});
