import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createDbSlice } from './db-slice.ts';
import { createExploreSlice } from './explore-slice.ts';
import { createLabSlice } from './lab-slice.ts';
import { createSelectionSlice, type UrlPort } from './selection-slice.ts';
import type { AppState } from './store.ts';

/** The whole store over a fake address bar. */
function store(search: string) {
  const loc = { pathname: '/', search, hash: '' };
  const port: UrlPort = {
    location: () => loc,
    write(url) {
      const q = url.indexOf('?');
      loc.search = q < 0 ? '' : url.slice(q);
    },
  };
  const s = create<AppState>()((...a) => ({
    ...createSelectionSlice(port)(...a),
    ...createExploreSlice(...a),
    ...createDbSlice(...a),
    ...createLabSlice(...a),
  }));
  return { s, loc };
}

describe('explore slice: the Data page table lives in the selection and the URL', () => {
  it('filters, sort and paging write the URL; a filter or sort goes back to page 1', () => {
    const { s, loc } = store('?page=data');
    s.getState().setFilter('hardwareId', 'NVIDIA-A100-SXM4-80GB');
    s.getState().setFilter('modelSearch', '  llama 3 ');
    expect(loc.search).toBe('?v=1&page=data&q_hw=nvidia-a100-sxm4-80gb&q_model=llama%203');
    s.getState().setPageIndex(2);
    s.getState().setPageSize(100);
    expect(loc.search).toMatch(/&per_page=100$/);
    expect(s.getState().selection.data.pageIndex).toBe(0);
    s.getState().setPageIndex(4);
    expect(loc.search).toMatch(/&p=5&per_page=100$/);
    s.getState().toggleSort('value');
    expect(s.getState().selection.data).toMatchObject({
      sort: { column: 'value', direction: 'asc' },
      pageIndex: 0,
    });
    s.getState().toggleSort('value');
    expect(loc.search).toMatch(/&sort=-value&per_page=100$/);
    s.getState().setFilter('hardwareId', '');
    s.getState().clearFilters();
    expect(loc.search).toBe('?v=1&page=data&sort=-value&per_page=100');
  });

  it('starts from a link and adopts it on back/forward', () => {
    const { s, loc } = store('?page=data&q_source=timm&p=2');
    expect(s.getState().selection.data).toMatchObject({ filters: { sourceId: 'timm' }, pageIndex: 1 });
    loc.search = '?page=data&q_metric=throughput';
    s.getState().syncFromUrl();
    expect(s.getState().selection.data).toMatchObject({ filters: { metric: 'throughput' }, pageIndex: 0 });
  });
});
