import { describe, expect, it } from 'vitest';
import { checkSource, parseOnce, rawPresent, rowsAt } from './testing-raw.ts';
import { source } from './tfjs-wasm-backend-bench.ts';

const parsed = parseOnce(source);
const F = 'tfjs-wasm-backend-bench/tfjs_wasm_webgl_js_latency.csv';

describe.skipIf(!rawPresent('tfjs-wasm-backend-bench'))('tfjs backend benchmark source', () => {
  it('keeps identified devices only', () => {
    const r = parsed();
    expect(r.read).toBe(65);
    expect(r.rows).toHaveLength(35);
    expect(r.drops.filter((d) => d.reason === 'device not identified')).toHaveLength(16);
    expect(r.drops.filter((d) => d.reason.startsWith('N/A'))).toHaveLength(14);
    expect(r.drops).toContainEqual({ source_file: F, source_row: 51, reason: 'device not identified' });
    checkSource(source, r, [F]);
  });

  it('matches hand-checked records', () => {
    const r = parsed();
    expect(rowsAt(r, F, 14, 'latency_ms')[0]).toMatchObject({
      hardware: 'Pixel 4',
      model: 'MobileNet V2',
      value: 82,
      runtime: 'TensorFlow.js WASM + SIMD / Chrome 79',
    });
    expect(rowsAt(r, F, 49, 'latency_ms')[0]).toMatchObject({ model: 'Face Detector', value: 15.9 });
  });
});
