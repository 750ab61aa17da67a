import { useAppStore } from '../../state/store.ts';
import { urlForSelection } from '../../state/selection-slice.ts';

/** How many of your imported rows the table holds, and where to manage them. */
export function YoursNote() {
  const count = useAppStore((s) => s.dbYoursCount);
  const error = useAppStore((s) => s.dbYoursError);
  const selection = useAppStore((s) => s.selection);
  const navigate = useAppStore((s) => s.navigate);
  const href = urlForSelection({ ...selection, page: 'yours' }, window.location);
  const link = (
    <a
      href={href}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        navigate('yours');
      }}
    >
      Your data
    </a>
  );
  if (error)
    return (
      <p className="notice panel" role="alert" data-testid="yours-error">
        Your imported rows are not in the table. {error}
      </p>
    );
  return (
    <p className="muted" data-testid="yours-note">
      {count > 0 ? (
        <>
          <strong data-testid="yours-count">{count.toLocaleString('en-US')}</strong> of the rows are your own
          imported data (source <span className="badge badge-yours">yours</span>; SQL table <code>yours</code>
          ). Manage them on {link}.
        </>
      ) : (
        <>
          Import your own benchmark results on {link}: they appear here with the badge{' '}
          <span className="badge badge-yours">yours</span>.
        </>
      )}
    </p>
  );
}
