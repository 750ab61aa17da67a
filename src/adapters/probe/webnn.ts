/**
 * The WebNN probe: whether `navigator.ml` and `MLGraphBuilder` exist, and what `createContext()` answers for
 * each power preference and (Chromium-only) device type, with each context's `opSupportLimits()`. Every
 * outcome is data; it never throws.
 */
import type { WebNnContextReport, WebNnProbe } from '../../core/lab/types.ts';
import { errorText } from './bench-math.ts';
import { graphBuilderCtor, isMl, navigatorMl, type MlContextOptions } from './webnn-api.ts';

/** The `createContext()` options the probe tries, in order. */
export const WEBNN_CONTEXT_OPTIONS: readonly MlContextOptions[] = [
  {},
  { powerPreference: 'default' },
  { powerPreference: 'high-performance' },
  { powerPreference: 'low-power' },
  { deviceType: 'cpu' },
  { deviceType: 'gpu' },
  { deviceType: 'npu' },
];

/**
 * A JSON-able copy of what a host API returned: arrays, plain values and objects walked key by key
 * (inherited enumerable keys included, functions dropped), with a depth cap and a cycle guard.
 */
export function toPlain(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return undefined;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  try {
    if (Array.isArray(value) || ArrayBuffer.isView(value))
      return Array.from(value as ArrayLike<unknown>, (v) => toPlain(v, depth + 1, seen) ?? null);
    if (value instanceof Set) return [...value].map((v: unknown) => toPlain(v, depth + 1, seen) ?? null);
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const v = toPlain((value as Record<string, unknown>)[key], depth + 1, seen);
      if (v !== undefined) out[key] = v;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function limitsOf(context: unknown): Record<string, unknown> | null {
  const fn = (context as { opSupportLimits?: unknown } | null)?.opSupportLimits;
  if (typeof fn !== 'function') return null;
  try {
    const plain = toPlain((fn as () => unknown).call(context));
    return plain && typeof plain === 'object' && !Array.isArray(plain)
      ? (plain as Record<string, unknown>)
      : null;
  } catch (err) {
    return { error: errorText(err) };
  }
}

/** The one line shown when WebNN cannot be used, or null when a context came back. */
export function webNnMessage(api: boolean, contexts: readonly WebNnContextReport[]): string | null {
  if (!api) return 'This browser has no WebNN (navigator.ml is missing); the WebNN benchmark is skipped.';
  if (contexts.some((c) => c.ok)) return null;
  const errors = [...new Set(contexts.map((c) => c.error).filter((e): e is string => e !== null))];
  return (
    `WebNN is exposed but createContext() rejected every option (${errors.join(' | ') || 'no reason given'}); ` +
    'the WebNN benchmark cannot run here.'
  );
}

/**
 * Probe WebNN. `ml` defaults to `navigator.ml` and `graphBuilder` to whether `MLGraphBuilder` exists; pass
 * fakes to test. Never throws.
 */
export async function probeWebNn(
  ml: unknown = navigatorMl(),
  graphBuilder: boolean = graphBuilderCtor() !== undefined,
): Promise<WebNnProbe> {
  if (!isMl(ml)) return { api: false, graphBuilder, contexts: [], message: webNnMessage(false, []) };
  const contexts: WebNnContextReport[] = [];
  for (const options of WEBNN_CONTEXT_OPTIONS) {
    try {
      const context = await ml.createContext({ ...options });
      const opSupportLimits = limitsOf(context);
      try {
        context.destroy?.();
      } catch {
        // a context that cannot be destroyed is still a context
      }
      contexts.push({ options: { ...options }, ok: true, error: null, opSupportLimits });
    } catch (err) {
      contexts.push({ options: { ...options }, ok: false, error: errorText(err), opSupportLimits: null });
    }
  }
  return { api: true, graphBuilder, contexts, message: webNnMessage(true, contexts) };
}
