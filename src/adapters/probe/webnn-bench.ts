/**
 * The WebNN matmul benchmark: an MLGraphBuilder graph `c = matmul(a, b)` (a an input, b a constant), built
 * per size and run through the current Chromium API (createTensor + writeTensor + dispatch + readTensor), or
 * the older `compute()` where that is what the browser has. Works against any object of the API's shape.
 */
import type { BenchmarkResult } from '../../core/lab/types.ts';
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
import type {
  Ml,
  MlContext,
  MlGraph,
  MlGraphBuilderCtor,
  MlOperandDescriptor,
  MlTensor,
} from './webnn-api.ts';
import { WEBNN_CONTEXT_OPTIONS } from './webnn.ts';

function descriptor(n: number): MlOperandDescriptor {
  return { dataType: 'float32', shape: [n, n], dimensions: [n, n] };
}

function randomMatrix(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n * n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  });
}

/** One built graph and how to run it once; the output lands in `result`. */
interface Runner {
  run: () => Promise<void>;
  result: () => Float32Array;
  dispose: () => void;
  api: string;
}

async function makeRunner(context: MlContext, Builder: MlGraphBuilderCtor, n: number): Promise<Runner> {
  const builder = new Builder(context);
  const a = randomMatrix(n, 1);
  const b = randomMatrix(n, 2);
  const input = builder.input('a', descriptor(n));
  const constant = builder.constant(descriptor(n), b);
  const graph: MlGraph = await builder.build({ c: builder.matmul(input, constant) });
  const { createTensor, writeTensor, dispatch, readTensor } = context;
  if (createTensor && writeTensor && dispatch && readTensor) {
    const inT: MlTensor = await createTensor.call(context, { ...descriptor(n), writable: true });
    const outT: MlTensor = await createTensor.call(context, { ...descriptor(n), readable: true });
    let out = new Float32Array(0);
    return {
      api: 'dispatch',
      run: async () => {
        writeTensor.call(context, inT, a);
        dispatch.call(context, graph, { a: inT }, { c: outT });
        out = new Float32Array(await readTensor.call(context, outT));
      },
      result: () => out,
      dispose: () => {
        inT.destroy?.();
        outT.destroy?.();
      },
    };
  }
  const out = new Float32Array(n * n);
  const legacyContext = context.compute;
  const legacyGraph =
    typeof graph.compute === 'function' ? (graph.compute as MlContext['compute']) : undefined;
  const compute = legacyContext
    ? (i: Record<string, ArrayBufferView>, o: Record<string, ArrayBufferView>) =>
        legacyContext.call(context, graph, i, o)
    : legacyGraph
      ? (i: Record<string, ArrayBufferView>, o: Record<string, ArrayBufferView>) =>
          (
            legacyGraph as unknown as (
              i: unknown,
              o: unknown,
            ) => Promise<{ outputs?: Record<string, ArrayBufferView> }>
          ).call(graph, i, o)
      : null;
  if (!compute) throw new Error('this WebNN has neither dispatch() nor compute()');
  let result: Float32Array = out;
  return {
    api: 'compute',
    run: async () => {
      const answer = await compute({ a }, { c: out });
      const c = answer?.outputs?.c;
      result = c instanceof Float32Array ? c : out;
    },
    result: () => result,
    dispose: () => {},
  };
}

/** The first context `createContext()` gives over the probe's option list, or every error it gave. */
async function firstContext(ml: Ml): Promise<{ context: MlContext; label: string } | { errors: string[] }> {
  const errors: string[] = [];
  for (const options of WEBNN_CONTEXT_OPTIONS) {
    try {
      const context = await ml.createContext({ ...options });
      const label = Object.entries(options)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ');
      return { context, label: label || 'default options' };
    } catch (err) {
      errors.push(errorText(err));
    }
  }
  return { errors };
}

/**
 * Benchmark a WebNN matmul. `ml` and `Builder` are `navigator.ml` and `MLGraphBuilder` (undefined where
 * missing: skipped); a createContext that rejects every option gives 'failed' with the exact error.
 */
export async function benchWebNnMatmul(
  ml: Ml | undefined,
  Builder: MlGraphBuilderCtor | undefined,
  budgetMs: number,
  stage: StageFn,
): Promise<BenchmarkResult> {
  if (!ml) return unmeasured('webnn-matmul', 'skipped', 'no WebNN API (navigator.ml is missing)');
  if (!Builder)
    return unmeasured('webnn-matmul', 'skipped', 'navigator.ml exists but MLGraphBuilder does not');
  stage('createContext()', 0);
  const got = await firstContext(ml);
  if ('errors' in got) {
    const distinct = [...new Set(got.errors)];
    return unmeasured('webnn-matmul', 'failed', `createContext() rejected: ${distinct.join(' | ')}`);
  }
  const { context, label } = got;
  let runner: Runner | null = null;
  try {
    const outcome = await adaptiveRun({
      start: 128,
      policy: { targetMs: 100, max: 2048, costFactor: 8 },
      budgetMs,
      now: () => performance.now(),
      onSize: (n) => stage(`${n}×${n}×${n} fp32`, Math.log2(n / 64) / 5),
      prepare: async (n) => {
        runner?.dispose();
        runner = await makeRunner(context, Builder, n);
      },
      run: async () => {
        const r = runner as Runner | null;
        if (!r) throw new Error('no graph');
        const t0 = performance.now();
        await r.run();
        return performance.now() - t0;
      },
    });
    const n = outcome.size;
    const r = runner as Runner | null;
    const verified = r
      ? checkMatmulSamples(randomMatrix(n, 1), randomMatrix(n, 2), r.result(), n, samplePositions(n), {
          abs: 1e-2,
          rel: 1e-2,
        })
      : null;
    return measured({
      id: 'webnn-matmul',
      stats: repStats(outcome.times),
      rate: (ms) => matmulGflops(n, ms),
      timing: 'wall-clock',
      size: `${n}×${n}×${n} fp32`,
      ranOn: `WebNN (${label})`,
      verified,
      note: `timed around ${r?.api === 'compute' ? 'compute()' : 'writeTensor + dispatch + readTensor'}`,
    });
  } finally {
    (runner as Runner | null)?.dispose();
    try {
      context.destroy?.();
    } catch {
      // already gone
    }
  }
}
