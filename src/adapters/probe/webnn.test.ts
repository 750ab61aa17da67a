import { describe, expect, it } from 'vitest';
import fixture from './fixtures/webnn-supported.json';
import { probeWebNn, toPlain, WEBNN_CONTEXT_OPTIONS } from './webnn.ts';

/** A host-like object: values behind enumerable getters on its prototype, no own properties (WebIDL style). */
function hostLike(data: Record<string, unknown>): object {
  const proto: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data))
    Object.defineProperty(proto, key, { get: () => value, enumerable: true });
  Object.defineProperty(proto, 'method', { value: () => 1, enumerable: true });
  return Object.create(proto) as object;
}

function supportedMl(calls: unknown[]) {
  return {
    createContext: (options?: unknown) => {
      calls.push(options);
      return Promise.resolve({
        opSupportLimits: () => structuredClone(fixture.opSupportLimits),
        destroy: () => {},
      });
    },
  };
}

function notSupportedError(): Error {
  const err = new Error(
    "Failed to execute 'createContext' on 'ML': WebNN is not supported on this platform.",
  );
  err.name = 'NotSupportedError';
  return err;
}

describe('probeWebNn', () => {
  it('records every context and its opSupportLimits on a supported browser (fixture)', async () => {
    const calls: unknown[] = [];
    const probe = await probeWebNn(supportedMl(calls), true);
    expect(probe.api).toBe(true);
    expect(probe.graphBuilder).toBe(true);
    expect(probe.message).toBeNull();
    expect(calls).toEqual(WEBNN_CONTEXT_OPTIONS);
    expect(probe.contexts).toHaveLength(WEBNN_CONTEXT_OPTIONS.length);
    for (const context of probe.contexts) {
      expect(context.ok).toBe(true);
      expect(context.error).toBeNull();
      expect(context.opSupportLimits).toEqual(fixture.opSupportLimits);
    }
    const limits = probe.contexts[0]?.opSupportLimits as typeof fixture.opSupportLimits;
    expect(limits.matmul.a.rankRange).toEqual({ min: 2, max: 8 });
    expect(limits.preferredInputLayout).toBe('nchw');
    expect(probe.contexts.map((c) => c.options)).toContainEqual({ deviceType: 'npu' });
    expect(probe.contexts.map((c) => c.options)).toContainEqual({ powerPreference: 'low-power' });
    // JSON round trip: plain data only.
    expect(JSON.parse(JSON.stringify(probe))).toEqual(probe);
  });

  it('walks host objects (prototype getters) into plain data', async () => {
    const ml = {
      createContext: () =>
        Promise.resolve({
          opSupportLimits: () =>
            hostLike({
              preferredInputLayout: 'nhwc',
              matmul: hostLike({ a: { dataTypes: new Set(['float32']), rankRange: { min: 2, max: 4 } } }),
            }),
        }),
    };
    const probe = await probeWebNn(ml, true);
    const limits = probe.contexts[0]?.opSupportLimits;
    expect(limits?.preferredInputLayout).toBe('nhwc');
    expect(limits?.matmul).toEqual({ a: { dataTypes: ['float32'], rankRange: { min: 2, max: 4 } } });
    expect(limits).not.toHaveProperty('method');
  });

  it('records the exact NotSupportedError for every option (the Debian Chromium path)', async () => {
    const ml = { createContext: () => Promise.reject(notSupportedError()) };
    const probe = await probeWebNn(ml, true);
    expect(probe.api).toBe(true);
    expect(probe.contexts.every((c) => !c.ok && c.opSupportLimits === null)).toBe(true);
    expect(probe.contexts[0]?.error).toBe(
      "NotSupportedError: Failed to execute 'createContext' on 'ML': WebNN is not supported on this platform.",
    );
    expect(probe.message).toContain('NotSupportedError: ');
    expect(probe.message).toContain('rejected every option');
  });

  it('handles a createContext that throws synchronously and one that rejects with a non-Error', async () => {
    const sync = await probeWebNn(
      {
        createContext: () => {
          throw new TypeError('bad options');
        },
      },
      false,
    );
    expect(sync.contexts[0]?.error).toBe('TypeError: bad options');
    const odd = await probeWebNn(
      { createContext: () => Promise.reject(new Error('x', { cause: 1 })) },
      false,
    );
    expect(odd.contexts[0]?.error).toBe('Error: x');
  });

  it('reports a missing API without throwing', async () => {
    const probe = await probeWebNn(undefined, false);
    expect(probe).toEqual({
      api: false,
      graphBuilder: false,
      contexts: [],
      message: expect.stringContaining('navigator.ml is missing') as unknown,
    });
    expect((await probeWebNn({}, false)).api).toBe(false);
  });

  it('records a throwing opSupportLimits as an error entry', async () => {
    const ml = {
      createContext: () =>
        Promise.resolve({
          opSupportLimits: () => {
            throw new Error('gone');
          },
        }),
    };
    const probe = await probeWebNn(ml, true);
    expect(probe.contexts[0]?.ok).toBe(true);
    expect(probe.contexts[0]?.opSupportLimits).toEqual({ error: 'Error: gone' });
  });
});

describe('toPlain', () => {
  it('keeps JSON values, drops functions, guards cycles and non-finite numbers', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(toPlain(cyclic)).toEqual({ a: 1, self: '[…]' });
    expect(toPlain({ f: () => 1, n: Infinity, b: 3n, t: new Uint8Array([1, 2]) })).toEqual({
      n: 'Infinity',
      b: 3,
      t: [1, 2],
    });
  });
});
