import { useEffect } from 'react';
import { FeatureBoundary } from '../../components/error-boundary.tsx';
import { ModelPicker } from '../../components/model-picker.tsx';
import { useRanking } from '../../components/use-ranking.ts';
import { DEFAULT_WIDTH } from '../../core/lab/calibration.ts';
import { encodeProfile } from '../../core/lab/profile-codec.ts';
import type { BrowserProfile } from '../../core/lab/profile.ts';
import { BROWSER_PLATFORMS } from '../../core/select/platforms.ts';
import { useAppStore } from '../../state/store.ts';
import { BrowserDevicesPanel } from './browser-devices-panel.tsx';
import { MeasurePanel } from './measure-panel.tsx';
import { IdentityPanel, WasmPanel, WebGpuPanel, WebNnPanel } from './probe-panels.tsx';
import { RealRunPanel } from './real-run-panel.tsx';
import { ReportPanel } from './report-panel.tsx';
import { useRunComparison } from './use-run-comparison.ts';
import { WebFitPanel } from './web-fit-panel.tsx';

/** The browser lab: probe this browser, measure it, predict for it, and check the prediction with a real run. */
export function LabPage() {
  const selection = useAppStore((s) => s.selection);
  const probe = useAppStore((s) => s.labProbe);
  const task = useAppStore((s) => s.labTask);
  const error = useAppStore((s) => s.labError);
  const own = useAppStore((s) => s.labOwnProfile);
  const run = useAppStore((s) => s.labRun);
  const probeLab = useAppStore((s) => s.probeLab);
  useEffect(() => void probeLab(), [probeLab]);
  // This browser's saved measurement fills a link that carries no profile.
  useEffect(() => {
    const s = useAppStore.getState();
    if (s.selection.lab === null && s.labOwnProfile) s.setSelection({ lab: s.labOwnProfile });
  }, []);
  const profile = selection.lab;
  const comparison = useRunComparison(run, own);
  return (
    <div className="lab">
      <p className="lead">
        What can this browser really do? The lab probes WebGPU, WebNN and WASM, measures achieved throughput
        and bandwidth, turns them into a device the predictor can rank, and checks its prediction against a
        real tfjs run.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!probe && task === 'probing' && <p className="muted">Probing this browser…</p>}
      {probe && (
        <FeatureBoundary name="Probe">
          <div className="lab-grid">
            <IdentityPanel probe={probe} />
            <WasmPanel wasm={probe.wasm} />
            <WebGpuPanel gpu={probe.webgpu} />
            <WebNnPanel nn={probe.webnn} />
          </div>
        </FeatureBoundary>
      )}
      <FeatureBoundary name="Measure">
        <MeasurePanel />
      </FeatureBoundary>
      {profile && (
        <FeatureBoundary name="Devices">
          <ProfileSection profile={profile} />
        </FeatureBoundary>
      )}
      <FeatureBoundary name="Real run">
        <RealRunPanel />
      </FeatureBoundary>
      <FeatureBoundary name="Report">
        <ReportPanel comparison={comparison.data ?? []} />
      </FeatureBoundary>
    </div>
  );
}

/**
 * The profile as devices, the selected model ranked on them, and the web fit. Only mounted with a profile,
 * so a visit that only probes never loads the prediction engine.
 */
function ProfileSection({ profile }: { profile: BrowserProfile }) {
  const selection = useAppStore((s) => s.selection);
  const own = useAppStore((s) => s.labOwnProfile);
  const run = useAppStore((s) => s.labRun);
  const setSelection = useAppStore((s) => s.setSelection);
  const r = useRanking({ ...selection, platforms: [...BROWSER_PLATFORMS] });
  const models = r.fastEngine.data?.snapshot.models ?? r.learnedEngine.data?.snapshot.models ?? [];
  return (
    <>
      <form
        className="panel lab-section"
        aria-label="Model for this browser"
        onSubmit={(e) => e.preventDefault()}
      >
        <ModelPicker models={models} value={selection.model} onPick={(model) => setSelection({ model })} />
      </form>
      <BrowserDevicesPanel
        profile={profile}
        own={own !== null && encodeProfile(own) === encodeProfile(profile)}
        model={r.model}
        ranking={r.shown}
        run={run}
        width={r.learnedEngine.data?.manifest.conformal['transfer'] ?? DEFAULT_WIDTH}
      />
      {r.model && <WebFitPanel profile={profile} model={r.model} models={models} selection={selection} />}
    </>
  );
}
