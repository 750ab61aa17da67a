import { ScrollRegion } from './scroll-region.tsx';
import type { ModelRow } from '../../core/catalog/schema.ts';
import type { BrowserProfile } from '../../core/lab/profile.ts';
import { webFit } from '../../core/lab/web-fit.ts';
import { lengthKind } from '../../core/select/selection-request.ts';
import type { Selection } from '../../core/share/selection.ts';

const BACKEND = { webgpu: 'WebGPU', wasm: 'WASM', webnn: 'WebNN' } as const;

/** Does the selected model fit this browser, with which backend and precision, and why (or the nearest that does). */
export function WebFitPanel(props: {
  profile: BrowserProfile;
  model: ModelRow;
  models: readonly ModelRow[];
  selection: Selection;
}) {
  const { profile, model, models, selection } = props;
  const kind = lengthKind(model, 'inference');
  const fit = webFit(
    model,
    profile,
    {
      batch: selection.batch,
      ...(kind === 'llm' ? { promptTokens: selection.prompt, genTokens: selection.gen } : {}),
      ...(kind === 'seq' ? { seqLen: selection.seq } : {}),
      ...(kind === 'image' ? { imageSize: selection.image } : {}),
    },
    models,
  );
  return (
    <section className="panel lab-section" aria-labelledby="lab-fit">
      <h2 id="lab-fit">Web fit</h2>
      <p data-testid="web-fit-summary" className={fit.best ? '' : 'notice'}>
        {fit.summary}
      </p>
      <ScrollRegion label="Web fit checks">
        <table className="data-table" aria-label="Web fit checks">
          <thead>
            <tr>
              <th scope="col">Backend</th>
              <th scope="col">Precision</th>
              <th scope="col">Fits</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {fit.checks.map((c) => (
              <tr key={`${c.backend}|${c.precision}`}>
                <td>{BACKEND[c.backend]}</td>
                <td>{c.precision}</td>
                <td>{c.fits ? 'yes' : 'no'}</td>
                <td>
                  {c.tests
                    .filter((t) => c.fits || !t.ok)
                    .map((t) => `${t.name}: ${t.detail}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
