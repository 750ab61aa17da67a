import { describe, expect, it } from 'vitest';
import { measurementRow, H100, LLAMA2_7B, RESNET50 } from '../roofline/fixtures.test-util.ts';
import { chooseRuntime, RuntimeEvidence } from './runtime-choice.ts';

const APPLE = { ...H100, id: 'm2', vendor: 'Apple', kind: 'soc-gpu' as const };
const rows = [
  ...Array.from({ length: 3 }, (_, i) =>
    measurementRow({
      source_row: i + 1,
      hardware_id: H100.id,
      model_id: LLAMA2_7B.id,
      runtime_class: 'vllm',
    }),
  ),
  measurementRow({
    source_row: 9,
    hardware_id: H100.id,
    model_id: LLAMA2_7B.id,
    runtime_class: 'tensorrt-llm',
  }),
  measurementRow({
    source_row: 10,
    hardware_id: H100.id,
    model_id: RESNET50.id,
    runtime_class: 'pytorch-compile',
  }),
];
const evidence = new RuntimeEvidence(
  rows,
  new Map([[H100.id, H100]]),
  new Map([
    [LLAMA2_7B.id, LLAMA2_7B],
    [RESNET50.id, RESNET50],
  ]),
);

describe('chooseRuntime', () => {
  it('keeps an explicit runtime', () => {
    expect(chooseRuntime('mlx', 'inference', APPLE, LLAMA2_7B, 'fp16', evidence).runtime).toBe('mlx');
  });

  it('resolves an explicit TensorRT for an LLM to TensorRT-LLM and says why; keeps it for other models', () => {
    const d = chooseRuntime('tensorrt', 'inference', H100, LLAMA2_7B, 'fp16', evidence);
    expect(d).toEqual({
      runtime: 'tensorrt-llm',
      why: 'TensorRT-LLM (TensorRT runs LLM generation through TensorRT-LLM)',
    });
    expect(chooseRuntime('tensorrt', 'inference', H100, RESNET50, 'fp16', evidence)).toEqual({
      runtime: 'tensorrt',
      why: 'TensorRT (chosen)',
    });
    expect(chooseRuntime('tensorrt-llm', 'inference', H100, LLAMA2_7B, 'fp16', evidence).why).toBe(
      'TensorRT-LLM (chosen)',
    );
  });

  it('takes a GGUF precision to mean llama.cpp on the device’s backend', () => {
    expect(chooseRuntime('auto', 'inference', H100, LLAMA2_7B, 'q4_k_m', evidence).runtime).toBe(
      'llama.cpp-cuda',
    );
    expect(chooseRuntime('auto', 'inference', APPLE, LLAMA2_7B, 'q4_0', evidence).runtime).toBe(
      'llama.cpp-metal',
    );
  });

  it('picks the most measured runtime for the device class, model kind and precision, and says so', () => {
    const d = chooseRuntime('auto', 'inference', H100, LLAMA2_7B, 'bf16', evidence);
    expect(d.runtime).toBe('vllm');
    expect(d.why).toMatch(/auto: most measured for llm inference at f16 on NVIDIA gpu devices, 3 rows/);
    expect(chooseRuntime('auto', 'inference', H100, RESNET50, 'fp16', evidence).runtime).toBe(
      'pytorch-compile',
    );
  });

  it('falls back to the usual stack where nothing was measured', () => {
    const d = chooseRuntime('auto', 'inference', APPLE, LLAMA2_7B, 'fp16', evidence);
    expect(d.runtime).toBe('llama.cpp-metal');
    expect(d.why).toMatch(/no measurements/);
    expect(evidence.runtimesOn(H100.id)).toEqual([
      { runtime: 'vllm', rows: 3 },
      { runtime: 'pytorch-compile', rows: 1 },
      { runtime: 'tensorrt-llm', rows: 1 },
    ]);
  });

  it('lists a device’s TensorRT rows under TensorRT-LLM when the runtimes are to run an LLM', () => {
    const trt = measurementRow({
      source_row: 11,
      hardware_id: H100.id,
      model_id: RESNET50.id,
      runtime_class: 'tensorrt',
    });
    const e = new RuntimeEvidence(
      [...rows, trt, { ...trt, source_row: 12 }],
      new Map([[H100.id, H100]]),
      new Map([
        [LLAMA2_7B.id, LLAMA2_7B],
        [RESNET50.id, RESNET50],
      ]),
    );
    expect(e.runtimesOn(H100.id)).toEqual([
      { runtime: 'vllm', rows: 3 },
      { runtime: 'tensorrt', rows: 2 },
      { runtime: 'pytorch-compile', rows: 1 },
      { runtime: 'tensorrt-llm', rows: 1 },
    ]);
    expect(e.runtimesOn(H100.id, true)).toEqual([
      { runtime: 'tensorrt-llm', rows: 3 },
      { runtime: 'vllm', rows: 3 },
      { runtime: 'pytorch-compile', rows: 1 },
    ]);
  });
});
