/** What the software stack holds beyond model state: context, compute buffers, allocator slack and reservations. */
import { isGgufKind } from '../catalog/normalize.ts';
import type { PrecisionInfo } from './precision.ts';
import { DEFAULTS, isGenerative, type Workload } from './workload.ts';

export interface RuntimeMemory {
  /** Bytes each device holds besides model state (driver context, workspaces, compute buffers). */
  overheadBytes: number;
  /** Share of usable memory the runtime keeps back or never hands to the model (allocator slack, utilization cap). */
  reserve: number;
  /** The runtime family these figures follow, and how. */
  note: string;
}

/** Driver context and workspace per device by kind, orders of magnitude measured on common stacks. */
const CONTEXT_BYTES: Record<string, number> = {
  gpu: 0.6e9,
  'soc-gpu': 0.4e9,
  npu: 0.3e9,
  tpu: 0.5e9,
  cpu: 0.15e9,
  browser: 0.1e9,
};

/** llama.cpp's default micro-batch: its compute buffer holds this many tokens' logits and FFN activations. */
const LLAMA_CPP_UBATCH = 512;

/** The runtime family of a runtime class id (`llama.cpp-cuda`, `vllm`, `pytorch-compile`, …). */
export function runtimeFamily(runtime: string | undefined | null): string {
  const r = (runtime ?? '').toLowerCase();
  if (r.startsWith('llama.cpp')) return 'llama.cpp';
  if (r.startsWith('pytorch')) return 'pytorch';
  return r;
}

/**
 * Memory the runtime needs around the model. Without a runtime, GGUF precisions imply llama.cpp and the rest
 * get a framework's allocator (PyTorch-like: context plus 5% slack).
 */
export function runtimeMemory(w: Workload, p: PrecisionInfo, kind: string): RuntimeMemory {
  const context = CONTEXT_BYTES[kind] ?? 0.3e9;
  const family = runtimeFamily(w.runtime) || (isGgufKind(p.id) ? 'llama.cpp' : '');
  const m = w.model;
  switch (family) {
    case 'llama.cpp': {
      const tokens = Math.min(
        LLAMA_CPP_UBATCH,
        isGenerative(m) ? (w.promptTokens ?? DEFAULTS.promptTokens) || 1 : 1,
      );
      const buffer = tokens * ((m.vocab ?? 32000) + 2 * (m.ffn ?? 4 * (m.hidden ?? 4096))) * 4;
      return {
        overheadBytes: Math.min(context, 0.3e9) + buffer,
        reserve: 0,
        note: 'llama.cpp: context plus one compute buffer of a 512-token micro-batch (logits and FFN activations); no allocator slack',
      };
    }
    case 'vllm':
    case 'sglang':
      return {
        overheadBytes: context,
        reserve: 0.1,
        note: `${family}: context, and 10% of memory left outside its pool (gpu_memory_utilization 0.9)`,
      };
    case 'tensorrt-llm':
      return {
        overheadBytes: context,
        reserve: 0.05,
        note: 'TensorRT-LLM: context, and the part of free memory its KV pool does not take (kv_cache_free_gpu_mem_fraction 0.9)',
      };
    case 'mlx':
      return {
        overheadBytes: Math.min(context, 0.3e9),
        reserve: 0,
        note: 'MLX: Metal context; no allocator slack',
      };
    default:
      return {
        overheadBytes: context,
        reserve: 0.05,
        note: 'framework: driver context and workspace, and 5% allocator slack (PyTorch caching allocator)',
      };
  }
}
