import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const VITE_BIN = resolve(REPO_ROOT, 'node_modules/vite/bin/vite.js');
export const RESULTS_DIR = resolve(REPO_ROOT, 'bench-results');
/** The floor page, relative to the served root (mirrors src/bench/duckdb-floor.html). */
export const FLOOR_PAGE = 'src/bench/duckdb-floor.html';
