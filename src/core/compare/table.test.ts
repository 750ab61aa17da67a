import { describe, expect, it } from 'vitest';
import { LLAMA2_7B, V100 } from '../roofline/fixtures.test-util.ts';
import { A100P, fakePredictions, H100P } from '../select/fixtures.test-util.ts';
import { planRanking, rankHardware, type RankRequest } from '../select/rank.ts';
import { boundText, compareCsv, compareLines, energyPerItem, type CompareEntry } from './table.ts';

const req: RankRequest = {
  workload: { model: LLAMA2_7B, mode: 'inference', batch: 1, promptTokens: 128, genTokens: 128 },
  candidates: [H100P, A100P],
  precision: 'fp16',
  objective: 'throughput',
};
const ranking = rankHardware(
  req,
  fakePredictions(planRanking(req).queries, {
    h100: {
      throughput: 120,
      latency_ms: 1000,
      memory_mb: 14000,
      ttft_ms: 20,
      tpot_ms: 8,
      decode_tokens_s: 125,
    },
    a100: {
      throughput: 80,
      latency_ms: 1500,
      memory_mb: 14000,
      ttft_ms: 40,
      tpot_ms: 12,
      decode_tokens_s: 83,
    },
  }),
);
const row = (id: string) => ranking.ranked.find((r) => r.hardware.id === id)!;
const entries: CompareEntry[] = [
  { hardware: A100P, row: row('a100'), reason: null },
  { hardware: H100P, row: row('h100'), reason: null },
  { hardware: { ...V100, price_usd: 9000 }, row: null, reason: 'fp16: needs 2 devices' },
];

describe('compareLines', () => {
  const lines = compareLines(entries);
  const line = (key: string) => lines.find((l) => l.key === key)!;

  it('one cell per device, in order, with predictions and their intervals', () => {
    for (const l of lines) expect(l.cells).toHaveLength(3);
    const thr = line('throughput');
    expect(thr.unit).toBe('tokens/s');
    expect(thr.cells.map((c) => c.text)).toEqual(['80', '120', '–']);
    expect(thr.cells[1]!.interval).toBe('96–144');
    expect(thr.best).toBe(1);
    expect(line('latency_ms').best).toBe(1);
    expect(line('memory_mb').cells[0]!.text).toBe('14');
  });

  it("names each prediction's layer with its evidence level, for the held-out error link", () => {
    const l = line('layer');
    expect(l.cells.slice(0, 2).map((c) => c.text)).toEqual([row('a100').layer, row('h100').layer]);
    expect(l.cells[0]!.evidence).toBe(row('a100').evidence);
    expect(row('a100').evidence).toMatch(/^[a-z]/);
    expect(l.cells[2]!.evidence).toBeUndefined();
  });

  it('says why a device cannot run it and still shows its catalog facts', () => {
    expect(line('runs').cells[2]!.text).toBe('cannot run: fp16: needs 2 devices');
    expect(line('runs').cells[0]!.text).toBe('fp16 · fits on 1 device');
    expect(line('purchase').cells[2]!.text).toBe('$9,000');
    expect(line('bandwidth').cells.map((c) => c.value)).toEqual([2039, 3350, V100.mem_bw_gbs]);
  });

  it('cost per hour, per million tokens and energy per token', () => {
    expect(line('cloud').cells.map((c) => c.value)).toEqual([1.8, 3, null]);
    const perM = line('per-million');
    expect(perM.label).toBe('Cost per million tokens (cloud)');
    expect(perM.cells[1]!.value).toBeCloseTo((3 / (120 * 3600)) * 1e6);
    expect(line('energy').unit).toBe('J/token');
    expect(line('energy').cells[1]!.value).toBeCloseTo(700 / 120);
    expect(energyPerItem(row('h100'))).toBeCloseTo(700 / 120);
  });

  it('places the dominant phase on the roofline', () => {
    expect(boundText(row('h100'))).toMatch(/^decode: memory-bound \([\d.]+ FLOP\/B; ridge 295\)$/);
  });
});

describe('compareCsv', () => {
  it('one row per line; value, low and high per device', () => {
    const lines = compareLines(entries);
    const csv = compareCsv(entries, lines);
    expect(csv.columns.slice(0, 5)).toEqual(['line', 'unit', 'a100', 'a100_low', 'a100_high']);
    const thr = csv.rows.find((r) => r.line === 'Throughput')!;
    expect(thr).toMatchObject({ a100: 80, a100_low: 64, a100_high: 96, v100: null });
    expect(csv.rows.find((r) => r.line === 'Runs it?')!.v100).toBe('cannot run: fp16: needs 2 devices');
  });
});
