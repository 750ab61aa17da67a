/**
 * Starts one tfjs backend, before any tensor exists, and says exactly why when it cannot. Never falls back
 * to another backend: the caller chose this one.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { RunBackend } from '../../core/lab/types.ts';
import { messageOf } from '../errors.ts';
import { TFJS_WASM_PATHS } from '../tfjs-wasm-paths.ts';

setWasmPaths(TFJS_WASM_PATHS);

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** Why WebGPU cannot start here, or null when an adapter is there. */
async function webGpuProblem(): Promise<string | null> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return 'WebGPU is not available here (no navigator.gpu)';
  try {
    return (await gpu.requestAdapter()) ? null : 'no WebGPU adapter (requestAdapter() returned null)';
  } catch (e) {
    return `requestAdapter() failed: ${messageOf(e)}`;
  }
}

/** Sets tf to `backend` and waits until it is ready; throws with the reason when it cannot. */
export async function startBackend(backend: RunBackend): Promise<typeof tf> {
  if (backend === 'webgpu') {
    const problem = await webGpuProblem();
    if (problem) throw new Error(problem);
  }
  // tfjs logs an init failure as a warning and returns false; keep what it said.
  const said: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    said.push(args.map((a) => messageOf(a)).join(' '));
    warn(...args);
  };
  let ok: boolean;
  try {
    ok = await tf.setBackend(backend);
    if (ok) await tf.ready();
  } catch (e) {
    throw new Error(`tfjs could not start the ${backend} backend: ${messageOf(e)}`, { cause: e });
  } finally {
    console.warn = warn;
  }
  if (!ok || tf.getBackend() !== backend) {
    const why = said.find((s) => s.trim()) ?? 'no reason given';
    throw new Error(`tfjs could not start the ${backend} backend: ${why}`);
  }
  return tf;
}
