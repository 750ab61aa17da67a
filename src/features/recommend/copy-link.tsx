import { useState } from 'react';
import { useAppStore } from '../../state/store.ts';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string; why: string };

/** Copies the page's link (stamped with this app's snapshot and model versions); a fallback shows it to copy by hand. */
export function CopyLink() {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const setSelection = useAppStore((s) => s.setSelection);
  const running = useAppStore((s) => s.runningVersions);
  const copy = async () => {
    // Record the versions that computed what is on screen (a no-op for a page-only link).
    setSelection({ sv: running.snapshot, mv: running.model });
    const url = window.location.href;
    if (!navigator.clipboard?.writeText) {
      setState({ kind: 'manual', url, why: 'This browser offers no clipboard access here' });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch (e) {
      setState({ kind: 'manual', url, why: `Copying was refused (${(e as Error).message})` });
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="muted">
        {state.kind === 'copied' && 'Link copied to the clipboard.'}
        {state.kind === 'manual' && `${state.why}; copy the link below.`}
      </span>
      {state.kind === 'manual' && (
        <input
          className="copy-url"
          readOnly
          aria-label="Link to this ranking"
          value={state.url}
          onFocus={(e) => e.target.select()}
        />
      )}
    </div>
  );
}
