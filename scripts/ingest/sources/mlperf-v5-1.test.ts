import { describe, expect, it } from 'vitest';
import { readJson } from '../read.ts';
import type { MlperfSummaryRow } from './mlperf-common.ts';
import { source } from './mlperf-v5-1.ts';
import { checkSource, parseOnce, RAW_ROOT, rawPresent, rowsAt } from './testing-raw.ts';

const parsed = parseOnce(source);
const SUM = 'mlperf-inference-v5.1/summary_results.json';
const LOG = 'mlperf-inference-v5.1/mlperf_log_summary_parsed.csv';

describe.skipIf(!rawPresent('mlperf-inference-v5.1'))('mlperf-inference-v5.1 source', () => {
  it('accounts for every summary row and log', () => {
    const r = parsed();
    expect(r.read).toBe(1448 + 1449);
    expect(r.rows).toHaveLength(1529);
    expect(r.drops).toHaveLength(1905);
    checkSource(source, r, [LOG]);
    const sum = readJson<MlperfSummaryRow[]>(RAW_ROOT, SUM);
    for (const x of r.rows.filter((y) => y.source_file === SUM))
      expect(sum[x.source_row - 1]?.Performance_Result).toBe(x.value);
  });

  it('matches hand-checked results and drops derived rows', () => {
    const r = parsed();
    expect(rowsAt(r, SUM, 4)[0]).toMatchObject({
      hardware: 'AMD Instinct MI300X 192GB HBM3',
      n_devices: 8,
      scenario: 'Interactive/99.9/closed',
      value: 8840.42,
      unit: 'tokens/s',
    });
    expect(rowsAt(r, SUM, 221)[0]).toMatchObject({
      hardware: '13th Gen Intel(R) Core(TM) i9-13900K',
      metric: 'latency_ms',
      value: 57.734265,
      scenario: 'MultiStream/closed/p99',
    });
    expect(r.drops.find((d) => d.source_file === SUM && d.source_row === 204)?.reason).toMatch(
      /^derived: inferred/,
    );
    expect(r.drops.filter((d) => d.source_file === SUM && d.reason.startsWith('derived'))).toHaveLength(536);
    expect(r.drops.find((d) => d.source_file === SUM && d.source_row === 403)?.reason).toMatch(
      /^heterogeneous/,
    );
  });
});
