/// <reference types="@webgpu/types" />
/**
 * The lab worker's tfjs side: which backends initialize here (cpu, wasm, webgl, webgpu) and the tfjs wasm
 * matmul benchmark. Imported only by the lab worker (tfjs stays out of the page's bundle).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendInit, BenchmarkResult } from '../../core/lab/types.ts';
import {
  adaptiveRun,
  checkMatmulSamples,
  errorText,
  matmulGflops,
  measured,
  repStats,
  samplePositions,
  unmeasured,
  type StageFn,
} from './bench-math.ts';
import { TFJS_BACKENDS } from './protocol.ts';
import { navigatorGpu } from './webgpu.ts';
import { TFJS_WASM_PATHS } from '../tfjs-wasm-paths.ts';

setWasmPaths(TFJS_WASM_PATHS);

/**
 * `tf.setBackend(name)`, with the reason when it fails: tfjs swallows a failed initialization and only
 * logs it through console.warn, so the warnings are captured while it runs.
 */
async function trySetBackend(name: string): Promise<BackendInit> {
  if (!tf.findBackendFactory(name)) return { name, ok: false, error: 'backend not registered' };
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map((a) => (a instanceof Error ? errorText(a) : String(a))).join(' '));
  };
  try {
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    if (ok) return { name, ok: true, error: null };
    const reason = warnings.filter((w) => !/^Initialization of backend/.test(w)).map((w) => w.split('\n')[0]);
    return { name, ok: false, error: reason.join(' | ') || 'setBackend() returned false' };
  } catch (err) {
    return { name, ok: false, error: errorText(err) };
  } finally {
    console.warn = warn;
  }
}

/** Which tfjs backends initialize in this worker. */
export async function initTfjsBackends(): Promise<BackendInit[]> {
  const out: BackendInit[] = [];
  for (const name of TFJS_BACKENDS) {
    const init = await trySetBackend(name);
    if (name === 'webgpu' && !init.ok) init.error = `${await webGpuHint()}${init.error ?? ''}`;
    out.push(init);
  }
  return out;
}

/** tfjs reports a missing adapter as a null dereference; say what it means. */
async function webGpuHint(): Promise<string> {
  const gpu = navigatorGpu();
  if (!gpu) return 'no navigator.gpu in the worker; tfjs said: ';
  try {
    return (await gpu.requestAdapter())
      ? ''
      : 'no WebGPU adapter (requestAdapter() returned null); tfjs said: ';
  } catch {
    return '';
  }
}

/** tf.matMul on the tfjs wasm backend. */
export async function benchWasmMatmul(budgetMs: number, stage: StageFn): Promise<BenchmarkResult> {
  stage('starting the tfjs wasm backend', 0);
  const init = await trySetBackend('wasm');
  if (!init.ok)
    return unmeasured('wasm-matmul', 'failed', `the tfjs wasm backend did not start: ${init.error}`);
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threads = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  const ranOn = `tfjs wasm (${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'threads' : 'single thread'})`;
  let a: tf.Tensor2D | null = null;
  let b: tf.Tensor2D | null = null;
  let last: Float32Array | null = null;
  try {
    const outcome = await adaptiveRun({
      start: 128,
      // 1024³ is the size of large NN layers; at 2048³ the wasm kernel falls out of cache and runs slower.
      policy: { targetMs: 100, max: 1024, costFactor: 8 },
      budgetMs,
      now: () => performance.now(),
      onSize: (n) => stage(`${n}×${n}×${n} fp32`, Math.log2(n / 64) / 5),
      prepare: (n) => {
        a?.dispose();
        b?.dispose();
        a = tf.randomUniform([n, n], -1, 1, 'float32', 1);
        b = tf.randomUniform([n, n], -1, 1, 'float32', 2);
      },
      run: async () => {
        if (!a || !b) throw new Error('no inputs');
        const t0 = performance.now();
        const c = tf.matMul(a, b);
        const data = (await c.data()) as Float32Array;
        const ms = performance.now() - t0;
        c.dispose();
        last = data;
        return ms;
      },
    });
    const n = outcome.size;
    const [av, bv] = a && b ? [(a as tf.Tensor2D).dataSync(), (b as tf.Tensor2D).dataSync()] : [null, null];
    const result = last as Float32Array | null;
    const verified =
      av && bv && result
        ? checkMatmulSamples(av, bv, result, n, samplePositions(n), { abs: 1e-3, rel: 1e-3 })
        : null;
    return measured({
      id: 'wasm-matmul',
      stats: repStats(outcome.times),
      rate: (ms) => matmulGflops(n, ms),
      timing: 'wall-clock',
      size: `${n}×${n}×${n} fp32`,
      ranOn,
      verified,
      note: 'timed to the awaited data(), so it includes the read-back',
    });
  } finally {
    (a as tf.Tensor2D | null)?.dispose();
    (b as tf.Tensor2D | null)?.dispose();
  }
}
