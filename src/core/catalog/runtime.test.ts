import { describe, expect, it } from 'vitest';
import { parseRuntime, RUNTIME_CLASSES, runtimeClassOf, runtimeForModel } from './runtime.ts';

describe('runtimeClassOf', () => {
  it('classes the runtimes benchmark tables write', () => {
    const cases: [string, string][] = [
      ['PyTorch 2.9.1 (cu130, nchw, torch.compile)', 'pytorch-compile'],
      ['PyTorch 2.4.0 (cu124, nhwc)', 'pytorch'],
      ['PyTorch NGC 24.10', 'pytorch'],
      ['TensorRT 10.14, CUDA 13.1', 'tensorrt'],
      ['TensorRT-LLM 0.19.0 (PyTorch backend, trtllm-bench throughput)', 'tensorrt-llm'],
      ['vLLM 0.6.5.dev964+mlperf50', 'vllm'],
      ['vLLM 0.4.3+rocm614', 'vllm'],
      ['SGLang 0.4.6', 'sglang'],
      ['llama.cpp CUDA 12.1.1', 'llama.cpp-cuda'],
      ['llama.cpp Metal', 'llama.cpp-metal'],
      ['llama.cpp Vulkan', 'llama.cpp-vulkan'],
      ['llama.cpp WebGPU / Chromium (jspi build)', 'llama.cpp-webgpu'],
      ['llama.cpp WASM CPU / Firefox (asyncify build)', 'llama.cpp-wasm'],
      ['whisper.cpp METAL (1 threads, flash-attn on, ad4e350)', 'whisper.cpp'],
      ['MLC LLM (mlc-llm 8e94910), PCIe', 'mlc'],
      ['ExLlamaV2 (9d6fdb9), PCIe', 'exllama'],
      ['TensorFlow2 21.02', 'tensorflow'],
      ['tflite vmaster', 'tflite'],
      ['tfjs wasm backend (SIMD)', 'tfjs-wasm'],
      ['ONNX Runtime 1.20 (CUDA EP)', 'onnxruntime'],
      ['OpenVINO 2024.4', 'openvino'],
      ['mlx-lm 0.21', 'mlx'],
      ['JAX 0.4.30 (XLA)', 'jax'],
    ];
    for (const [text, cls] of cases) expect(runtimeClassOf(text), text).toBe(cls);
    expect(runtimeClassOf(null)).toBe('other');
    expect(runtimeClassOf('CUDA-Optimized')).toBe('other');
  });

  it('maps every class id to itself', () => {
    for (const c of RUNTIME_CLASSES) expect(runtimeClassOf(c)).toBe(c);
  });
});

describe('runtimes serving a generative LLM', () => {
  it('class TensorRT as TensorRT-LLM (MLPerf names only TensorRT for its LLM harness), nothing else', () => {
    const llm = { generative: true };
    for (const text of ['TensorRT 10.2.0', 'TensorRT 10.11', 'TensorRT', 'trt', 'tensorrt'])
      expect(runtimeClassOf(text, llm), text).toBe('tensorrt-llm');
    expect(runtimeClassOf('TensorRT-LLM 0.19.0 (PyTorch backend, trtllm-bench throughput)', llm)).toBe(
      'tensorrt-llm',
    );
    expect(runtimeClassOf('vLLM 0.6.5', llm)).toBe('vllm');
    expect(runtimeClassOf('PyTorch 2.4.0', llm)).toBe('pytorch');
    expect(runtimeClassOf(null, llm)).toBe('other');
  });

  it('leave TensorRT as TensorRT for other models (resnet, bert) and without a model', () => {
    expect(runtimeClassOf('TensorRT 10.2.0', { generative: false })).toBe('tensorrt');
    expect(runtimeClassOf('TensorRT 10.2.0', {})).toBe('tensorrt');
    expect(runtimeClassOf('TensorRT 10.2.0')).toBe('tensorrt');
    expect(runtimeClassOf('TensorRT-LLM 0.19.0', { generative: false })).toBe('tensorrt-llm');
  });

  it('memoize per model kind: one text, two classes, in either order', () => {
    const text = 'TensorRT 10.14 (memo order check)';
    expect(runtimeClassOf(text, { generative: true })).toBe('tensorrt-llm');
    expect(runtimeClassOf(text)).toBe('tensorrt');
    expect(runtimeClassOf(text, { generative: true })).toBe('tensorrt-llm');
  });

  it('map every class through runtimeForModel: only tensorrt changes, and only for an LLM', () => {
    for (const c of RUNTIME_CLASSES) {
      expect(runtimeForModel(c, false)).toBe(c);
      expect(runtimeForModel(c, true)).toBe(c === 'tensorrt' ? 'tensorrt-llm' : c);
    }
  });
});

describe('parseRuntime', () => {
  it('resolves ids, labels and pasted text, and says what the text resolved to', () => {
    expect(parseRuntime('vllm')).toEqual({ runtime: 'vllm', note: null });
    expect(parseRuntime('TensorRT-LLM')).toEqual({ runtime: 'tensorrt-llm', note: null });
    expect(parseRuntime('PyTorch 2.9.1 (cu130, nchw, torch.compile)')).toEqual({
      runtime: 'pytorch-compile',
      note: 'runtime "PyTorch 2.9.1 (cu130, nchw, torch.compile)" read as PyTorch (torch.compile)',
    });
    expect(parseRuntime('llama.cpp Metal').runtime).toBe('llama.cpp-metal');
  });

  it('falls back to auto with a note, never an error', () => {
    expect(parseRuntime('')).toEqual({ runtime: 'auto', note: null });
    expect(parseRuntime('AUTO')).toEqual({ runtime: 'auto', note: null });
    expect(parseRuntime('my in-house engine')).toEqual({
      runtime: 'auto',
      note: 'runtime "my in-house engine" is not one Rooflight knows; using auto',
    });
  });
});
