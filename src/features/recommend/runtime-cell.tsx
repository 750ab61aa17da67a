import { RUNTIME_LABELS } from '../../core/catalog/runtime.ts';
import type { RankedRow } from '../../core/select/rank.ts';
import { operatingText } from './format.ts';

/** The runtime a ranked row assumed ("vLLM", why as the cell's title), then its batch and layout. */
export function RuntimeCell({ row }: { row: RankedRow }) {
  return (
    <td title={row.runtime?.why} data-testid="row-runtime">
      {row.runtime ? RUNTIME_LABELS[row.runtime.runtime] : 'default'}
      <span className="sub">{operatingText(row)}</span>
    </td>
  );
}
