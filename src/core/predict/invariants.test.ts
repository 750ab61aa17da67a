import { describe, expect, it } from 'vitest';
import { NO_KV_ARCH, type HardwareRow, type ModelRow } from '../catalog/schema.ts';
import {
  A100,
  B200,
  BERT_BASE,
  H100,
  LLAMA2_70B,
  LLAMA2_7B,
  MIXTRAL,
  RESNET50,
  V100,
  XEON,
} from '../roofline/fixtures.test-util.ts';
import {
  checkInvariants,
  countViolations,
  INVARIANTS,
  rooflinePredictor,
  type InvariantId,
  type InvariantOptions,
  type PredictFn,
} from './invariants.ts';
import { RATE_METRICS } from './observation.ts';
import type { Prediction, Query } from './types.ts';

const asModel = (m: typeof LLAMA2_7B): ModelRow => ({
  ...NO_KV_ARCH,
  ...m,
  name: m.id,
  aliases: '',
  source: 'test',
  notes: null,
});

const H100_SXM: HardwareRow = { ...H100, id: 'nvidia-h100-sxm5-80gb' };
const H100_PCIE: HardwareRow = {
  ...H100,
  id: 'nvidia-h100-pcie-80gb',
  name: 'H100 PCIe 80GB',
  mem_bw_gbs: 2040,
  fp16_tflops: 756,
  bf16_tflops: 756,
  fp8_tflops: 1513,
  int8_tops: 1513,
  interconnect_gbs: 600,
};
const LLAMA_405B = {
  ...LLAMA2_70B,
  id: 'llama-405b',
  params_m: 405000,
  layers: 126,
  hidden: 16384,
  heads: 128,
  ffn: 53248,
};

const catalog = {
  hardware: [H100_SXM, H100_PCIE, A100, V100, B200, XEON],
  models: [LLAMA2_7B, LLAMA2_70B, LLAMA_405B, MIXTRAL, RESNET50, BERT_BASE].map(asModel),
};

const options: Partial<InvariantOptions> = {
  decodeModels: [LLAMA2_7B.id, MIXTRAL.id],
  decodePrecisions: ['fp16', 'fp8', 'int8', 'int4'],
  computeModels: [LLAMA2_7B.id, RESNET50.id, BERT_BASE.id],
  computePrecisions: ['fp16'],
  batchModels: [LLAMA2_7B.id, RESNET50.id],
  batchPrecisions: ['fp16'],
  maxBatch: 16,
  familyChain: [LLAMA2_7B.id, LLAMA2_70B.id, LLAMA_405B.id],
  familyPrecisions: ['fp16'],
  fewerBytes: [
    ['fp16', 'fp8', 1],
    ['int8', 'int4', 1],
  ],
};

/** Every query at a low fraction of its bound, then `speedUp(q)` times faster (rates × s, times ÷ s). */
const faking =
  (speedUp: (q: Query) => number, efficiency = 0.05): PredictFn =>
  async (queries) => {
    const base = await rooflinePredictor(efficiency)(queries);
    return base.map((p, i): Prediction => {
      if (!p.ok) return p;
      const s = speedUp(queries[i]!);
      return { ...p, value: RATE_METRICS.has(p.metric) ? p.value * s : p.value / s };
    });
  };

const violated = async (predict: PredictFn) => {
  const { violations } = await checkInvariants(catalog, predict, options);
  return new Set(violations.map((v) => v.invariant));
};

describe('checkInvariants', () => {
  it('finds nothing wrong with the roofline at any constant efficiency, and checks every invariant', async () => {
    for (const eff of [1, 0.3]) {
      const { violations, checked } = await checkInvariants(catalog, rooflinePredictor(eff), options);
      expect(violations).toEqual([]);
      for (const id of INVARIANTS) expect(checked[id], id).toBeGreaterThan(0);
    }
  });

  it('leaves CPUs out and pairs SXM with PCIe by name', async () => {
    const seen: Query[] = [];
    await checkInvariants(
      catalog,
      async (qs) => {
        seen.push(...qs);
        return rooflinePredictor(0.5)(qs);
      },
      options,
    );
    expect(seen.some((q) => q.hw.id === XEON.id)).toBe(false);
    const { checked } = await checkInvariants(catalog, rooflinePredictor(0.5), options);
    // 2 decode models × 4 precisions + 3 compute models × fp16, less Mixtral at fp16 (93 GB > 80 GB).
    expect(checked['sxm-over-pcie']).toBe(2 * 4 + 3 - 1);
  });

  const cases: [InvariantId, (q: Query) => number][] = [
    // A100 decodes faster than the H100s, which have more bandwidth and compute.
    ['decode-dominance', (q) => (q.hw.id === A100.id && q.metric === 'decode_tokens_s' ? 4 : 1)],
    // A100 prefills faster than devices with more peak and bandwidth.
    ['compute-dominance', (q) => (q.hw.id === A100.id && q.metric === 'prefill_tokens_s' ? 6 : 1)],
    // Hopper fp8 decode only ~1.1× fp16.
    ['fewer-bytes', (q) => (q.workload.precision === 'fp8' && q.metric === 'decode_tokens_s' ? 1 / 1.8 : 1)],
    // Throughput falls past batch 4.
    ['batch-monotone', (q) => (q.metric === 'throughput' && q.workload.batch > 4 ? 1 / 3 : 1)],
    // The 70B model decodes faster than the 7B one.
    ['model-size', (q) => (q.model.id === LLAMA2_70B.id && q.metric === 'decode_tokens_s' ? 15 : 1)],
  ];
  it.each(cases)('flags %s alone when only it is broken', async (invariant, speedUp) => {
    expect([...(await violated(faking(speedUp)))]).toEqual([invariant]);
  });

  it('flags a PCIe card faster than its SXM sibling', async () => {
    const v = await violated(faking((q) => (q.hw.id === H100_PCIE.id ? 3 : 1)));
    expect(v.has('sxm-over-pcie')).toBe(true);
  });

  it('flags int4 slower than int8', async () => {
    const { violations } = await checkInvariants(
      catalog,
      faking((q) => (q.workload.precision === 'int4' ? 0.3 : 1)),
      options,
    );
    const v = violations.filter((x) => x.invariant === 'fewer-bytes');
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.a.endsWith(' int4') && x.b.endsWith(' int8'))).toBe(true);
  });

  it('flags latency that falls with batch', async () => {
    const { violations } = await checkInvariants(
      catalog,
      faking((q) => (q.metric === 'latency_ms' && q.workload.batch >= 8 ? 4 : 1)),
      options,
    );
    expect(violations.some((v) => v.invariant === 'batch-monotone' && v.detail.includes('latency_ms'))).toBe(
      true,
    );
  });

  it('flags predictions beyond the roofline and nothing else', async () => {
    const { violations } = await checkInvariants(catalog, rooflinePredictor(1.2), options);
    expect(new Set(violations.map((v) => v.invariant))).toEqual(new Set(['within-roofline']));
    expect(violations[0]!.ratio).toBeCloseTo(1.2, 6);
  });

  it('reports who should have been faster, by how much, worst first', async () => {
    const { violations } = await checkInvariants(
      catalog,
      faking((q) =>
        q.hw.id === A100.id && q.metric === 'decode_tokens_s' ? (q.workload.precision === 'fp8' ? 5 : 4) : 1,
      ),
      options,
    );
    expect(violations.length).toBeGreaterThan(0);
    for (let i = 1; i < violations.length; i++)
      expect(violations[i - 1]!.ratio).toBeGreaterThanOrEqual(violations[i]!.ratio);
    const v = violations.find((x) => x.a.startsWith('nvidia-h100-sxm5-80gb') && x.b.startsWith('a100'))!;
    expect(v.detail).toMatch(/decode_tokens_s/);
    expect(v.ratio).toBeGreaterThan(1.005);
  });

  it('tolerates differences under the tolerance and drops pairs the predictor cannot answer', async () => {
    const noise = faking((q) => (q.hw.id === A100.id ? 1.004 : 1), 0.5);
    expect(await violated(noise)).toEqual(new Set());
    const a100Fails: PredictFn = async (qs) =>
      (await faking((q) => (q.hw.id === A100.id ? 4 : 1))(qs)).map((p, i) =>
        qs[i]!.hw.id === A100.id ? { ok: false, metric: p.metric, error: 'unknown' } : p,
      );
    expect(await violated(a100Fails)).toEqual(new Set());
  });
});

describe('countViolations', () => {
  it('counts pairs, violations and the worst ratio per invariant', async () => {
    const counts = await countViolations(
      catalog,
      faking((q) => (q.model.id === LLAMA2_70B.id && q.metric === 'decode_tokens_s' ? 15 : 1)),
      options,
    );
    expect(Object.keys(counts)).toEqual([...INVARIANTS]);
    expect(counts['model-size'].violations).toBeGreaterThan(0);
    expect(counts['model-size'].worstRatio).toBeGreaterThan(1);
    expect(counts['decode-dominance']).toMatchObject({ violations: 0, worstRatio: 1 });
    for (const id of INVARIANTS) expect(counts[id].checked).toBeGreaterThan(0);
  });
});
