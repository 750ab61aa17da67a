import type { StateCreator } from 'zustand';
import {
  DEFAULT_CUSTOM,
  DEFAULT_SELECTION,
  type Constraints,
  type CustomModel,
  type MatrixView,
  type MeasurementsView,
  type Selection,
  type SelectionPage,
} from '../core/share/selection.ts';
import {
  decodeSelection,
  encodeSelection,
  type RunningVersions,
  type UrlIssue,
} from '../core/share/url-codec.ts';

/** A change to the selection; nested objects are merged (the Data page's `filters` are replaced whole). */
export type SelectionPatch = Partial<Omit<Selection, 'constraints' | 'custom' | 'data' | 'matrix'>> & {
  constraints?: Partial<Constraints>;
  custom?: Partial<CustomModel>;
  data?: Partial<MeasurementsView>;
  matrix?: Partial<MatrixView>;
};

/** How a change enters the browser history: a new entry (explicit navigation) or in place (typing). */
export type HistoryMode = 'push' | 'replace';

/** The address bar, as the slice sees it (a fake in tests). */
export interface UrlPort {
  location(): Pick<Location, 'pathname' | 'search' | 'hash'>;
  write(url: string, mode: HistoryMode): void;
}

export const browserUrl: UrlPort = {
  location: () => window.location,
  write(url, mode) {
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
  },
};

export interface SelectionSlice {
  /** The whole view state; the URL's query string is exactly encodeSelection(selection). */
  selection: Selection;
  /** Problems found in the URL by the last decode (on load or back/forward). */
  urlIssues: UrlIssue[];
  /** The snapshot and model version this app runs; recorded in links, compared with a link's. */
  runningVersions: RunningVersions;
  /** Applies a change and writes the URL (`replace` by default; `push` for explicit navigation). */
  setSelection(patch: SelectionPatch, mode?: HistoryMode): void;
  /** Goes to a page and pushes a history entry (no-op when already there). */
  navigate(page: SelectionPage): void;
  /** Adopts the current URL (on back/forward); with `canonicalize`, rewrites it in canonical form. */
  syncFromUrl(canonicalize?: boolean): void;
  dismissUrlIssues(): void;
  setRunningVersions(v: RunningVersions): void;
}

/** The URL (path + query + hash) that shows a selection. */
export function urlForSelection(
  s: Selection,
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
): string {
  const q = encodeSelection(s);
  return `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
}

/** Merges a patch and normalizes through the codec, so the selection stays valid and canonical. */
export function applyPatch(s: Selection, patch: SelectionPatch): Selection {
  const model = patch.model ?? s.model;
  const merged: Selection = {
    ...s,
    ...patch,
    model,
    constraints: { ...s.constraints, ...patch.constraints },
    data: { ...s.data, ...patch.data },
    matrix: { ...s.matrix, ...patch.matrix },
    custom: model === 'custom' ? { ...(s.custom ?? DEFAULT_CUSTOM), ...patch.custom } : null,
  };
  return decodeSelection(encodeSelection(merged)).selection;
}

/** True when a selection carries more than a page (so its link records versions). */
function hasState(s: Selection): boolean {
  return encodeSelection({ ...s, page: DEFAULT_SELECTION.page, sv: null, mv: null }) !== '';
}

export function createSelectionSlice(url: UrlPort = browserUrl): StateCreator<SelectionSlice> {
  return (set, get) => {
    const initial =
      typeof window === 'undefined' && url === browserUrl ? null : decodeSelection(url.location().search);
    const write = (selection: Selection, mode: HistoryMode) => {
      const loc = url.location();
      const next = urlForSelection(selection, loc);
      if (next !== `${loc.pathname}${loc.search}${loc.hash}`) url.write(next, mode);
    };
    return {
      selection: initial?.selection ?? { ...DEFAULT_SELECTION },
      urlIssues: initial?.issues ?? [],
      runningVersions: { snapshot: null, model: null },
      setSelection(patch, mode = 'replace') {
        let next = applyPatch(get().selection, patch);
        // Anything beyond the page is now computed by this app: record its versions (when known).
        if (Object.keys(patch).some((k) => k !== 'page')) {
          const { snapshot, model } = get().runningVersions;
          const stamp = hasState(next);
          next = { ...next, sv: stamp ? snapshot : null, mv: stamp ? model : null };
        }
        write(next, mode);
        set({ selection: next });
      },
      navigate(page) {
        if (get().selection.page === page) return;
        get().setSelection({ page }, 'push');
      },
      syncFromUrl(canonicalize = false) {
        const { selection, issues } = decodeSelection(url.location().search);
        set({ selection, urlIssues: issues });
        if (canonicalize) write(selection, 'replace');
      },
      dismissUrlIssues() {
        set({ urlIssues: [] });
      },
      setRunningVersions(runningVersions) {
        set({ runningVersions });
      },
    };
  };
}
