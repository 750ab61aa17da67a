/**
 * WebAssembly capabilities: SIMD and relaxed SIMD (by validating tiny hand-assembled modules), shared-memory
 * threads, core count and device memory. The tfjs backends come from the lab worker, so this leaves them empty.
 */
import type { WasmProbe } from '../../core/lab/types.ts';

/** Header + one type `() -> v128` + one function of that type; the body follows. */
function moduleWithBody(body: readonly number[]): Uint8Array {
  const code = [0x00, ...body, 0x0b]; // no locals, body, end
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b], // type section: func () -> v128
    ...[0x03, 0x02, 0x01, 0x00], // function section: one function of type 0
    ...[0x0a, code.length + 2, 0x01, code.length, ...code], // code section: one body
  ]);
}

/** `i32.const 0; i8x16.splat; i8x16.popcnt` — valid only with SIMD. */
export const SIMD_MODULE = moduleWithBody([0x41, 0x00, 0xfd, 0x0f, 0xfd, 0x62]);

/** `i32.const 1; i8x16.splat; i32.const 2; i8x16.splat; i8x16.relaxed_swizzle` (0xfd 0x100) — relaxed SIMD. */
export const RELAXED_SIMD_MODULE = moduleWithBody([
  0x41, 0x01, 0xfd, 0x0f, 0x41, 0x02, 0xfd, 0x0f, 0xfd, 0x80, 0x02,
]);

/** `WebAssembly.validate`, false where WebAssembly is missing or throws. */
export function validates(bytes: Uint8Array): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

/** Probe WebAssembly and threading capabilities (tfjsBackends left empty for the worker to fill). Never throws. */
export function probeWasmCaps(): WasmProbe {
  const g = globalThis as {
    crossOriginIsolated?: boolean;
    navigator?: { hardwareConcurrency?: unknown; deviceMemory?: unknown };
  };
  const sharedArrayBuffer = typeof SharedArrayBuffer !== 'undefined';
  const crossOriginIsolated = g.crossOriginIsolated === true;
  const cores = g.navigator?.hardwareConcurrency;
  const memory = g.navigator?.deviceMemory;
  return {
    simd: validates(SIMD_MODULE),
    relaxedSimd: validates(RELAXED_SIMD_MODULE),
    threads: sharedArrayBuffer && crossOriginIsolated,
    sharedArrayBuffer,
    crossOriginIsolated,
    hardwareConcurrency: typeof cores === 'number' ? cores : null,
    deviceMemoryGb: typeof memory === 'number' ? memory : null,
    tfjsBackends: [],
  };
}
