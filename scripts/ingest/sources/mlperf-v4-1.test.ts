import { describe, expect, it } from 'vitest';
import { readJson } from '../read.ts';
import type { MlperfSummaryRow } from './mlperf-common.ts';
import { source } from './mlperf-v4-1.ts';
import { checkSource, parseOnce, RAW_ROOT, rawPresent, rowsAt } from './testing-raw.ts';

const parsed = parseOnce(source);
const SUM = 'mlperf-inference-v4.1/summary_results.json';
const LOG = 'mlperf-inference-v4.1/mlperf_log_summary_parsed.csv';

describe.skipIf(!rawPresent('mlperf-inference-v4.1'))('mlperf-inference-v4.1 source', () => {
  it('accounts for every summary row and log', () => {
    const r = parsed();
    expect(r.read).toBe(937 + 937);
    expect(r.rows).toHaveLength(1024);
    expect(r.drops).toHaveLength(1030);
    checkSource(source, r, [LOG]);
    const sum = readJson<MlperfSummaryRow[]>(RAW_ROOT, SUM);
    for (const x of r.rows.filter((y) => y.source_file === SUM))
      expect(sum[x.source_row - 1]?.Performance_Result).toBe(x.value);
  });

  it('matches hand-checked results', () => {
    const r = parsed();
    expect(rowsAt(r, SUM, 3)[0]).toMatchObject({
      hardware: 'AMD Instinct MI300X-NPS1-SPX-192GB-750W',
      n_devices: 1,
      model: 'llama2-70b-99.9',
      scenario: 'Offline/99.9/closed',
      value: 3062.72,
      unit: 'tokens/s',
      precision: 'fp8',
    });
    expect(rowsAt(r, LOG, 2, 'ttft_ms').find((x) => x.scenario?.endsWith('ttft-p50'))).toMatchObject({
      value: 411053102,
      unit: 'ns',
    });
    expect(r.drops.find((d) => d.source_file === SUM && d.source_row === 1)?.reason).toMatch(
      /^duplicate of .*:3/,
    );
  });
});
