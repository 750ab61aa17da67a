import { create } from 'zustand';
import { createDbSlice, type DbSlice } from './db-slice.ts';
import { createExploreSlice, type ExploreSlice } from './explore-slice.ts';
import { createLabSlice, type LabSlice } from './lab-slice.ts';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts';

/** The whole app state: the selection (the URL's single source), Data page state, database status, the lab. */
export type AppState = SelectionSlice & ExploreSlice & DbSlice & LabSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createSelectionSlice()(...a),
  ...createExploreSlice(...a),
  ...createDbSlice(...a),
  ...createLabSlice(...a),
}));
