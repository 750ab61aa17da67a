import { useState } from 'react';
import { versionNotice } from '../core/share/url-codec.ts';
import { useAppStore } from '../state/store.ts';

/** Says what was wrong with the opened link (each bad field named) and when its versions differ. */
export function UrlNotice() {
  const issues = useAppStore((s) => s.urlIssues);
  const selection = useAppStore((s) => s.selection);
  const running = useAppStore((s) => s.runningVersions);
  const dismissIssues = useAppStore((s) => s.dismissUrlIssues);
  const version = versionNotice(selection, running);
  const [dismissedVersion, setDismissedVersion] = useState<string | null>(null);
  const showVersion = version !== null && version !== dismissedVersion;
  if (issues.length === 0 && !showVersion) return null;
  return (
    <div role="status" className="panel url-notice" aria-label="Link notice">
      {showVersion && <p>{version}</p>}
      {issues.length > 0 && (
        <>
          <p>Some parts of this link could not be used:</p>
          <ul>
            {issues.map((i, n) => (
              <li key={n}>
                <code>{i.field}</code>
                {i.value !== '' && <> = “{i.value}”</>}: {i.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          dismissIssues();
          setDismissedVersion(version);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
