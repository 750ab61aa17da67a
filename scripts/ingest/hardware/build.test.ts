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

  it('covers the 2025-26 parts with complete specs', () => {
    for (const id of [
      'nvidia-rtx-pro-4000-blackwell',
      'nvidia-rtx-pro-4500-blackwell',
      'nvidia-rtx-pro-5000-blackwell',
      'nvidia-rtx-5060',
      'nvidia-rtx-5060-ti-8gb',
      'nvidia-rtx-5060-ti-16gb',
      'amd-instinct-mi300a',
      'apple-m3-max-30c-gpu',
      'apple-m4-pro-16c-gpu',
      'apple-m4-max-32c-gpu',
    ]) {
      const r = byId.get(id);
      expect(r, id).toBeDefined();
      expect(r && isComplete(r), id).toBe(true);
      expect(r?.release_date, id).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
    for (const id of [
      'amd-ryzen-ai-9-hx-370-npu',
      'intel-core-ultra-9-288v-npu',
      'qualcomm-snapdragon-x-elite-npu',
      'qualcomm-snapdragon-x-plus-npu',
    ]) {
      const r = byId.get(id);
      expect([r?.kind, r?.segment], id).toEqual(['npu', 'laptop']);
      expect(r?.int8_tops, id).toBeGreaterThanOrEqual(45);
      expect(r?.mem_bw_gbs, id).toBeGreaterThan(100);
    }
    expect(byId.get('apple-m5')?.mem_bw_gbs).toBe(153);
    expect(byId.get('nvidia-rtx-pro-5000-blackwell')?.fp16_tflops).toBe(258);
  });

  it('gives Blackwell Ultra 288 GB per GPU and keeps the 270GB spelling', () => {
    expect(byId.get('nvidia-b300-sxm-288gb')?.memory_gb).toBe(288);
    expect(byId.get('nvidia-gb300')?.memory_gb).toBe(288);
    expect(byId.get('nvidia-gb200')?.memory_gb).toBe(186);
    expect(byId.get('nvidia-b300-sxm-288gb')?.spec_sources).toMatch(/(^|;)memory_gb=vendor-datasheet:nvidia/);
    expect(found('B300 270GB')).toBe('nvidia-b300-sxm-288gb');
    expect(found('NVIDIA GB300-288GB')).toBe('nvidia-gb300');
  });

  it('has each Apple memory configuration with the compute and bandwidth of its chip bin', () => {
    const sold: Record<string, number[]> = {
      'M1 Max': [32, 64],
      'M2 Max': [32, 64, 96],
      'M2 Ultra': [64, 128, 192],
      'M3 Max': [36, 48, 64, 96, 128],
      'M3 Ultra': [96, 256, 512],
      M4: [16, 24, 32],
      'M4 Pro': [24, 48, 64],
      'M4 Max': [36, 48, 64, 128],
      M5: [16, 24, 32],
    };
    for (const [chip, sizes] of Object.entries(sold))
      for (const gb of sizes) {
        const id = found(`Apple ${chip} ${gb}GB`);
        expect(byId.get(id)?.memory_gb, `${chip} ${gb}GB -> ${id}`).toBe(gb);
      }
    const configs = b.rows.filter((r) => /^apple-.*-\d+gb$/.test(r.id));
    expect(configs.length).toBeGreaterThanOrEqual(32);
    for (const r of configs) {
      const chip = byId.get(r.id.replace(/-\d+gb$/, ''));
      expect(chip, r.id).toBeDefined();
      expect(r.memory_gb, r.id).toBe(Number(/(\d+)gb$/.exec(r.id)?.[1]));
      for (const f of ['mem_bw_gbs', 'fp32_tflops', 'fp16_tflops', 'tdp_w', 'release_date'] as const)
        expect(r[f], `${r.id} ${f}`).toBe(chip?.[f]);
    }
    expect(byId.get('apple-m3-max-30c-gpu-36gb')?.mem_bw_gbs).toBe(300);
    expect(byId.get('apple-m3-max-48gb')?.mem_bw_gbs).toBe(400);
    expect(byId.get('apple-m4-max-32c-gpu')?.mem_bw_gbs).toBe(410);
    expect(byId.get('apple-m4-max-48gb')?.mem_bw_gbs).toBe(546);
    expect(byId.get('apple-m1-max-32gb')?.mem_bw_gbs).toBe(400);
    expect(byId.get('apple-m4-pro-16c-gpu-24gb')?.fp32_tflops).toBeCloseTo((9.2 * 16) / 20, 3);
    expect(found('M3 Max 40-Core GPU 48GB')).toBe('apple-m3-max-48gb');
    expect(found('M4 Pro 16-Core GPU 24GB')).toBe('apple-m4-pro-16c-gpu-24gb');
    expect(found('M4 Pro 24GB')).toBe('apple-m4-pro-24gb');
    expect(found('Apple M3 Max')).toBe('apple-m3-max');
  });

  it('derives current server CPU peaks', () => {
    const epyc = byId.get('amd-epyc-9965');
    expect(epyc?.fp32_tflops).toBeCloseTo((192 * 2.25 * 64) / 1000, 3);
    expect(epyc?.mem_bw_gbs).toBe(576);
    expect(byId.get('intel-xeon-6972p')?.mem_bw_gbs).toBe(614.4);
    for (const id of ['amd-epyc-9755', 'amd-epyc-9575f', 'intel-xeon-6952p', 'intel-xeon-6960p'])
      expect(byId.get(id)?.tdp_w, id).toBeGreaterThan(0);
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
    for (const r of b.rows)
      for (const s of r.spec_sources.split(';').filter(Boolean)) expect(s, r.id).toMatch(/^[a-z0-9_]+=\S/);
    const ids = b.sources.map((s) => s.id);
    expect(ids).toContain('hw-specs-epoch-ai');
    expect(b.sources.every((s) => s.kind === 'hardware' && s.row_count > 0)).toBe(true);
  });
});
