import type { StateCreator } from 'zustand';
import { messageOf } from '../adapters/errors.ts';
import { decodeProfile, encodeProfile } from '../core/lab/profile-codec.ts';
import { backendsBySpeed, browserDevices, profileFrom, type BrowserProfile } from '../core/lab/profile.ts';
import type {
  MeasureProgress,
  MeasureReport,
  ProbeReport,
  RunBackend,
  RunReport,
} from '../core/lab/types.ts';
import type { AppState } from './store.ts';

/** What the lab is doing now. */
export type LabTask = 'idle' | 'probing' | 'measuring' | 'running';

/** Time the microbenchmarks may take in all, ms (each one is also bounded in the worker). */
const MEASURE_BUDGET_MS = 45_000;

export interface LabSlice {
  labTask: LabTask;
  labProbe: ProbeReport | null;
  labMeasure: MeasureReport | null;
  /** The profile measured in this browser this session (the link's `lab` may be someone else's). */
  labOwnProfile: BrowserProfile | null;
  labProgress: MeasureProgress | null;
  labRun: RunReport | null;
  labRunProgress: { stage: string; fraction: number } | null;
  /** Rows the last run stored locally, or why storing failed. */
  labStored: { rows: number } | { error: string } | null;
  labError: string | null;
  /** Probes this browser (once; again with `force`). Never throws: problems become data or `labError`. */
  probeLab(force?: boolean): Promise<void>;
  /** Runs the microbenchmarks in a worker; the measured profile goes into the selection (and the URL). */
  measureLab(): Promise<void>;
  /** Runs the lab models with tfjs on the fastest measured backend and stores the timings as local rows. */
  runLabModels(): Promise<void>;
  /** Cancels the measuring or the run in progress. */
  cancelLab(): void;
}

let abort: AbortController | null = null;

const STORAGE_KEY = 'rooflight.lab.v1';

interface Saved {
  profile: BrowserProfile | null;
  measure: MeasureReport | null;
  run: RunReport | null;
}

/** This browser's last measurement and run, kept in localStorage; anything unreadable is ignored. */
function loadSaved(): Saved {
  const none: Saved = { profile: null, measure: null, run: null };
  try {
    const text = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
    if (!text) return none;
    const raw = JSON.parse(text) as { profile?: unknown; measure?: unknown; run?: unknown };
    const d = typeof raw.profile === 'string' ? decodeProfile(raw.profile) : null;
    const measure = raw.measure as MeasureReport | undefined;
    const run = raw.run as RunReport | undefined;
    return {
      profile: d?.ok ? d.profile : null,
      measure: measure && Array.isArray(measure.results) ? measure : null,
      run: run && Array.isArray(run.timings) ? run : null,
    };
  } catch {
    return none;
  }
}

function save(s: AppState): void {
  try {
    const saved = {
      profile: s.labOwnProfile ? encodeProfile(s.labOwnProfile) : null,
      measure: s.labMeasure,
      run: s.labRun,
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: the lab works for this visit only.
  }
}

/** The tfjs backend for the real run: the fastest measured one tfjs can drive (WebNN is not a tfjs backend). */
export function runBackendFor(profile: BrowserProfile | null): { backend: RunBackend; reason: string } {
  const order = profile ? backendsBySpeed(profile).filter((b) => b !== 'webnn') : [];
  const first = order[0];
  if (first === 'webgpu')
    return { backend: 'webgpu', reason: 'WebGPU had the fastest measured matmul in this browser' };
  if (first === 'wasm') {
    const gpu = profile?.webgpu
      ? ' (faster than the WebGPU adapter measured here)'
      : ' (no usable WebGPU adapter)';
    return { backend: 'wasm', reason: `WASM had the fastest measured matmul${gpu}` };
  }
  return { backend: 'wasm', reason: 'no measured profile yet; WASM runs everywhere' };
}

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set, get) => {
  const saved = loadSaved();
  return {
    labTask: 'idle',
    labProbe: null,
    labMeasure: saved.measure,
    labOwnProfile: saved.profile,
    labProgress: null,
    labRun: saved.run,
    labRunProgress: null,
    labStored: null,
    labError: null,

    async probeLab(force = false) {
      const s = get();
      if (s.labTask !== 'idle' || (s.labProbe && !force)) return;
      set({ labTask: 'probing', labError: null });
      try {
        const { probeBrowser } = await import('../adapters/probe/probe.ts');
        set({ labProbe: await probeBrowser() });
      } catch (e) {
        set({ labError: `The probe could not run: ${messageOf(e)}` });
      } finally {
        set({ labTask: 'idle' });
      }
    },

    async measureLab() {
      if (get().labTask !== 'idle') return;
      if (!get().labProbe) await get().probeLab();
      const probe = get().labProbe;
      if (!probe) return;
      abort = new AbortController();
      set({ labTask: 'measuring', labError: null, labProgress: null });
      try {
        const { measureBrowser } = await import('../adapters/probe/lab-client.ts');
        const report = await measureBrowser({
          budgetMs: MEASURE_BUDGET_MS,
          onProgress: (p) => set({ labProgress: p }),
          signal: abort.signal,
        });
        const profile = profileFrom(probe, report);
        set({ labMeasure: report });
        if (profile.webgpu || profile.wasm || profile.webnn !== null) {
          get().setSelection({ lab: profile });
          // The link's canonical form (figures to 5 significant digits) is what predictions use.
          set({ labOwnProfile: get().selection.lab, labRun: null });
          save(get());
        } else
          set({ labError: 'No backend could be measured, so this browser has no profile to predict for.' });
      } catch (e) {
        set({ labError: `Measuring failed: ${messageOf(e)}` });
      } finally {
        abort = null;
        set({ labTask: 'idle', labProgress: null });
      }
    },

    async runLabModels() {
      if (get().labTask !== 'idle') return;
      if (!get().labOwnProfile) {
        set({
          labError: 'Measure this browser first: the prediction to compare with comes from its profile.',
        });
        return;
      }
      const { backend, reason } = runBackendFor(get().labOwnProfile);
      abort = new AbortController();
      set({ labTask: 'running', labError: null, labRunProgress: null, labStored: null });
      try {
        const { runLab } = await import('../adapters/real-run/run-lab.ts');
        const report = await runLab({
          backend,
          backendReason: reason,
          onProgress: (stage, fraction) => set({ labRunProgress: { stage, fraction } }),
          signal: abort.signal,
        });
        set({ labRun: report });
        save(get());
        await storeRun(report, get, set);
      } catch (e) {
        set({ labError: `The run failed: ${messageOf(e)}` });
      } finally {
        abort = null;
        set({ labTask: 'idle', labRunProgress: null });
      }
    },

    cancelLab() {
      abort?.abort();
    },
  };
};

/** Stores a run's timings as local benchmark rows (IndexedDB) and refreshes the Data page's tables. */
async function storeRun(
  report: RunReport,
  get: () => AppState,
  set: (p: Partial<AppState>) => void,
): Promise<void> {
  if (report.timings.length === 0) return;
  try {
    const [{ runRows }, store] = await Promise.all([
      import('../core/lab/local-rows.ts'),
      import('../adapters/local-store.ts'),
    ]);
    const rows = runRows(report, await store.nextLocalRow());
    const profile = get().labOwnProfile;
    await store.appendLocal(rows, profile ? browserDevices(profile) : []);
    set({ labStored: { rows: rows.length } });
    if (get().dbStatus === 'ready') await get().refreshLocal();
  } catch (e) {
    set({ labStored: { error: messageOf(e) } });
  }
}
