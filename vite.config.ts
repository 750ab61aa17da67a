import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Names this build: the snapshot it ships and when it was built. What the browser caches between visits
 * (rankings) is keyed by it, so a new build or snapshot never shows an old answer.
 */
function buildId(): string {
  const snapshot = (
    JSON.parse(readFileSync(new URL('./public/data/snapshot.json', import.meta.url), 'utf8')) as {
      snapshot: string;
    }
  ).snapshot;
  return `${snapshot}-${Date.now().toString(36)}`;
}

export default defineConfig({
  plugins: [react()],
  define: { 'import.meta.env.ROOFLIGHT_BUILD': JSON.stringify(buildId()) },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // index.html stays the app; the second entry is the DuckDB-only floor page for `npm run bench`.
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        'duckdb-floor': fileURLToPath(new URL('./src/bench/duckdb-floor.html', import.meta.url)),
        'lab-harness': fileURLToPath(new URL('./src/bench/lab-harness.html', import.meta.url)),
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
