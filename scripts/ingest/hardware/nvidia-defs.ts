/** Shorthands shared by the NVIDIA client device lists. */
import { fact, type DeviceDef, type Fact } from './device-types.ts';

export const NV = 'vendor-datasheet:nvidia';

type Gpu = Omit<DeviceDef, 'vendor' | 'kind' | 'segment'>;

export const nvidiaGpu = (segment: string, d: Gpu): DeviceDef => ({
  vendor: 'NVIDIA',
  kind: 'gpu',
  segment,
  ...d,
});
export const ws = (d: Gpu): DeviceDef => nvidiaGpu('workstation', d);
export const gf = (d: Gpu): DeviceDef => nvidiaGpu('consumer', d);
export const lp = (d: Gpu): DeviceDef => nvidiaGpu('laptop', d);

/** Blackwell: FP4 sparse AI TOPS -> FP4 dense (/2), FP8 dense (/4), FP16 dense (/8). */
export const fromFp4Sparse = (tops: number, doc: string): Fact[] => [
  fact('fp16_tflops', tops / 8, `derived:${NV} ${doc}: FP4 sparse ${tops} AI TOPS ÷ 8`),
  fact('fp8_tflops', tops / 4, `derived:${NV} ${doc}: FP4 sparse ${tops} AI TOPS ÷ 4`),
  fact('fp4_tflops', tops / 2, `derived:${NV} ${doc}: FP4 sparse ${tops} AI TOPS ÷ 2`),
];

/** The note that goes with fromFp4Sparse. */
export const fp4SparseNote = (what: string, tops: number, doc = 'datasheet'): string =>
  `${what}: dense tensor peaks derived from the ${doc} ${tops} AI TOPS (effective FP4 with sparsity): FP4 dense = /2, FP8 dense = /4, FP16/BF16 dense = /8.`;
