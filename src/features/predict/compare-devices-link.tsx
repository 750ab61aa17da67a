import type { MouseEvent } from 'react';
import { MAX_COMPARE, MIN_COMPARE } from '../../core/compare/devices.ts';
import { urlForSelection } from '../../state/selection-slice.ts';
import { useAppStore } from '../../state/store.ts';

/** "Compare these devices side by side": the same workload on the Compare page (a plain link, also in a new tab). */
export function CompareDevicesLink({ ids }: { ids: readonly string[] }) {
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  if (ids.length < MIN_COMPARE) return null;
  const hardware = ids.slice(0, MAX_COMPARE);
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    setSelection({ page: 'compare', hardware }, 'push');
  };
  return (
    <p>
      <a
        href={urlForSelection({ ...selection, page: 'compare', hardware }, window.location)}
        onClick={onClick}
        data-testid="compare-devices"
      >
        Compare{' '}
        {ids.length > MAX_COMPARE
          ? `the first ${MAX_COMPARE} of these devices`
          : `these ${hardware.length} devices`}{' '}
        side by side
      </a>
    </p>
  );
}
