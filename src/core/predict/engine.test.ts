import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_KV_ARCH,
  type HardwareRow,
  type MeasurementRow,
  type Metric,
  type ModelRow,
} from '../catalog/schema.ts';
import {
  A100,
  BERT_BASE,
  H100,
  LLAMA2_7B,
  measurementRow,
  RESNET50,
  V100,
  XEON,
} from '../roofline/fixtures.test-util.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { runtimeClassOf } from '../catalog/runtime.ts';
import { buildReferences, PredictionEngine, settingFor, settingKeys } from './engine.ts';
import { supportKey } from './prior.ts';
import { FEATURE_COUNT, FEATURE_NAMES, FEATURE_VERSION } from './featurize.ts';
import { observe, RATE_METRICS } from './observation.ts';
import type { EfficiencyModel, Manifest, Query } from './types.ts';

const manifest: Manifest = {
  featureVersion: FEATURE_VERSION,
  featureNames: [...FEATURE_NAMES],
  mean: new Array<number>(FEATURE_COUNT).fill(0),
  std: new Array<number>(FEATURE_COUNT).fill(1),
  quantiles: [0.1, 0.5, 0.9],
  conformal: { learned: 0.2, transfer: 0.1 },
  typicalEfficiency: { 'gpu:forward': 0.4, '*:decode': 0.5 },
  typicalSpread: { 'gpu:forward': [0.5, 0.5] },
  snapshot: 'test',
  seed: 1,
  trainedRows: 0,
  architecture: [],
  epochs: 0,
};

/** A stand-in network returning fixed log-efficiency quantiles — even impossible ones (> 0). */
const fixed = (q10: number, q50: number, q90: number): EfficiencyModel => ({
  predict: (_x, rows) => Float32Array.from({ length: rows * 3 }, (_, i) => [q10, q50, q90][i % 3]!),
});

const asModel = (m: typeof RESNET50): ModelRow => ({
  ...NO_KV_ARCH,
  ...m,
  name: m.id,
  aliases: '',
  source: 'test',
  notes: null,
});
const query = (
  hw: HardwareRow,
  metric: Metric,
  over: Partial<Query['workload']> = {},
  model = RESNET50,
): Query => ({
  workload: { model, mode: 'inference', batch: 32, precision: 'fp16', nDevices: 1, ...over },
  hw,
  model: asModel(model),
  metric,
});

/** Observations of ResNet-50 rows on the given devices. */
const observeResNet = (rows: MeasurementRow[], devices: HardwareRow[]) =>
  observe(rows, new Map(devices.map((d) => [d.id, d])), new Map([[RESNET50.id, asModel(RESNET50)]]));

describe('fallback chain', () => {
  it('uses the learned model when loaded, naming the layer and the bound', async () => {
    const engine = new PredictionEngine({ manifest, model: fixed(-2, -1, -0.5) });
    const p = await engine.predict(query(A100, 'throughput'));
    expect(p).toMatchObject({ ok: true, layer: 'learned', bound: 'compute' });
    if (p.ok) {
      expect(p.value).toBeCloseTo(p.boundValue! * Math.exp(-1), 6);
      expect(p.low).toBeCloseTo(p.boundValue! * Math.exp(-2.2), 6);
      expect(p.explanation).toMatch(/learned efficiency 37%/);
    }
  });

  it('falls back to the typical efficiency of the device class without a model', async () => {
    const engine = new PredictionEngine({ manifest, model: null });
    const p = await engine.predict(query(A100, 'latency_ms'));
    expect(p).toMatchObject({ ok: true, layer: 'roofline-typical' });
    if (p.ok) expect(p.value).toBeCloseTo(p.boundValue! / 0.4, 6);
  });

  it('uses the same model measured on another device when one exists (transfer)', async () => {
    const row = measurementRow({ hardware_id: V100.id, model_id: RESNET50.id });
    const { observations } = observeResNet([row], [V100]);
    const refs = buildReferences(observations, [-1]);
    // Layer arithmetic alone: the consistency pass (tested in consistency.test.ts) would also weigh the half batch.
    const engine = new PredictionEngine({
      manifest,
      model: fixed(-1.5, -1, -0.5),
      references: refs,
      consistency: false,
    });
    const p = await engine.predict(query(A100, 'throughput'));
    expect(p).toMatchObject({ ok: true, layer: 'transfer' });
    // Same learned efficiency on both devices: the V100's achieved efficiency carries over to the A100's bound.
    if (p.ok) expect(p.value).toBeCloseTo(p.boundValue! * observations[0]!.efficiency, 6);
  });

  it('prefers the same runtime class, shrinks the learned difference, and never borrows for an unseen runtime', async () => {
    const rows = [
      measurementRow({ hardware_id: V100.id, model_id: RESNET50.id, runtime: 'PyTorch 2.1', value: 1000 }),
      measurementRow({ hardware_id: H100.id, model_id: RESNET50.id, runtime: 'TensorRT 10', value: 9000 }),
    ].map((r) => ({ ...r, runtime_class: runtimeClassOf(r.runtime) }));
    const { observations } = observeResNet(rows, [V100, H100]);
    // The network thinks the references ran at e^-2 and the query runs at e^-1: a learned difference of +1.
    const refs = buildReferences(observations, [-2, -2]);
    const prior = { 'pytorch|*|throughput': -1.5, 'tensorrt|*|throughput': -1, '*|*|throughput': -1.2 };
    const engineWith = (transfer: Manifest['transfer']) =>
      new PredictionEngine({
        manifest: { ...manifest, prior, ...(transfer ? { transfer } : {}) },
        model: fixed(-1, -1, -1),
        references: refs,
        consistency: false,
      });
    const q = { ...query(A100, 'throughput'), runtime: 'pytorch' };
    const half = await engineWith({ shrink: 0.5, tau: 2 }).predict(q);
    expect(half).toMatchObject({
      ok: true,
      layer: 'transfer',
      evidence: expect.stringMatching(/^transfer:runtime:/),
    });
    if (half.ok) {
      // Only the PyTorch reference (V100) counts; half the learned difference is kept.
      expect(half.value).toBeCloseTo(half.boundValue! * observations[0]!.efficiency * Math.exp(0.5), 6);
      expect(half.explanation).toContain(`${V100.id} under the same runtime`);
    }
    const none = await engineWith({ shrink: 0, tau: 2 }).predict(q);
    if (none.ok) expect(none.value).toBeCloseTo(none.boundValue! * observations[0]!.efficiency, 6);
    // A runtime no training row used (no prior key): no borrowing from other runtimes, the typical efficiency.
    const unseen = await engineWith(undefined).predict({ ...q, runtime: 'llama.cpp WebGPU' });
    expect(unseen).toMatchObject({ ok: true, layer: 'learned', evidence: 'learned:unseen-runtime' });
    if (unseen.ok) expect(unseen.value).toBeCloseTo(unseen.boundValue! * Math.exp(-1.2), 6);
  });

  it('turns a faster bounding resource into speed as ratio^(1 − elasticity) under the same runtime', async () => {
    const row = measurementRow({
      hardware_id: V100.id,
      model_id: RESNET50.id,
      runtime: 'PyTorch 2.1',
      batch_size: 256,
    });
    const { observations } = observeResNet([{ ...row, runtime_class: runtimeClassOf(row.runtime) }], [V100]);
    const refs = buildReferences(observations, [-1]);
    const q = { ...query(A100, 'throughput', { batch: 256 }), runtime: 'pytorch' };
    const engineWith = (elasticityByRuntime: Record<string, number>) =>
      new PredictionEngine({
        manifest: { ...manifest, transfer: { tau: 2, shrink: 1, elasticityByRuntime } },
        model: fixed(-1, -1, -1),
        references: refs,
        consistency: false,
      });
    const plain = await engineWith({}).predict(q);
    const half = await engineWith({ 'pytorch:compute': 0.5, pytorch: 0.25 }).predict(q);
    const other = await engineWith({ 'pytorch:memory': 0.5 }).predict(q);
    expect(plain).toMatchObject({ ok: true, layer: 'transfer', bound: 'compute' });
    if (!plain.ok || !half.ok || !other.ok) throw new Error('no answer');
    // Compute-bound at batch 256: the A100's dense fp16 peak over the V100's sets the scaling.
    const est = (hw: HardwareRow) => rooflineEstimate(q.workload, hw);
    const a = est(A100);
    const v = est(V100);
    if (!a.ok || !v.ok) throw new Error('no roofline');
    const phase = a.phases[0]!;
    const share = phase.computeSeconds / (phase.computeSeconds + phase.memorySeconds);
    const scaling =
      share * Math.log(a.peakTflops / v.peakTflops) +
      (1 - share) * Math.log(A100.mem_bw_gbs! / V100.mem_bw_gbs!);
    expect(scaling).toBeGreaterThan(0.3);
    expect(half.value / plain.value).toBeCloseTo(Math.exp(-0.5 * scaling), 6);
    expect(half.explanation).toMatch(/this runtime turns [\d.]+× the dense peak into [\d.]+× the speed/);
    // The bound kind's own setting comes first; a setting for the other kind does not apply.
    expect(other.value).toBeCloseTo(plain.value, 6);
    expect(plain.explanation).not.toMatch(/this runtime turns/);
  });

  it('prefers a reference at the query’s own device count and lengths to a nearer device at another shape', async () => {
    const rows = [
      measurementRow({ hardware_id: A100.id, model_id: RESNET50.id, n_devices: 2, value: 5000 }),
      measurementRow({ hardware_id: V100.id, model_id: RESNET50.id, n_devices: 1, value: 1000 }),
    ];
    const { observations } = observeResNet(rows, [A100, V100]);
    const engine = new PredictionEngine({
      manifest,
      model: fixed(-1, -1, -1),
      references: buildReferences(observations, [-1, -1]),
      consistency: false,
    });
    const p = await engine.predict(query(H100, 'throughput'));
    expect(p).toMatchObject({ ok: true, layer: 'transfer' });
    if (!p.ok) throw new Error('no answer');
    expect(p.explanation).toContain(`1 measurement of this model on ${V100.id}`);
    expect(p.value).toBeCloseTo(p.boundValue! * observations[1]!.efficiency, 6);
  });

  it('reads per-runtime settings most specific first: class and bound kind, class, feature class', () => {
    expect(settingKeys('whisper.cpp Metal')).toEqual(['whisper.cpp', 'llama.cpp']);
    expect(settingKeys('pytorch')).toEqual(['pytorch']);
    const by = { 'llama.cpp:memory': 0.6, 'llama.cpp': 0.4, whisper: 9 };
    expect(settingFor(by, settingKeys('whisper.cpp'), 'memory')).toBe(0.6);
    expect(settingFor(by, settingKeys('whisper.cpp'), 'compute')).toBe(0.4);
    expect(settingFor({ ...by, 'whisper.cpp': 0.1 }, settingKeys('whisper.cpp'), 'memory')).toBe(0.1);
    expect(settingFor(by, settingKeys('vllm'))).toBeUndefined();
    expect(settingFor(undefined, ['pytorch'])).toBeUndefined();
  });

  it('reads a query’s TensorRT for an LLM as TensorRT-LLM, as its references and prior are classed', async () => {
    const llm = asModel(LLAMA2_7B);
    const rows = [
      measurementRow({
        hardware_id: V100.id,
        model_id: llm.id,
        metric: 'decode_tokens_s',
        batch_size: 1,
        prompt_tokens: 0,
        gen_tokens: 128,
        value: 60,
        runtime: 'TensorRT 10.2.0',
        runtime_class: 'tensorrt-llm',
      }),
      measurementRow({
        hardware_id: H100.id,
        model_id: llm.id,
        metric: 'decode_tokens_s',
        batch_size: 1,
        prompt_tokens: 0,
        gen_tokens: 128,
        value: 40,
        runtime: 'vLLM 0.6.5',
        runtime_class: 'vllm',
      }),
    ];
    const { observations } = observe(
      rows,
      new Map([
        [V100.id, V100],
        [H100.id, H100],
      ]),
      new Map([[llm.id, llm]]),
    );
    const engine = new PredictionEngine({
      manifest: { ...manifest, prior: { 'tensorrt-llm|*|decode_tokens_s': -1, '*|*|decode_tokens_s': -1 } },
      model: fixed(-1, -1, -1),
      references: buildReferences(observations, [-1, -1]),
      consistency: false,
    });
    const q = (runtime: string): Query => ({
      ...query(A100, 'decode_tokens_s', { batch: 1, promptTokens: 0, genTokens: 128 }, LLAMA2_7B),
      runtime,
    });
    const [text, id, cls] = await engine.predictMany([
      q('TensorRT 10.2.0'),
      q('tensorrt'),
      q('tensorrt-llm'),
    ]);
    expect(text).toMatchObject({
      ok: true,
      layer: 'transfer',
      evidence: expect.stringMatching(/^transfer:runtime:/),
    });
    if (!text?.ok || !cls?.ok) throw new Error('no answer');
    // Only the V100 row ran under TensorRT-LLM: its efficiency carries over (no learned difference).
    expect(text.value).toBeCloseTo(text.boundValue! * observations[0]!.efficiency, 6);
    expect(text.explanation).toContain(`${V100.id} under the same runtime`);
    expect(id).toEqual(cls);
    expect(text).toEqual(cls);
  });

  it('trusts the network away from the runtime prior only as far as training rows near the query allow', async () => {
    const prior = { 'pytorch|*|throughput': -2, '*|*|throughput': -2 };
    const base = { ...manifest, prior, learnedBlend: 1 };
    const q = { ...query(A100, 'throughput'), runtime: 'pytorch' };
    const none = await new PredictionEngine({
      manifest: { ...base, support: {} },
      model: fixed(-1, -1, -1),
      consistency: false,
    }).predict(q);
    const many = await new PredictionEngine({
      manifest: { ...base, support: { [supportKey('pytorch', A100.vendor, A100.kind)]: 30 } },
      model: fixed(-1, -1, -1),
      consistency: false,
    }).predict(q);
    if (!none.ok || !many.ok) throw new Error('no answer');
    // No rows of this runtime on this vendor's kind of device: the prior alone; 30 rows: half-way (SUPPORT_ROWS).
    expect(none.value).toBeCloseTo(none.boundValue! * Math.exp(-2), 6);
    expect(many.value).toBeCloseTo(many.boundValue! * Math.exp(-1.5), 6);
  });

  it('answers from nearest measurements when no roofline exists, and errors when nothing does', async () => {
    const noBw = { ...XEON, id: 'nobw', mem_bw_gbs: null };
    const row = {
      model_id: RESNET50.id,
      hardware_id: 'nobw',
      metric: 'throughput',
      mode: 'inference',
      precision: 'fp16',
      batch_size: 16,
      value: 50,
    } as MeasurementRow;
    const engine = new PredictionEngine({ manifest, model: null, measurements: [row] });
    const p = await engine.predict(query(noBw, 'throughput'));
    expect(p).toMatchObject({ ok: true, layer: 'neighbours' });
    if (p.ok) expect(p.value).toBeCloseTo(50, 9);
    const none = await engine.predict(query(V100, 'throughput', { precision: 'fp8' }));
    expect(none).toMatchObject({ ok: false });
    if (!none.ok) expect(none.error).toMatch(/fp8/);
  });

  it('answers memory from the memory model', async () => {
    const engine = new PredictionEngine({ manifest, model: fixed(-1, -1, -1) });
    const p = await engine.predict(
      query(H100, 'memory_mb', { batch: 1, promptTokens: 512, genTokens: 128 }, LLAMA2_7B),
    );
    expect(p).toMatchObject({ ok: true, layer: 'memory-model', unit: 'MB' });
    if (p.ok) expect(p.value).toBeGreaterThan(13_480);
  });
});

describe('no prediction beats its roofline bound', () => {
  it('holds for any network output, workload and device, interval ends included', async () => {
    const models = [RESNET50, BERT_BASE, LLAMA2_7B];
    const devices = [A100, H100, V100, XEON];
    const metrics: Metric[] = [
      'throughput',
      'latency_ms',
      'ttft_ms',
      'tpot_ms',
      'decode_tokens_s',
      'prefill_tokens_s',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -12, max: 6, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom(...models),
        fc.constantFrom(...devices),
        fc.constantFrom(...metrics),
        fc.integer({ min: 1, max: 1024 }),
        fc.constantFrom('fp32', 'fp16', 'int8', 'q4_k_m'),
        async (q, model, hw, metric, batch, precision) => {
          const engine = new PredictionEngine({ manifest, model: fixed(q[0]!, q[1]!, q[2]!) });
          const p = await engine.predict(query(hw, metric, { batch, precision }, model));
          if (!p.ok || p.boundValue === null) return;
          const tol = 1 + 1e-9;
          if (RATE_METRICS.has(metric))
            for (const v of [p.value, p.low, p.high]) expect(v).toBeLessThanOrEqual(p.boundValue * tol);
          else for (const v of [p.value, p.low, p.high]) expect(v * tol).toBeGreaterThanOrEqual(p.boundValue);
          expect(p.low).toBeLessThanOrEqual(p.value);
          expect(p.value).toBeLessThanOrEqual(p.high);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('standardization', () => {
  it('holds a feature that never varied in training (std 0) at its training value', () => {
    const tpu = FEATURE_NAMES.indexOf('kind:tpu');
    const gpu = FEATURE_NAMES.indexOf('kind:gpu');
    const std = manifest.std.map((v, j) => (j === tpu ? 0 : v));
    const engine = new PredictionEngine({ manifest: { ...manifest, std }, model: null });
    const q = query({ ...H100, kind: 'tpu' }, 'throughput');
    const est = rooflineEstimate(q.workload, q.hw);
    if (!est.ok) throw new Error(est.reason);
    const input = { ...q, estimate: est, runtime: null, scenario: null, batchKnown: true };
    const x = engine.features([input, { ...input, hw: H100 }]);
    expect(x[tpu]).toBe(0);
    expect(x[gpu]).toBe(0);
    expect(x[FEATURE_COUNT + gpu]).toBe(1);
    const plain = new PredictionEngine({ manifest, model: null }).features([input]);
    expect(plain[tpu]).toBe(1);
  });
});

describe('LLM metrics of one workload', () => {
  it('derive TTFT, TPOT, latency and throughput from the predicted prefill and decode rates', async () => {
    const engine = new PredictionEngine({ manifest, model: fixed(-1.2, -0.8, -0.4) });
    const w = { batch: 4, promptTokens: 256, genTokens: 64, precision: 'fp16' };
    const metrics: Metric[] = [
      'prefill_tokens_s',
      'decode_tokens_s',
      'ttft_ms',
      'tpot_ms',
      'latency_ms',
      'throughput',
    ];
    const ps = await engine.predictMany(metrics.map((m) => query(H100, m, w, LLAMA2_7B)));
    const [prefill, decode, ttft, tpot, latency, throughput] = ps.map((p) => {
      if (!p.ok) throw new Error(p.error);
      return p;
    });
    expect(ttft!.value).toBeCloseTo(((4 * 256) / prefill!.value) * 1000, 6);
    expect(tpot!.value).toBeCloseTo((4 / decode!.value) * 1000, 6);
    expect(latency!.value).toBeCloseTo(ttft!.value + 64 * tpot!.value, 6);
    expect(throughput!.value).toBeCloseTo((4 * 64) / (latency!.value / 1000), 6);
    expect(ttft!.value).toBeGreaterThanOrEqual(ttft!.boundValue!);
    expect(throughput!.value).toBeLessThanOrEqual(throughput!.boundValue! * (1 + 1e-9));
    expect(latency!.explanation).toMatch(/from predicted prefill/);
  });

  it('answers each query of a batch as it would alone (shared rooflines and phases never mix workloads)', async () => {
    // A stand-in whose efficiency depends on batch, device bandwidth and model size, so a mix-up would show.
    const at = (name: string) => FEATURE_NAMES.indexOf(name);
    const sensitive: EfficiencyModel = {
      predict: (x, rows) =>
        Float32Array.from({ length: rows * 3 }, (_, i) => {
          const r = Math.floor(i / 3) * FEATURE_COUNT;
          const y =
            -0.2 -
            0.07 * x[r + at('log2_batch')]! -
            0.1 * x[r + at('log_bw_gbs')]! -
            0.05 * x[r + at('log_params')]!;
          return y + [-0.3, 0, 0.3][i % 3]!;
        }),
    };
    // Memo keys alone: with the consistency pass, company in a batch legitimately moves answers.
    const engine = new PredictionEngine({ manifest, model: sensitive, consistency: false });
    // Same id as Llama-2-7B, twice the size: a custom model must not share the catalog model's entries.
    const bigger = { ...LLAMA2_7B, params_m: LLAMA2_7B.params_m! * 2, layers: LLAMA2_7B.layers! * 2 };
    // As the app builds queries: one catalog row per model, shared by the workload and the query.
    const queries: Query[] = [];
    const rows = [LLAMA2_7B, bigger].map((m) => asModel(m));
    for (const row of rows)
      for (const hw of [H100, A100])
        for (const batch of [1, 4])
          for (const metric of ['throughput', 'latency_ms', 'ttft_ms', 'memory_mb'] as Metric[])
            queries.push({
              workload: {
                model: row,
                mode: 'inference',
                batch,
                precision: 'fp16',
                nDevices: 1,
                promptTokens: 128,
                genTokens: 32,
              },
              hw,
              model: row,
              metric,
            });
    queries.push(
      query(A100, 'throughput'),
      query(A100, 'latency_ms'),
      query(A100, 'throughput', { batch: 8 }),
    );
    const together = await engine.predictMany(queries);
    const alone = await Promise.all(queries.map((q) => engine.predict(q)));
    expect(together).toEqual(alone);
    // Every timing differs (memory does not depend on the device, so it is left out).
    const values = together.flatMap((p) =>
      p.ok && p.metric !== 'memory_mb' ? [p.value.toPrecision(8)] : [],
    );
    expect(values).toHaveLength(27);
    expect(new Set(values).size).toBe(values.length);
  });

  it('keeps benchmark-scenario rows (MLPerf Server TPOT) as their own metric', async () => {
    const engine = new PredictionEngine({ manifest, model: fixed(-3, -2, -1) });
    const p = await engine.predict({
      ...query(H100, 'tpot_ms', { batch: 64 }, LLAMA2_7B),
      scenario: 'Server/99',
    });
    expect(p).toMatchObject({ ok: true, layer: 'learned' });
  });
});
