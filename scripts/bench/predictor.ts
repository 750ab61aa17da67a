/**
 * Predictor benchmarks, in Node and in headless Chromium, each beside its floor measured in the same run:
 * - rank: one workload on every catalog device × 8 batch sizes × 4 precisions (throughput, latency, memory);
 * - bulk: 100,000 workload × device pairs (throughput), beside the network's plain Float32Array floor;
 * - training time, as recorded by `npm run train` in models/efficiency/manifest.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { loadEngineNode } from '../../src/adapters/engine-node.ts';
import { MODELS_DIR } from '../../src/adapters/snapshot-files.ts';
import { selectTfBackend } from '../../src/adapters/tfjs-backend-node.ts';
import type { Metric } from '../../src/core/catalog/schema.ts';
import { featureInputOf, observe } from '../../src/core/predict/observation.ts';
import { queryFromSpec, type QuerySpec } from '../../src/core/predict/spec.ts';
import { floorRun, readLayers } from './mlp-floor.ts';
import { summarize } from './stats.ts';
import { toArrayBuffer } from '../../src/adapters/bytes.ts';

const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128];
const PRECISIONS = ['fp32', 'fp16', 'int8', 'fp8'];
const RANK_METRICS: Metric[] = ['throughput', 'latency_ms', 'memory_mb'];

export function rankSpecs(model: string, hardware: readonly string[]): QuerySpec[] {
  return hardware.flatMap((h) =>
    BATCHES.flatMap((batch) =>
      PRECISIONS.flatMap((precision) =>
        RANK_METRICS.map((metric) => ({ model, hardware: h, metric, batch, precision })),
      ),
    ),
  );
}

/** 100k throughput specs cycling over measured models × all devices × batch sizes. */
export function bulkSpecs(models: readonly string[], hardware: readonly string[], n = 100_000): QuerySpec[] {
  const out: QuerySpec[] = [];
  for (let i = 0; out.length < n; i++)
    out.push({
      model: models[i % models.length]!,
      hardware: hardware[Math.floor(i / models.length) % hardware.length]!,
      metric: 'throughput',
      batch: BATCHES[i % BATCHES.length]!,
      precision: 'fp16',
    });
  return out;
}

function modelFiles() {
  const dir = join(MODELS_DIR, 'efficiency');
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const buf = readFileSync(join(dir, 'weights.bin'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    trainingSeconds?: number;
    backend?: string;
  };
  return {
    modelJson,
    weights: toArrayBuffer(buf),
    manifest,
  };
}

const RANK_MODELS = ['resnet50.tv_in1k', 'llama-3.1-8b'];

export async function predictorSection(
  browser: Browser,
  baseUrl: string,
  runs: number,
  log: (s: string) => void,
) {
  const tf = await selectTfBackend('wasm');
  const node = await loadEngineNode(tf);
  const hw = new Map(node.snapshot.hardware.map((h) => [h.id, h]));
  const models = new Map(node.snapshot.models.map((m) => [m.id, m]));
  const hardwareIds = node.snapshot.hardware.map((h) => h.id);
  const measuredModels = [...new Set(node.snapshot.measurements.map((m) => m.model_id))].sort().slice(0, 400);
  const files = modelFiles();
  const layers = readLayers(files.modelJson, files.weights);

  // Node: ranking and bulk, each repeated `runs` times.
  const nodeRank: Record<string, number[]> = {};
  for (const model of RANK_MODELS) {
    const queries = rankSpecs(model, hardwareIds).map((s) => queryFromSpec(s, hw, models));
    nodeRank[model] = [];
    await node.engine.predictMany(queries.slice(0, 100));
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await node.engine.predictMany(queries);
      nodeRank[model]!.push(performance.now() - t0);
    }
  }
  const bulk = bulkSpecs(measuredModels, hardwareIds);
  const bulkQueries = bulk.map((s) => queryFromSpec(s, hw, models));
  log(`predictor: Node bulk ${bulkQueries.length} pairs`);
  const nodeBulk: number[] = [];
  for (let r = 0; r < Math.min(runs, 3); r++) {
    const t0 = performance.now();
    await node.engine.predictMany(bulkQueries);
    nodeBulk.push(performance.now() - t0);
  }
  // The floor scores the same number of feature rows through the same weights (rows taken from real observations).
  const { observations } = observe(node.snapshot.measurements, hw, models);
  const x0 = node.engine.features(observations.map(featureInputOf));
  const featureCount = layers[0]!.inputs;
  const x = new Float32Array(bulk.length * featureCount);
  for (let i = 0; i < bulk.length; i++)
    x.set(
      x0.subarray((i % observations.length) * featureCount, ((i % observations.length) + 1) * featureCount),
      i * featureCount,
    );
  const nodeFloor = Array.from({ length: Math.min(runs, 3) }, () => floorRun(layers, x, bulk.length).ms);

  // Chromium: the same through the app's engine (window.__rooflightPredict), and the floor in the page.
  const page = await browser.newPage();
  // tsx keeps function names with a `__name` helper; functions sent to the page need it defined there.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(`${baseUrl}?page=sources`);
  // Time the engine on a quiet page: the Sources page's own DuckDB load shares the main thread (it put
  // 1.5–1.9 s spikes into single ranking runs).
  await page.waitForFunction(() => performance.getEntriesByName('rooflight:first-query').length > 0, null, {
    timeout: 120_000,
  });
  await page.waitForLoadState('networkidle');
  const loadMs = await page.evaluate(async () => {
    const t0 = performance.now();
    await window.__rooflightPredict!([]);
    return performance.now() - t0;
  });
  log(`predictor: browser engine loaded in ${Math.round(loadMs)} ms`);
  const browserRank: Record<string, number[]> = {};
  for (const model of RANK_MODELS) {
    const specs = rankSpecs(model, hardwareIds);
    browserRank[model] = await page.evaluate(
      async ({ specs, runs }) => {
        await window.__rooflightPredict!(specs.slice(0, 100));
        const times: number[] = [];
        for (let r = 0; r < runs; r++) {
          const t0 = performance.now();
          await window.__rooflightPredict!(specs);
          times.push(performance.now() - t0);
        }
        return times;
      },
      { specs, runs },
    );
  }
  // Bulk specs are generated in the page (100k specs would not cross the protocol cheaply).
  const browserBulk = await page.evaluate(
    async ({ models, hardware, batches, n }) => {
      const specs = [];
      for (let i = 0; specs.length < n; i++)
        specs.push({
          model: models[i % models.length]!,
          hardware: hardware[Math.floor(i / models.length) % hardware.length]!,
          metric: 'throughput' as const,
          batch: batches[i % batches.length]!,
          precision: 'fp16',
        });
      const t0 = performance.now();
      await window.__rooflightPredict!(specs);
      return performance.now() - t0;
    },
    { models: measuredModels, hardware: hardwareIds, batches: BATCHES, n: bulk.length },
  );
  // The floor in the page: the same weights over the same number of (synthetic, fixed-seed) feature rows.
  const floorSrc = floorRun.toString();
  const browserFloor = await page.evaluate(
    ({ src, layers, rows }) => {
      const run = new Function(`return (${src})`)() as typeof floorRun;
      const n = layers[0]!.inputs;
      const x = new Float32Array(rows * n);
      let seed = 1;
      for (let i = 0; i < x.length; i++) x[i] = ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
      return run(layers, x, rows).ms;
    },
    { src: floorSrc, layers, rows: bulk.length },
  );
  await page.close();

  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const nodeBulkMs = summarize(nodeBulk);
  const nodeFloorMs = summarize(nodeFloor);
  return {
    predictor: {
      rankQueries: Object.fromEntries(RANK_MODELS.map((m) => [m, rankSpecs(m, hardwareIds).length])),
      devices: hardwareIds.length,
      node: {
        rankMs: Object.fromEntries(Object.entries(nodeRank).map(([m, t]) => [m, summarize(t)])),
        bulkPairs: bulk.length,
        bulkMs: nodeBulkMs,
        floorMs: nodeFloorMs,
        bulkOverFloor: ratio(nodeBulkMs.median, nodeFloorMs.median),
        tfjsBackend: tf.getBackend(),
      },
      chromium: {
        engineLoadMs: Math.round(loadMs),
        rankMs: Object.fromEntries(Object.entries(browserRank).map(([m, t]) => [m, summarize(t)])),
        bulkMs: Math.round(browserBulk),
        floorMs: Math.round(browserFloor),
        bulkOverFloor: ratio(browserBulk, browserFloor),
      },
      trainingSeconds: files.manifest.trainingSeconds ?? null,
      trainingBackend: files.manifest.backend ?? null,
    },
  };
}
