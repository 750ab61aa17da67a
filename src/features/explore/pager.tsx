import { PAGE_SIZES } from '../../core/share/selection.ts';
import type { PageSize } from '../../state/explore-slice.ts';
import { useAppStore } from '../../state/store.ts';
import { count } from '../../core/format.ts';

/** Previous/next paging and page size for the measurements table. */
export function Pager({ total }: { total: number }) {
  const pageIndex = useAppStore((s) => s.selection.data.pageIndex);
  const pageSize = useAppStore((s) => s.selection.data.pageSize);
  const setPageIndex = useAppStore((s) => s.setPageIndex);
  const setPageSize = useAppStore((s) => s.setPageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={() => setPageIndex(pageIndex - 1)} disabled={pageIndex === 0}>
        ← Previous
      </button>
      <span>
        Rows {count(first)}–{count(last)} · page {pageIndex + 1} of {pages}
      </span>
      <button type="button" onClick={() => setPageIndex(pageIndex + 1)} disabled={pageIndex + 1 >= pages}>
        Next →
      </button>
      <label>
        Rows per page{' '}
        <select value={pageSize} onChange={(e) => setPageSize(Number(e.target.value) as PageSize)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
