import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '../../../src/core/catalog/resolve.ts';
import { kvCacheBytes } from '../../../src/core/roofline/cost.ts';
import { precisionInfo, type PrecisionInfo } from '../../../src/core/roofline/precision.ts';
import { DEFAULT_RAW_ROOT, buildModels } from './build.ts';

const rawRoot = process.env['ROOFLIGHT_RAW_ROOT'] ?? DEFAULT_RAW_ROOT;
const missing = !existsSync(rawRoot);
if (missing) console.warn(`model catalog tests skipped: raw data folder ${rawRoot} not found`);

describe.skipIf(missing)('buildModels', () => {
  const build = missing ? null : buildModels(rawRoot);
  const rows = build?.rows ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const index = buildNameIndex(rows);
  const resolve = (name: string) => {
    const r = index.resolve(name);
    return r.kind === 'found' ? r.id : null;
  };

  it('has at least 1500 models with unique, sorted ids', () => {
    expect(rows.length).toBeGreaterThanOrEqual(1500);
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
  });

  it('has no name key claimed by two models', () => {
    expect([...index.conflicts]).toEqual([]);
  });

  it('matches hand-checked Llama-2-7B figures', () => {
    const r = byId.get('llama-2-7b');
    expect(r?.params_m).toBeCloseTo(6738, -1);
    expect(r?.layers).toBe(32);
    expect(r?.hidden).toBe(4096);
  });

  it('matches hand-checked resnet50 figures', () => {
    const r = byId.get(resolve('resnet50') ?? '');
    expect(r?.params_m).toBeCloseTo(25.6, 1);
    expect(r?.gflops_per_sample).toBeCloseTo(8.2, 1);
    expect(r?.image_size).toBe(224);
  });

  it('resolves MLPerf benchmark names', () => {
    expect(resolve('llama2-70b-99')).toBe('llama-2-70b');
    expect(resolve('llama2-70b-99.9')).toBe('llama-2-70b');
    expect(resolve('bert-99')).toBe(resolve('bert-99.9'));
    expect(resolve('llama3.1-405b')).toBe('llama-3.1-405b');
    for (const n of [
      'resnet',
      'retinanet',
      '3d-unet-99',
      'gptj-99',
      'mixtral-8x7b',
      'stable-diffusion-xl',
      'dlrm-v2-99',
      'rgat',
      'deepseek-r1',
      'whisper',
      'pointpainting',
      'llama3.1-8b-edge',
    ]) {
      expect(resolve(n), n).not.toBeNull();
    }
  });

  it('describes DeepSeek-V3 as a 671B/37B MoE', () => {
    const r = byId.get('deepseek-v3');
    expect(r?.params_m).toBe(671000);
    expect(r?.active_params_m).toBe(37000);
    expect([r?.n_experts, r?.experts_per_token, r?.layers, r?.hidden]).toEqual([256, 8, 61, 7168]);
  });

  it('records what the KV cache depends on from the attention configs', () => {
    const kv = (id: string) => {
      const r = byId.get(id);
      if (!r) return undefined;
      return [
        r.attention,
        r.head_dim,
        r.kv_lora_rank,
        r.qk_rope_dim,
        r.sliding_window,
        r.sliding_layers,
      ].concat([r.attn_layers, r.ssm_state_elems, r.kv_precision]);
    };
    expect(kv('deepseek-v3')).toEqual(['mla', null, 512, 64, null, null, null, null, null]);
    expect(kv('kimi-k2')).toEqual(['mla', null, 512, 64, null, null, null, null, null]);
    expect(kv('llama-3.1-8b')).toEqual(['gqa', null, null, null, null, null, null, null, null]);
    expect(kv('mistral-7b-v0.1')).toEqual(['gqa', null, null, null, 4096, null, null, null, null]);
    expect(kv('gemma-2-9b')).toEqual(['gqa', 256, null, null, 4096, 21, null, null, null]);
    expect(kv('gemma-3-27b')).toEqual(['gqa', 128, null, null, 1024, 52, null, null, null]);
    expect(kv('gemma-3-1b')).toEqual(['mqa', 256, null, null, 512, 22, null, null, null]);
    expect(kv('gpt-oss-120b')).toEqual(['gqa', 64, null, null, 128, 18, null, null, null]);
    expect(kv('phi-3-mini')?.[0]).toBe('mha');
    expect(kv('jamba-v0.1')).toEqual(['gqa', null, null, null, null, null, 4, 4_587_520, null]);
    expect(kv('qwen3-next-80b-a3b')).toEqual(['gqa', 256, null, null, null, null, 12, 20_054_016, null]);
    for (const id of ['llama-4-scout', 'llama-4-maverick', 'kimi-k2', 'qwen3-next-80b-a3b', 'jamba-v0.1']) {
      expect(byId.get(id)?.source, id).toMatch(/^model-configs-attention:/);
    }
    expect(byId.get('gemma-2-9b')?.source).toContain(
      'model-configs-attention:configs.jsonl model=google/gemma-2-9b',
    );
    expect(rows.filter((r) => r.kv_precision !== null)).toEqual([]);
    const src = build?.sources.find((s) => s.id === 'model-configs-attention');
    expect(src?.row_count).toBe(26);
  });

  it('gives hand-checked KV bytes for catalog rows', () => {
    const fp16 = precisionInfo('fp16') as PrecisionInfo;
    const row = (id: string) => byId.get(id) as NonNullable<ReturnType<typeof byId.get>>;
    expect(kvCacheBytes(row('llama-3-8b'), 8192, fp16)).toBe(1_073_741_824);
    expect(kvCacheBytes(row('deepseek-v3'), 1, fp16)).toBe(70_272);
    expect(kvCacheBytes(row('mistral-7b-v0.1'), 32_768, fp16)).toBe(
      kvCacheBytes(row('mistral-7b-v0.1'), 4096, fp16),
    );
  });

  it('returns model sources with row counts', () => {
    expect(build?.sources.every((s) => s.kind === 'models' && s.row_count > 0)).toBe(true);
    expect(build?.sources.some((s) => s.id === 'timm')).toBe(true);
  });
});
