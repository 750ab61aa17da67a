/** Every measurement source the ingest reads, in report order. */
import type { MeasurementSource } from '../types.ts';
import { source as mlperfV41 } from './mlperf-v4-1.ts';
import { source as mlperfV51 } from './mlperf-v5-1.ts';
import { source as nvidiaDle } from './nvidia-dle.ts';
import { source as lambda } from './lambda.ts';
import { source as timm } from './timm.ts';
import { source as ryujaehun } from './pytorch-gpu-benchmark-ryujaehun.ts';
import { source as llamacpp } from './llamacpp-gpu-xiongjiedai.ts';
import { source as mlc } from './llm-perf-bench-mlc.ts';
import { source as whispercpp } from './whispercpp-bench.ts';
import { source as webgpuLlamacpp } from './webgpu-llamacpp-browser-bench.ts';
import { source as tfjsWasm } from './tfjs-wasm-backend-bench.ts';
import { source as anecdotes } from './browser-inference-anecdotes.ts';
import { source as trtllm } from './trtllm-perf-overview.ts';
import { source as rocm } from './rocm-inference-perf.ts';

export const MEASUREMENT_SOURCES: readonly MeasurementSource[] = [
  mlperfV41,
  mlperfV51,
  nvidiaDle,
  lambda,
  timm,
  ryujaehun,
  llamacpp,
  mlc,
  whispercpp,
  webgpuLlamacpp,
  tfjsWasm,
  anecdotes,
  trtllm,
  rocm,
];
