import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { DEFAULT_SELECTION } from '../core/share/selection.ts';
import {
  createSelectionSlice,
  type HistoryMode,
  type SelectionSlice,
  type UrlPort,
} from './selection-slice.ts';

function fakeUrl(search: string) {
  const loc = { pathname: '/app/', search, hash: '' };
  const writes: [string, HistoryMode][] = [];
  const port: UrlPort = {
    location: () => loc,
    write(url, mode) {
      writes.push([url, mode]);
      const q = url.indexOf('?');
      loc.search = q < 0 ? '' : url.slice(q);
    },
  };
  const store = create<SelectionSlice>()(createSelectionSlice(port));
  return { store, loc, writes };
}

describe('selection slice', () => {
  it('starts from the URL and keeps its issues', () => {
    const { store } = fakeUrl('?v=1&page=predict&batch=8&bogus=1');
    expect(store.getState().selection).toMatchObject({ page: 'predict', batch: 8 });
    expect(store.getState().urlIssues.map((i) => i.field)).toEqual(['bogus']);
    store.getState().dismissUrlIssues();
    expect(store.getState().urlIssues).toEqual([]);
  });

  it('writes the URL on every change: replace for edits, push for navigation', () => {
    const { store, loc, writes } = fakeUrl('');
    store.getState().navigate('sources');
    expect(writes).toEqual([['/app/?page=sources', 'push']]);
    store.getState().navigate('sources');
    expect(writes).toHaveLength(1);
    store.getState().setSelection({ batch: 4, constraints: { maxPowerW: 300 } });
    expect(writes.at(-1)).toEqual(['/app/?v=1&page=sources&batch=4&max_power_w=300', 'replace']);
    expect(loc.search).toBe('?v=1&page=sources&batch=4&max_power_w=300');
    store.getState().setSelection({ batch: 1, constraints: { maxPowerW: null } });
    expect(loc.search).toBe('?page=sources');
  });

  it('carries runtime and scenario: a pasted runtime is written as its class, the defaults are omitted', () => {
    const { store, loc } = fakeUrl('?page=recommend&runtime=vLLM%200.9.1&batch=max&devices=8');
    expect(store.getState().selection).toMatchObject({ runtime: 'vllm', scenario: 'offline', devices: 8 });
    expect(store.getState().urlIssues).toEqual([]);
    store.getState().setSelection({ runtime: 'llama.cpp-cuda' });
    expect(loc.search).toBe('?v=1&runtime=llama.cpp-cuda&scenario=offline&devices=8');
    store.getState().setSelection({ runtime: 'auto', scenario: 'single-stream' });
    expect(loc.search).toBe('?v=1&devices=8');
    const bad = fakeUrl('?page=recommend&runtime=foo').store.getState();
    expect(bad.selection.runtime).toBe('auto');
    expect(bad.urlIssues.map((i) => i.field)).toEqual(['runtime']);
  });

  it('merges the matrix and Data views and canonicalizes their text', () => {
    const { store, loc } = fakeUrl('?page=matrix&matrix_columns=architecture');
    store.getState().setSelection({ matrix: { family: '  llama ' } });
    expect(store.getState().selection.matrix).toEqual({ columns: 'architecture', family: 'llama' });
    expect(loc.search).toBe('?v=1&page=matrix&matrix_columns=architecture&matrix_family=llama');
    store.getState().setSelection({ data: { pageIndex: 1 } });
    expect(store.getState().selection.data).toMatchObject({ pageIndex: 1, pageSize: 50 });
  });

  it('keeps the selection valid and custom set exactly for model=custom', () => {
    const { store } = fakeUrl('');
    store.getState().setSelection({ model: 'custom', custom: { layers: 12 } });
    expect(store.getState().selection.custom).toMatchObject({ layers: 12, hidden: 4096 });
    store.getState().setSelection({ model: 'Llama-3.1-8B', batch: 0 });
    expect(store.getState().selection).toMatchObject({ model: 'llama-3.1-8b', custom: null, batch: 1 });
  });

  it('records the running versions in links that carry state', () => {
    const { store, loc } = fakeUrl('?v=1&batch=2&sv=old');
    store.getState().setRunningVersions({ snapshot: 'snap1', model: 'm2' });
    store.getState().navigate('predict');
    expect(store.getState().selection.sv).toBe('old');
    store.getState().setSelection({ gen: 64 });
    expect(loc.search).toBe('?v=1&page=predict&batch=2&gen=64&sv=snap1&mv=m2');
  });

  it('adopts the URL on back/forward and canonicalizes on load', () => {
    const { store, loc, writes } = fakeUrl('?Batch=2&junk=%3Cscript%3E');
    store.getState().syncFromUrl(true);
    expect(loc.search).toBe('?v=1&batch=2');
    expect(writes.at(-1)?.[1]).toBe('replace');
    loc.search = '';
    store.getState().syncFromUrl();
    expect(store.getState().selection).toEqual(DEFAULT_SELECTION);
  });
});
