/**
 * The software stack as a class: one classifier turns the free text benchmark tables and people write
 * ("TensorRT 10.14, CUDA 13.1", "PyTorch 2.9.1 (cu130, nchw, torch.compile)", "llama.cpp Metal") into a
 * runtime class. The ingest, training and queries all use it.
 */

export const RUNTIME_CLASSES = [
  'pytorch',
  'pytorch-compile',
  'tensorrt',
  'tensorrt-llm',
  'vllm',
  'sglang',
  'llama.cpp-cuda',
  'llama.cpp-rocm',
  'llama.cpp-metal',
  'llama.cpp-vulkan',
  'llama.cpp-sycl',
  'llama.cpp-cpu',
  'llama.cpp-wasm',
  'llama.cpp-webgpu',
  'whisper.cpp',
  'exllama',
  'mlx',
  'mlc',
  'onnxruntime',
  'openvino',
  'tflite',
  'tensorflow',
  'jax',
  'paddle',
  'mxnet',
  'tfjs-wasm',
  'tfjs-webgpu',
  'tfjs-webgl',
  'vendor-sdk',
  'other',
] as const;
export type RuntimeClass = (typeof RUNTIME_CLASSES)[number];

/** Readable names, as the UI and CLI print them. */
export const RUNTIME_LABELS: Record<RuntimeClass, string> = {
  pytorch: 'PyTorch (eager)',
  'pytorch-compile': 'PyTorch (torch.compile)',
  tensorrt: 'TensorRT',
  'tensorrt-llm': 'TensorRT-LLM',
  vllm: 'vLLM',
  sglang: 'SGLang',
  'llama.cpp-cuda': 'llama.cpp (CUDA)',
  'llama.cpp-rocm': 'llama.cpp (ROCm/HIP)',
  'llama.cpp-metal': 'llama.cpp (Metal)',
  'llama.cpp-vulkan': 'llama.cpp (Vulkan)',
  'llama.cpp-sycl': 'llama.cpp (SYCL)',
  'llama.cpp-cpu': 'llama.cpp (CPU)',
  'llama.cpp-wasm': 'llama.cpp (WebAssembly)',
  'llama.cpp-webgpu': 'llama.cpp (WebGPU)',
  'whisper.cpp': 'whisper.cpp',
  exllama: 'ExLlama',
  mlx: 'MLX',
  mlc: 'MLC LLM',
  onnxruntime: 'ONNX Runtime',
  openvino: 'OpenVINO',
  tflite: 'TensorFlow Lite / LiteRT',
  tensorflow: 'TensorFlow',
  jax: 'JAX / XLA',
  paddle: 'PaddlePaddle',
  mxnet: 'MXNet',
  'tfjs-wasm': 'TensorFlow.js (WASM)',
  'tfjs-webgpu': 'TensorFlow.js (WebGPU)',
  'tfjs-webgl': 'TensorFlow.js (WebGL)',
  'vendor-sdk': 'vendor SDK',
  other: 'other',
};

const BROWSER = /wasm|webassembly|webgpu|webgl|chrom(e|ium)|firefox|safari|webkit|browser/;

function llamaCppBackend(r: string): RuntimeClass {
  if (/wasm|webassembly/.test(r) && !/webgpu/.test(r)) return 'llama.cpp-wasm';
  if (/webgpu/.test(r)) return 'llama.cpp-webgpu';
  if (/metal|\bmps\b|apple/.test(r)) return 'llama.cpp-metal';
  if (/vulkan/.test(r)) return 'llama.cpp-vulkan';
  if (/rocm|\bhip\b/.test(r)) return 'llama.cpp-rocm';
  if (/sycl|oneapi/.test(r)) return 'llama.cpp-sycl';
  if (/\bcpu\b|avx|neon|openblas|blas\b/.test(r) && !/cuda|cublas/.test(r)) return 'llama.cpp-cpu';
  return 'llama.cpp-cuda';
}

/** The class of a free-text runtime, or null when the text names none of the known stacks. */
function classify(text: string): RuntimeClass | null {
  const r = text.toLowerCase().trim();
  const id = RUNTIME_CLASSES.find((c) => c === r);
  if (id) return id;
  if (/tensorrt[-_ ]?llm|trt[-_ ]?llm|trtllm/.test(r)) return 'tensorrt-llm';
  if (/whisper\.?cpp/.test(r)) return 'whisper.cpp';
  if (/llama\.?cpp|\bggml\b|llama-bench|wllama/.test(r)) return llamaCppBackend(r);
  if (/\bvllm\b/.test(r)) return 'vllm';
  if (/sglang/.test(r)) return 'sglang';
  if (/exllama/.test(r)) return 'exllama';
  if (/tensorrt|\btrt\b/.test(r)) return 'tensorrt';
  if (/tfjs|tensorflow\.?js/.test(r))
    return /webgpu/.test(r) ? 'tfjs-webgpu' : /webgl/.test(r) ? 'tfjs-webgl' : 'tfjs-wasm';
  if (/\bmlc\b|mlc[-_ ]?llm|web-?llm/.test(r)) return 'mlc';
  if (/\bmlx\b/.test(r)) return 'mlx';
  if (/onnx/.test(r)) return 'onnxruntime';
  if (/openvino/.test(r)) return 'openvino';
  if (/tflite|litert|tensorflow lite/.test(r)) return 'tflite';
  if (/torch\.?compile|inductor|\bcompiled?\b/.test(r) && /torch|pytorch|\bpt\b/.test(r))
    return 'pytorch-compile';
  if (/torch|pytorch|timm|deepspeed|megatron|transformers|dgl/.test(r)) return 'pytorch';
  if (/tensorflow|\btf2?\b/.test(r)) return 'tensorflow';
  if (/\bjax\b|\bxla\b|flax/.test(r)) return 'jax';
  if (/paddle/.test(r)) return 'paddle';
  if (/mxnet/.test(r)) return 'mxnet';
  if (/sdk|imaigine|llmboost|openvino|synapse|neuron|vitis|qnn|ryzen ai/.test(r)) return 'vendor-sdk';
  if (BROWSER.test(r)) return 'tfjs-wasm';
  return null;
}

/** What a runtime runs: whether the model is a token-generating LLM (`isGenerative` in core/roofline). */
export interface RuntimeContext {
  generative?: boolean;
}

/**
 * The class a runtime serving this kind of model is: TensorRT alone does no LLM generation with a KV cache,
 * so a TensorRT stack running a generative LLM is TensorRT-LLM (as in NVIDIA's MLPerf LLM harness, whose
 * results name only "TensorRT 10.x"). Every other class stays.
 */
export function runtimeForModel(c: RuntimeClass, generative: boolean): RuntimeClass {
  return generative && c === 'tensorrt' ? 'tensorrt-llm' : c;
}

const cache = new Map<string, RuntimeClass>();

/**
 * The runtime class of a snapshot row's runtime text (memoized); `other` for empty or unknown text. With
 * `{ generative: true }` the text ran a generative LLM (see runtimeForModel).
 */
export function runtimeClassOf(text: string | null | undefined, context: RuntimeContext = {}): RuntimeClass {
  const generative = context.generative === true;
  const key = `${generative ? 'g' : '-'}|${text ?? ''}`;
  let c = cache.get(key);
  if (c === undefined) {
    c = runtimeForModel(classify(text ?? '') ?? 'other', generative);
    cache.set(key, c);
  }
  return c;
}

/** What a runtime the user gave resolved to: a class, or `auto` with the reason. */
export type RuntimeChoice = { runtime: RuntimeClass | 'auto'; note: string | null };

/**
 * Read a runtime as people paste it. A class id or its label resolves exactly; free text goes through the
 * classifier; empty or `auto` is auto; anything unrecognised falls back to auto with a note, never an error.
 */
export function parseRuntime(input: string | null | undefined): RuntimeChoice {
  const text = (input ?? '').trim();
  if (text === '' || /^auto$/i.test(text)) return { runtime: 'auto', note: null };
  const lower = text.toLowerCase();
  const exact = RUNTIME_CLASSES.find((c) => c === lower || RUNTIME_LABELS[c].toLowerCase() === lower);
  if (exact) return { runtime: exact, note: null };
  const c = classify(text);
  if (c === null || c === 'other')
    return { runtime: 'auto', note: `runtime "${text}" is not one Rooflight knows; using auto` };
  return { runtime: c, note: `runtime "${text}" read as ${RUNTIME_LABELS[c]}` };
}
