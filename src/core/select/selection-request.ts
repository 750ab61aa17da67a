/**
 * The Recommend page's selection → a RankRequest: resolve the model (catalog id or `model=custom`), keep only
 * the lengths the model uses, map the URL's constraints to the ranker's, and carry the runtime choice.
 */
import type { ModelRow } from '../catalog/schema.ts';
import { describeModel } from '../predict/describe.ts';
import type { RuntimeEvidence } from '../predict/runtime-choice.ts';
import { isGenerative, isSequenceModel, type ModelArch } from '../roofline/workload.ts';
import type { CustomModel, Selection } from '../share/selection.ts';
import type { Constraints, RankRequest, RankWorkload } from './rank.ts';
import type { HardwareRow } from '../catalog/schema.ts';

/** Which length controls a workload uses: prompt + generated tokens, a sequence length, or an image size. */
export type LengthKind = 'llm' | 'seq' | 'image';

export function lengthKind(model: ModelArch, mode: Selection['mode']): LengthKind {
  if (isGenerative(model) && mode === 'inference') return 'llm';
  if (isSequenceModel(model)) return 'seq';
  return 'image';
}

const VISION = new Set(['cnn', 'vit']);

/** A catalog-shaped row for a user-described model (params are billions in the selection). */
export function customModelRow(c: CustomModel): ModelRow {
  const vision = VISION.has(c.arch);
  const row = describeModel({
    id: 'custom',
    name: 'Custom model',
    architecture: c.arch,
    params: c.params * 1e9,
    layers: c.layers,
    hidden: c.hidden,
    heads: c.heads,
    kvHeads: c.kvHeads,
    ffn: c.ffn,
    vocab: c.vocab,
    ...(vision && c.gflops !== null ? { gflopsPerSample: c.gflops } : {}),
  });
  return !vision && c.gflops !== null ? { ...row, gflops_per_token: c.gflops } : row;
}

/** The selection's model row: the catalog entry, the custom description, or null for an unknown id. */
export function selectionModel(s: Selection, models: ReadonlyMap<string, ModelRow>): ModelRow | null {
  if (s.model === 'custom') return s.custom ? customModelRow(s.custom) : null;
  return models.get(s.model) ?? null;
}

const opt = (v: number | null): number | undefined => (v === null ? undefined : v);

/**
 * The ranking request for a selection over `hardware`. `auto` resolves per device on `evidence`. Offline
 * plans at batch 1 (what must fit); its batch and layout come from the search (see offlinePlan).
 */
export function rankRequestFor(
  s: Selection,
  model: ModelRow,
  hardware: readonly HardwareRow[],
  evidence: RuntimeEvidence | null = null,
): RankRequest {
  const batch = s.scenario === 'offline' ? 1 : s.batch;
  const workload: RankWorkload = { model, mode: s.mode, batch, nDevices: s.devices };
  const kind = lengthKind(model, s.mode);
  if (kind === 'llm') {
    workload.promptTokens = s.prompt;
    workload.genTokens = s.gen;
  } else if (kind === 'seq') workload.seqLen = s.seq;
  else workload.imageSize = s.image;
  const c = s.constraints;
  const constraints: Constraints = { platforms: s.platforms, maxDevices: Math.max(8, s.devices) };
  const put = <K extends keyof Constraints>(k: K, v: Constraints[K] | undefined) => {
    if (v !== undefined) constraints[k] = v;
  };
  put('maxLatencyMs', opt(c.maxLatencyMs));
  put('minThroughput', opt(c.minThroughput));
  put('minMemoryGb', opt(c.minMemoryGb));
  put('maxPriceUsd', opt(c.maxPriceUsd));
  put('maxCloudUsdHr', opt(c.maxCloudUsdHr));
  put('maxPowerW', opt(c.maxPowerW));
  return {
    workload,
    candidates: hardware,
    precision: s.precision,
    objective: s.objective,
    constraints,
    // $ per item on the purchase price, unless only a cloud budget is given.
    costBasis: c.maxCloudUsdHr !== null && c.maxPriceUsd === null ? 'cloud' : 'purchase',
    runtime: s.runtime,
    runtimeEvidence: evidence,
  };
}
