import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '../../../src/core/catalog/resolve.ts';
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
    for (const n of ['resnet', 'retinanet', '3d-unet-99', 'gptj-99', 'mixtral-8x7b', 'stable-diffusion-xl', 'dlrm-v2-99', 'rgat', 'deepseek-r1', 'whisper', 'pointpainting', 'llama3.1-8b-edge']) {
      expect(resolve(n), n).not.toBeNull();
    }
  });

  it('describes DeepSeek-V3 as a 671B/37B MoE', () => {
    const r = byId.get('deepseek-v3');
    expect(r?.params_m).toBe(671000);
    expect(r?.active_params_m).toBe(37000);
    expect([r?.n_experts, r?.experts_per_token, r?.layers, r?.hidden]).toEqual([256, 8, 61, 7168]);
  });

  it('returns model sources with row counts', () => {
    expect(build?.sources.every((s) => s.kind === 'models' && s.row_count > 0)).toBe(true);
    expect(build?.sources.some((s) => s.id === 'timm')).toBe(true);
  });
});
