import { describe, expect, it } from 'vitest';
import { NO_KV_ARCH, type ModelRow } from '../catalog/schema.ts';
import { LLAMA2_7B, RESNET50 as RESNET_ARCH } from '../roofline/fixtures.test-util.ts';
import type { ModelArch } from '../roofline/workload.ts';
import { DEFAULT_CUSTOM, defaultSelection } from '../share/selection.ts';
import { H100P, RTX } from './fixtures.test-util.ts';
import { planRanking } from './rank.ts';
import { customModelRow, lengthKind, rankRequestFor, selectionModel } from './selection-request.ts';

const row = (m: ModelArch): ModelRow => ({
  ...NO_KV_ARCH,
  ...m,
  name: m.id,
  aliases: '',
  source: 'test',
  notes: null,
});
const LLAMA = row(LLAMA2_7B);
const RESNET = row(RESNET_ARCH);

describe('rankRequestFor', () => {
  it('keeps only the lengths the model uses and maps the constraints', () => {
    const s = defaultSelection();
    s.constraints.maxPriceUsd = 2000;
    s.platforms = ['consumer-gpu', 'datacenter-gpu'];
    const req = rankRequestFor(s, LLAMA, [H100P, RTX]);
    expect(req.workload.promptTokens).toBe(s.prompt);
    expect(req.workload.seqLen).toBeUndefined();
    expect(req.constraints?.maxPriceUsd).toBe(2000);
    expect(req.constraints?.maxLatencyMs).toBeUndefined();
    expect(req.costBasis).toBe('purchase');
    const plan = planRanking(req);
    expect(plan.runs.map((r) => r.hardware.id)).toEqual(['rtx']);
    expect(plan.excluded.map((e) => e.reason)).toEqual([expect.stringContaining('> max $2,000')]);
  });

  it('carries the runtime choice and plans offline at batch 1 (the search picks the batch)', () => {
    const s = { ...defaultSelection(), runtime: 'vllm' as const, scenario: 'offline' as const, batch: 64 };
    const req = rankRequestFor(s, LLAMA, [H100P], null);
    expect(req).toMatchObject({ runtime: 'vllm', runtimeEvidence: null });
    expect(req.workload.batch).toBe(1);
    expect(rankRequestFor({ ...s, scenario: 'single-stream' }, LLAMA, []).workload.batch).toBe(64);
    expect(planRanking(req).runs[0]!.workload.runtime).toBe('vllm');
  });

  it('ranks $ per item on cloud prices when only a cloud budget is set', () => {
    const s = defaultSelection();
    s.constraints.maxCloudUsdHr = 5;
    expect(rankRequestFor(s, RESNET, []).costBasis).toBe('cloud');
  });

  it('picks image size for vision models and sequence length for training LLMs', () => {
    expect(lengthKind(RESNET, 'inference')).toBe('image');
    expect(lengthKind(LLAMA, 'training')).toBe('seq');
    expect(lengthKind(LLAMA, 'inference')).toBe('llm');
  });
});

describe('selectionModel', () => {
  it('resolves catalog ids, describes custom models and returns null for unknown ids', () => {
    const models = new Map([[LLAMA.id, LLAMA]]);
    expect(selectionModel({ ...defaultSelection(), model: LLAMA.id }, models)?.id).toBe(LLAMA.id);
    expect(selectionModel({ ...defaultSelection(), model: 'nope' }, models)).toBeNull();
    const custom = selectionModel(
      { ...defaultSelection(), model: 'custom', custom: { ...DEFAULT_CUSTOM } },
      models,
    );
    expect(custom?.params_m).toBeCloseTo(7000);
    expect(custom?.architecture).toBe('decoder-only');
  });

  it('keeps GFLOPs per sample for vision and per token for sequence models', () => {
    expect(customModelRow({ ...DEFAULT_CUSTOM, arch: 'cnn', gflops: 4 }).gflops_per_sample).toBe(4);
    expect(customModelRow({ ...DEFAULT_CUSTOM, gflops: 14 }).gflops_per_token).toBe(14);
  });
});
