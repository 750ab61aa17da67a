import { describe, expect, it } from 'vitest';
import type { HardwareRow, Metric } from '../catalog/schema.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { A100, H100, LLAMA2_70B, LLAMA2_7B, V100 } from '../roofline/fixtures.test-util.ts';
import type { ModelArch } from '../roofline/workload.ts';
import { heavierPrecision, predictConsistent } from './consistency.ts';
import type { Prediction, Query } from './types.ts';

const asRow = (m: ModelArch) => ({ ...m, name: m.id, aliases: '', source: 'test', notes: null }) as never;
const query = (
  hw: HardwareRow,
  over: Partial<Query['workload']> = {},
  metric: Metric = 'decode_tokens_s',
): Query => {
  const model = (over.model ?? LLAMA2_7B) as ModelArch;
  return {
    workload: {
      model,
      mode: 'inference',
      batch: 1,
      precision: 'fp16',
      nDevices: 1,
      promptTokens: 512,
      genTokens: 128,
      ...over,
    },
    hw,
    model: asRow(model),
    metric,
  };
};
/** A raw predictor returning `pick(query)` × the bound, layer 'learned'. */
const rawFrom =
  (pick: (q: Query) => number) =>
  async (qs: readonly Query[]): Promise<Prediction[]> =>
    qs.map((q) => {
      const e = rooflineEstimate(q.workload, q.hw);
      if (!e.ok) return { ok: false, metric: q.metric, error: e.reason };
      const bound = e.metrics[q.metric]!;
      const v = bound * pick(q);
      return {
        ok: true,
        metric: q.metric,
        value: v,
        low: v / 2,
        high: v * 2,
        unit: 'tokens/s',
        layer: 'learned',
        bound: e.bound,
        boundValue: bound,
        explanation: 'test',
      };
    });
const est = (q: Query) => rooflineEstimate(q.workload, q.hw);
const value = (p: Prediction) => (p.ok ? p.value : NaN);

describe('predictConsistent', () => {
  it('never lets a device that dominates another be slower', async () => {
    // H100 dominates A100 (bandwidth and peak); a raw guess at 1% of H100's bound would put it far behind.
    const raw = rawFrom((q) => (q.hw.id === H100.id ? 0.01 : 0.5));
    const [h, a] = await predictConsistent([query(H100), query(A100)], raw, est);
    expect(value(h!)).toBeGreaterThanOrEqual(value(a!) * 0.9999);
    // Both moved toward each other (equal weights): neither kept its raw value.
    const [rh, ra] = await raw([query(H100), query(A100)]);
    expect(value(h!)).toBeGreaterThan(value(rh!));
    expect(value(a!)).toBeLessThan(value(ra!));
  });

  it('takes an answer scaled from your own rows of that device as measured: no spec comparison moves it', async () => {
    const base = rawFrom((q) => (q.hw.id === H100.id ? 0.01 : 0.5));
    const raw = async (qs: readonly Query[]) =>
      (await base(qs)).map((p, i) => (p.ok && qs[i]!.hw.id === H100.id ? { ...p, ownDevice: true } : p));
    const qs = [query(H100), query(A100)];
    const [rh, ra] = await raw(qs);
    const [h, a] = await predictConsistent(qs, raw, est);
    expect(value(h!)).toBe(value(rh!));
    expect(value(a!)).toBe(value(ra!));
  });

  it('takes a device a calibrated model was tuned on as measured: no spec comparison moves it or its peers', async () => {
    const raw = rawFrom((q) => (q.hw.id === H100.id ? 0.01 : 0.5));
    const qs = [query(H100), query(A100)];
    const [rh, ra] = await raw(qs);
    const [h, a] = await predictConsistent(qs, raw, est, [H100, A100, V100], new Set([H100.id]));
    expect(value(h!)).toBe(value(rh!));
    expect(value(a!)).toBe(value(ra!));
    // Devices not in your data are still compared (A100 dominates V100).
    const low = rawFrom((q) => (q.hw.id === A100.id ? 0.01 : 0.5));
    const [a2, v2] = await predictConsistent([query(A100), query(V100)], low, est, [], new Set([H100.id]));
    expect(value(a2!)).toBeGreaterThanOrEqual(value(v2!) * 0.9999);
  });

  it('keeps throughput non-decreasing and at most doubling when the batch doubles', async () => {
    const raw = rawFrom((q) => (q.workload.batch === 8 ? 0.05 : 0.6));
    const qs = [1, 2, 4, 8, 16].map((batch) => query(H100, { batch }));
    const out = (await predictConsistent(qs, raw, est)).map(value);
    for (let i = 1; i < out.length; i++) {
      expect(out[i]!).toBeGreaterThanOrEqual(out[i - 1]! * 0.9999);
      expect(out[i]!).toBeLessThanOrEqual(out[i - 1]! * 2 * 1.0001);
    }
  });

  it('makes fewer bytes per weight faster on memory-bound decode, and a larger model of a family never faster', async () => {
    const raw = rawFrom((q) =>
      q.workload.precision === 'fp8' ? 0.1 : q.workload.model === LLAMA2_70B ? 0.9 : 0.2,
    );
    const [f8, f16] = await predictConsistent([query(H100, { precision: 'fp8' }), query(H100)], raw, est);
    expect(value(f8!)).toBeGreaterThanOrEqual(1.3 * value(f16!) * 0.9999);
    const [small, big] = await predictConsistent(
      [query(H100, { nDevices: 2 }), query(H100, { model: LLAMA2_70B, nDevices: 2 })],
      raw,
      est,
    );
    expect(value(big!)).toBeLessThanOrEqual(value(small!) * 1.0001);
  });

  it('compares a small call with the catalog devices it dominates', async () => {
    const raw = rawFrom((q) => (q.hw.id === H100.id ? 0.01 : 0.6));
    const [alone] = await predictConsistent([query(H100)], raw, est, [H100, A100, V100]);
    const [rv] = await raw([query(V100)]);
    expect(value(alone!)).toBeGreaterThan(value(rv!) * 0.5);
  });

  it('never moves a prediction past its roofline bound and leaves errors alone', async () => {
    const raw = rawFrom(() => 1);
    const out = await predictConsistent(
      [query(H100), query(A100), query(V100, { precision: 'fp8' })],
      raw,
      est,
    );
    for (const p of out) if (p.ok) expect(p.value).toBeLessThanOrEqual(p.boundValue! * 1.0000001);
    expect(out[2]!.ok).toBe(false);
    expect(heavierPrecision('q4_k_m')).toBe('q8_0');
    expect(heavierPrecision('fp16')).toBeNull();
  });
});
