import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNameIndex, HARDWARE_PREFIXES } from '../../../src/core/catalog/resolve.ts';
import { buildHardware, isComplete } from './build.ts';

const raw = resolve(__dirname, '../../../../shared/data/raw');
const present = existsSync(raw);
if (!present) console.warn(`hardware catalog tests skipped: raw data folder ${raw} is absent`);

describe.skipIf(!present)('buildHardware', () => {
  const b = present ? buildHardware(raw) : { rows: [], sources: [], notes: [] };
  const byId = new Map(b.rows.map((r) => [r.id, r]));
  const idx = buildNameIndex(b.rows, HARDWARE_PREFIXES);
  const found = (name: string) => {
    const r = idx.resolve(name);
    return r.kind === 'found' ? r.id : r.kind;
  };

  it('has unique sorted ids and no alias conflicts', () => {
    const ids = b.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect([...idx.conflicts.entries()]).toEqual([]);
  });

  it('has at least 80 complete devices and covers current parts', () => {
    expect(b.rows.filter(isComplete).length).toBeGreaterThanOrEqual(80);
    for (const id of [
      'nvidia-b200-sxm-180gb',
      'nvidia-b300-sxm-288gb',
      'nvidia-gb200',
      'nvidia-gb300',
      'nvidia-rtx-5090',
      'nvidia-rtx-pro-6000-blackwell-max-q',
      'amd-instinct-mi300x',
      'amd-instinct-mi325x',
      'amd-instinct-mi350x',
      'amd-instinct-mi355x',
      'intel-gaudi3',
      'intel-arc-pro-b60',
      'apple-m2-ultra',
      'apple-m4-max',
    ]) {
      const r = byId.get(id);
      expect(r, id).toBeDefined();
      expect(r && isComplete(r), id).toBe(true);
    }
  });

  it('gets spot values right', () => {
    const h100 = byId.get('nvidia-h100-sxm5-80gb');
    expect(h100?.mem_bw_gbs).toBe(3350);
    expect(h100?.memory_gb).toBe(80);
    expect(h100?.fp16_tflops).toBeCloseTo(989.4, 1);
    expect(h100?.fp4_tflops).toBeNull();
    expect(h100?.int4_tops).toBeNull();
    expect(byId.get('amd-instinct-mi300x')?.mem_bw_gbs).toBe(5300);
    expect(byId.get('amd-instinct-mi325x')?.memory_gb).toBe(256);
    expect(byId.get('nvidia-b200-sxm-180gb')?.memory_gb).toBe(180);
    expect(byId.get('nvidia-v100-sxm2-16gb')?.memory_gb).toBe(16);
    expect(byId.get('nvidia-a10')?.memory_gb).toBe(24);
  });

  it('leaves unsupported precisions null', () => {
    for (const id of ['nvidia-v100-sxm2-16gb', 'nvidia-t4', 'nvidia-rtx-2080-ti']) {
      expect(byId.get(id)?.bf16_tflops, id).toBeNull();
      expect(byId.get(id)?.fp8_tflops, id).toBeNull();
    }
    for (const r of b.rows) {
      if (!/^blackwell|^cdna4$/.test(r.architecture ?? '')) expect(r.fp4_tflops, r.id).toBeNull();
      if (/^(volta|turing|pascal|ampere)$/.test(r.architecture ?? '')) expect(r.fp8_tflops, r.id).toBeNull();
    }
  });

  it('derives CPU peaks from datasheet facts', () => {
    const cpu = byId.get('intel-core-i9-10940x');
    expect(cpu?.kind).toBe('cpu');
    expect(cpu?.fp32_tflops).toBeCloseTo((14 * 3.3 * 64) / 1000, 3);
    expect(cpu?.spec_sources).toContain('fp32_tflops=derived:cores*clock*flops_per_cycle');
    expect(byId.get('intel-core-i7-12700h')?.cores).toBe(14);
  });

  it('resolves benchmark spellings to one device', () => {
    expect(found('NVIDIA H100-SXM-80GB')).toBe('nvidia-h100-sxm5-80gb');
    expect(found('AMD Instinct MI300X-NPS1-SPX-192GB-750W')).toBe('amd-instinct-mi300x');
    expect(found('V100 16GB')).toBe('nvidia-v100-sxm2-16gb');
    expect(found('A100 80GB')).toBe('nvidia-a100-sxm4-80gb');
    expect(found('pro6000maxq')).toBe('nvidia-rtx-pro-6000-blackwell-max-q');
    expect(found('i7_12700h')).toBe('intel-core-i7-12700h');
    expect(found('M2 Ultra 76-Core GPU')).toBe('apple-m2-ultra');
    expect(found('13th Gen Intel(R) Core(TM) i9-13900K')).toBe('intel-core-i9-13900k');
    expect(found('GeForce GTX 1080 Ti')).toBe('nvidia-gtx-1080-ti');
  });

  it('cites every figure and reports sources', () => {
    for (const r of b.rows) {
      for (const f of [
        'memory_gb',
        'mem_bw_gbs',
        'fp32_tflops',
        'fp16_tflops',
        'tdp_w',
        'cloud_usd_hr',
      ] as const) {
        if (r[f] != null) expect(r.spec_sources, `${r.id} ${f}`).toMatch(new RegExp(`(^|;)${f}=`));
      }
    }
    const ids = b.sources.map((s) => s.id);
    expect(ids).toContain('hw-specs-epoch-ai');
    expect(b.sources.every((s) => s.kind === 'hardware' && s.row_count > 0)).toBe(true);
  });
});
