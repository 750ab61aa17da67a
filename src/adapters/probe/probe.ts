/**
 * The whole browser probe: identity, WebGPU adapters, WebNN contexts, WebAssembly capabilities and the tfjs
 * backends that initialize (from the lab worker). Every part records its own errors; it never throws.
 */
import type { BackendInit, BrowserIdentity, ProbeReport } from '../../core/lab/types.ts';
import { errorText } from './bench-math.ts';
import { probeIdentity } from './identity.ts';
import { probeTfjsBackends } from './lab-client.ts';
import { TFJS_BACKENDS } from './protocol.ts';
import { probeWasmCaps } from './wasm.ts';
import { probeWebGpu } from './webgpu.ts';
import { probeWebNn } from './webnn.ts';

function fallbackIdentity(): BrowserIdentity {
  const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  return {
    browser: 'Unknown browser',
    platform: 'Unknown platform',
    mobile: false,
    architecture: null,
    userAgent: ua,
    via: 'user-agent-string',
  };
}

/** Probe this browser (the tfjs backends in a worker, the rest on the page). Never throws. */
export async function probeBrowser(): Promise<ProbeReport> {
  const at = new Date().toISOString();
  const backends: Promise<BackendInit[]> = probeTfjsBackends().catch((err: unknown) =>
    TFJS_BACKENDS.map((name) => ({ name, ok: false, error: errorText(err) })),
  );
  const [identity, webgpu, webnn] = await Promise.all([
    probeIdentity().catch(fallbackIdentity),
    probeWebGpu().catch((err: unknown) => ({
      api: false,
      adapters: [],
      message: `The WebGPU probe failed: ${errorText(err)}`,
    })),
    probeWebNn().catch((err: unknown) => ({
      api: false,
      graphBuilder: false,
      contexts: [],
      message: `The WebNN probe failed: ${errorText(err)}`,
    })),
  ]);
  return { at, identity, webgpu, webnn, wasm: { ...probeWasmCaps(), tfjsBackends: await backends } };
}
