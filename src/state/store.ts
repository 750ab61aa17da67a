import { create } from 'zustand';
import { createDbSlice, type DbSlice } from './db-slice.ts';
import { createExploreSlice, type ExploreSlice } from './explore-slice.ts';
import { createNavSlice, type NavSlice } from './nav-slice.ts';

/** The whole app state: navigation (mirrored in the URL), Data page state, database status. */
export type AppState = NavSlice & ExploreSlice & DbSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createNavSlice(...a),
  ...createExploreSlice(...a),
  ...createDbSlice(...a),
}));
