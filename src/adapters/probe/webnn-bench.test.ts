import { describe, expect, it } from 'vitest';
import type { Ml, MlGraphBuilderCtor, MlOperandDescriptor } from './webnn-api.ts';
import { benchWebNnMatmul } from './webnn-bench.ts';

interface Node {
  kind: 'input' | 'constant' | 'matmul';
  name?: string;
  shape: number[];
  data?: Float32Array;
  a?: Node;
  b?: Node;
}

function evaluate(node: Node, inputs: Record<string, Float32Array>): Float32Array {
  if (node.kind === 'input') return inputs[node.name ?? '']!;
  if (node.kind === 'constant') return node.data!;
  const a = evaluate(node.a!, inputs);
  const b = evaluate(node.b!, inputs);
  const n = node.shape[0]!;
  const c = new Float32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[i * n + j]! += a[i * n + k]! * b[k * n + j]!;
  return c;
}

/** A WebNN stand-in that really computes the matmul in JS, in the current dispatch API shape. */
class FakeBuilder {
  input(name: string, d: MlOperandDescriptor): Node {
    return { kind: 'input', name, shape: d.shape };
  }
  constant(d: MlOperandDescriptor, data: ArrayBufferView): Node {
    return { kind: 'constant', shape: d.shape, data: new Float32Array((data as Float32Array).slice()) };
  }
  matmul(a: Node, b: Node): Node {
    return { kind: 'matmul', shape: a.shape, a, b };
  }
  build(outputs: Record<string, Node>): Promise<Record<string, Node>> {
    return Promise.resolve(outputs);
  }
}

function dispatchContext() {
  const store = new Map<object, Float32Array>();
  return {
    createTensor: () => Promise.resolve({}),
    writeTensor: (t: object, data: ArrayBufferView) =>
      store.set(t, new Float32Array((data as Float32Array).slice())),
    dispatch: (
      graph: Record<string, Node>,
      inputs: Record<string, object>,
      outputs: Record<string, object>,
    ) => {
      const values = Object.fromEntries(Object.entries(inputs).map(([k, t]) => [k, store.get(t)!]));
      for (const [k, t] of Object.entries(outputs)) store.set(t, evaluate(graph[k]!, values));
    },
    readTensor: (t: object) => Promise.resolve(store.get(t)!.slice().buffer),
  };
}

const Builder = FakeBuilder as unknown as MlGraphBuilderCtor;
const noStage = (): void => {};
/** The fakes type their graph precisely; the API's MLGraph is opaque. */
const asMl = (ml: unknown): Ml => ml as Ml;

describe('benchWebNnMatmul', () => {
  it('times and verifies a graph through createTensor + dispatch + readTensor', async () => {
    const ml = asMl({ createContext: () => Promise.resolve(dispatchContext()) });
    const r = await benchWebNnMatmul(ml, Builder, 400, noStage);
    expect(r.status).toBe('ok');
    expect(r.verified).toBe(true);
    expect(r.value).toBeGreaterThan(0);
    expect(r.ranOn).toBe('WebNN (default options)');
    expect(r.note).toContain('dispatch');
  });

  it('uses the older compute() where dispatch is missing', async () => {
    const ml = asMl({
      createContext: () =>
        Promise.resolve({
          compute: (
            graph: Record<string, Node>,
            inputs: Record<string, ArrayBufferView>,
            outputs: Record<string, ArrayBufferView>,
          ) => {
            const out = evaluate(graph.c!, inputs as Record<string, Float32Array>);
            (outputs.c as Float32Array).set(out);
            return Promise.resolve({ outputs });
          },
        }),
    });
    const r = await benchWebNnMatmul(ml, Builder, 300, noStage);
    expect(r.status).toBe('ok');
    expect(r.verified).toBe(true);
    expect(r.note).toContain('compute()');
  });

  it('fails with the exact createContext error, skips without the API', async () => {
    const err = new Error(
      "Failed to execute 'createContext' on 'ML': WebNN is not supported on this platform.",
    );
    err.name = 'NotSupportedError';
    const failed = await benchWebNnMatmul(
      { createContext: () => Promise.reject(err) },
      Builder,
      100,
      noStage,
    );
    expect(failed.status).toBe('failed');
    expect(failed.note).toBe(
      "createContext() rejected: NotSupportedError: Failed to execute 'createContext' on 'ML': WebNN is not supported on this platform.",
    );
    expect((await benchWebNnMatmul(undefined, undefined, 100, noStage)).status).toBe('skipped');
    expect(
      (await benchWebNnMatmul({ createContext: () => Promise.reject(err) }, undefined, 100, noStage)).note,
    ).toContain('MLGraphBuilder');
  });
});
