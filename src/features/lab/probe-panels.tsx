import { ScrollRegion } from './scroll-region.tsx';
import type { ProbeReport, WebGpuProbe, WebNnProbe, WasmProbe } from '../../core/lab/types.ts';
import { count } from '../../core/format.ts';

const yes = (b: boolean) => (b ? 'yes' : 'no');

/** Browser identity: shown here, never sent anywhere. */
export function IdentityPanel({ probe }: { probe: ProbeReport }) {
  const id = probe.identity;
  return (
    <section className="panel lab-section" aria-labelledby="lab-identity">
      <h2 id="lab-identity">This browser</h2>
      <dl className="lab-facts">
        <dt>Browser</dt>
        <dd data-testid="lab-browser">{id.browser}</dd>
        <dt>Platform</dt>
        <dd>
          {id.platform}
          {id.architecture ? ` (${id.architecture})` : ''}
          {id.mobile ? ', mobile' : ''}
        </dd>
        <dt>Read from</dt>
        <dd>{id.via === 'user-agent-data' ? 'navigator.userAgentData' : 'the user-agent string'}</dd>
      </dl>
      <p className="muted">Identity and measurements stay in this page: nothing is uploaded.</p>
    </section>
  );
}

/** WebGPU: each adapter request, its info, features and limits, or why there is none. */
export function WebGpuPanel({ gpu }: { gpu: WebGpuProbe }) {
  const first = gpu.adapters.find((a) => a.ok);
  return (
    <section className="panel lab-section" aria-labelledby="lab-webgpu">
      <h2 id="lab-webgpu">WebGPU</h2>
      {gpu.message && (
        <p className="notice" role="status" data-testid="webgpu-message">
          {gpu.message}
        </p>
      )}
      <ScrollRegion label="WebGPU adapters">
        <table className="data-table" aria-label="WebGPU adapters">
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Adapter</th>
              <th scope="col">Kind</th>
              <th scope="col">Features</th>
            </tr>
          </thead>
          <tbody>
            {gpu.adapters.map((a) => (
              <tr key={a.request}>
                <td>{a.request}</td>
                <td>
                  {a.info
                    ? [a.info.vendor, a.info.architecture, a.info.device, a.info.description]
                        .filter(Boolean)
                        .join(' · ') || '(no adapter info)'
                    : (a.error ?? 'none')}
                </td>
                <td data-testid="adapter-kind">
                  {a.info ? (a.info.isFallbackAdapter ? 'software (fallback adapter)' : 'hardware') : '–'}
                </td>
                <td>{a.ok ? a.features.length : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {first && (
        <>
          <details>
            <summary>
              Features of the {first.request} adapter ({first.features.length})
            </summary>
            <p className="lab-list">{first.features.join(', ') || 'none'}</p>
          </details>
          <details>
            <summary>
              Limits of the {first.request} adapter ({Object.keys(first.limits).length})
            </summary>
            <table className="data-table" aria-label="WebGPU limits">
              <tbody>
                {Object.entries(first.limits).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{count(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** WebNN: the API, each context request and its exact error, and the op support limits when a context exists. */
export function WebNnPanel({ nn }: { nn: WebNnProbe }) {
  const withLimits = nn.contexts.find((c) => c.opSupportLimits);
  return (
    <section className="panel lab-section" aria-labelledby="lab-webnn">
      <h2 id="lab-webnn">WebNN</h2>
      <p>
        <code>navigator.ml</code>: {yes(nn.api)}; <code>MLGraphBuilder</code>: {yes(nn.graphBuilder)}.
      </p>
      {nn.message && (
        <p className="notice" role="status" data-testid="webnn-message">
          {nn.message}
        </p>
      )}
      {nn.contexts.length > 0 && (
        <ScrollRegion label="WebNN contexts">
          <table className="data-table" aria-label="WebNN contexts">
            <thead>
              <tr>
                <th scope="col">createContext options</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {nn.contexts.map((c) => (
                <tr key={JSON.stringify(c.options)}>
                  <td>
                    <code>{JSON.stringify(c.options)}</code>
                  </td>
                  <td data-testid="webnn-result">{c.ok ? 'context created' : c.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {withLimits?.opSupportLimits && (
        <details>
          <summary>
            opSupportLimits() of {JSON.stringify(withLimits.options)} (
            {Object.keys(withLimits.opSupportLimits).length} entries)
          </summary>
          <pre className="lab-json">{JSON.stringify(withLimits.opSupportLimits, null, 1)}</pre>
        </details>
      )}
    </section>
  );
}

/** WASM and CPU capabilities, and which tfjs backends start here. */
export function WasmPanel({ wasm }: { wasm: WasmProbe }) {
  return (
    <section className="panel lab-section" aria-labelledby="lab-wasm">
      <h2 id="lab-wasm">WASM and CPU</h2>
      <dl className="lab-facts">
        <dt>SIMD</dt>
        <dd>{yes(wasm.simd)}</dd>
        <dt>Relaxed SIMD</dt>
        <dd>{yes(wasm.relaxedSimd)}</dd>
        <dt>Threads</dt>
        <dd>
          {yes(wasm.threads)} (SharedArrayBuffer {yes(wasm.sharedArrayBuffer)}, cross-origin isolated{' '}
          {yes(wasm.crossOriginIsolated)})
        </dd>
        <dt>Logical cores</dt>
        <dd>{wasm.hardwareConcurrency ?? 'not exposed'}</dd>
        <dt>Device memory</dt>
        <dd>
          {wasm.deviceMemoryGb !== null
            ? `${wasm.deviceMemoryGb} GB (as the browser rounds it)`
            : 'not exposed'}
        </dd>
        <dt>tfjs backends</dt>
        <dd data-testid="tfjs-backends">
          {wasm.tfjsBackends.length === 0
            ? 'not checked'
            : wasm.tfjsBackends
                .map((b) => `${b.name} ${b.ok ? '✓' : `✗ (${b.error ?? 'failed'})`}`)
                .join(', ')}
        </dd>
      </dl>
    </section>
  );
}
