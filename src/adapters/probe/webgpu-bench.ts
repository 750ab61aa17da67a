/// <reference types="@webgpu/types" />
/**
 * WebGPU microbenchmarks: a tiled (16×16 workgroup-shared-memory) matmul in fp32 and fp16, and a vec4 copy
 * kernel for memory bandwidth. GPU timestamp queries where the device has them, else wall clock around submit
 * + `onSubmittedWorkDone()`. Runs in the lab worker.
 */
import type { BenchmarkId, BenchmarkResult } from '../../core/lab/types.ts';
import {
  adaptiveRun,
  checkMatmulSamples,
  copyGbps,
  errorText,
  formatBytes,
  fromHalfBits,
  matmulGflops,
  measured,
  repStats,
  samplePositions,
  toHalfBits,
  unmeasured,
  type StageFn,
} from './bench-math.ts';
import { adapterOptions, readAdapterInfo } from './webgpu.ts';

const TILE = 16;

/** An opened device and what it can do. */
export interface GpuBench {
  device: GPUDevice;
  ranOn: string;
  timestamps: boolean;
  f16: boolean;
  maxCopyBytes: number;
}

/** "google swiftshader (fallback adapter)" from the adapter info. */
export function adapterLabel(info: {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}): string {
  const name =
    [info.vendor, info.architecture].filter(Boolean).join(' ') || info.description || 'unnamed adapter';
  return info.isFallbackAdapter ? `${name} (fallback adapter)` : name;
}

/** Open a device on the high-performance adapter, else the low-power one, else the fallback; or why not. */
export async function openGpu(gpu: GPU | undefined): Promise<GpuBench | string> {
  if (!gpu) return 'no WebGPU (navigator.gpu is missing in the worker)';
  let adapter: GPUAdapter | null = null;
  const errors: string[] = [];
  for (const request of ['high-performance', 'low-power', 'fallback'] as const) {
    try {
      adapter = await gpu.requestAdapter(adapterOptions(request));
    } catch (err) {
      errors.push(errorText(err));
    }
    if (adapter) break;
  }
  if (!adapter) return `no WebGPU adapter (${errors[0] ?? 'requestAdapter() returned null'})`;
  const info = await readAdapterInfo(adapter);
  const wanted: GPUFeatureName[] = [];
  const timestamps = adapter.features.has('timestamp-query');
  const f16 = adapter.features.has('shader-f16');
  if (timestamps) wanted.push('timestamp-query');
  if (f16) wanted.push('shader-f16');
  const maxBuffer = adapter.limits.maxBufferSize;
  const maxBinding = adapter.limits.maxStorageBufferBindingSize;
  try {
    const device = await adapter.requestDevice({
      requiredFeatures: wanted,
      requiredLimits: { maxBufferSize: maxBuffer, maxStorageBufferBindingSize: maxBinding },
    });
    return {
      device,
      ranOn: adapterLabel(info),
      timestamps: device.features.has('timestamp-query'),
      f16: device.features.has('shader-f16'),
      maxCopyBytes: Math.min(maxBuffer, maxBinding),
    };
  } catch (err) {
    return `requestDevice() failed: ${errorText(err)}`;
  }
}

/** WGSL of the tiled matmul for `f32` or `f16` (n a multiple of the tile). */
export function matmulShader(type: 'f32' | 'f16'): string {
  return /* wgsl */ `${type === 'f16' ? 'enable f16;\n' : ''}
struct Dims { n: u32 }
@group(0) @binding(0) var<storage, read> A: array<${type}>;
@group(0) @binding(1) var<storage, read> B: array<${type}>;
@group(0) @binding(2) var<storage, read_write> C: array<${type}>;
@group(0) @binding(3) var<uniform> dims: Dims;
var<workgroup> tileA: array<array<${type}, ${TILE}>, ${TILE}>;
var<workgroup> tileB: array<array<${type}, ${TILE}>, ${TILE}>;

@compute @workgroup_size(${TILE}, ${TILE})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let n = dims.n;
  let row = gid.y;
  let col = gid.x;
  var acc = ${type}(0);
  for (var t = 0u; t < n / ${TILE}u; t++) {
    tileA[lid.y][lid.x] = A[row * n + t * ${TILE}u + lid.x];
    tileB[lid.y][lid.x] = B[(t * ${TILE}u + lid.y) * n + col];
    workgroupBarrier();
    for (var k = 0u; k < ${TILE}u; k++) {
      acc += tileA[lid.y][k] * tileB[k][lid.x];
    }
    workgroupBarrier();
  }
  C[row * n + col] = acc;
}
`;
}

const COPY_WORKGROUP = 256;

/** WGSL of the grid-stride vec4<f32> copy. */
export const COPY_SHADER = /* wgsl */ `
@group(0) @binding(0) var<storage, read> src: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<f32>>;

@compute @workgroup_size(${COPY_WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let count = arrayLength(&src);
  let stride = groups.x * ${COPY_WORKGROUP}u;
  for (var i = gid.x; i < count; i += stride) {
    dst[i] = src[i];
  }
}
`;

/** Times one compute dispatch: GPU timestamps when `timer` is given and they read sane, else wall clock. */
class DispatchTimer {
  private readonly querySet: GPUQuerySet | null;
  private readonly resolve: GPUBuffer | null;
  private readonly read: GPUBuffer | null;
  /** Whether the timestamps read sane so far (decided on the first run). */
  useTimestamps: boolean;

  constructor(
    private readonly device: GPUDevice,
    timestamps: boolean,
  ) {
    this.useTimestamps = timestamps;
    this.querySet = timestamps ? device.createQuerySet({ type: 'timestamp', count: 2 }) : null;
    this.resolve = timestamps
      ? device.createBuffer({ size: 16, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC })
      : null;
    this.read = timestamps
      ? device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST })
      : null;
  }

  async time(pipeline: GPUComputePipeline, bindGroup: GPUBindGroup, x: number, y: number): Promise<number> {
    const encoder = this.device.createCommandEncoder();
    const stamp = this.useTimestamps && this.querySet && this.resolve && this.read;
    const pass = encoder.beginComputePass(
      stamp && this.querySet
        ? {
            timestampWrites: {
              querySet: this.querySet,
              beginningOfPassWriteIndex: 0,
              endOfPassWriteIndex: 1,
            },
          }
        : {},
    );
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(x, y);
    pass.end();
    if (stamp && this.querySet && this.resolve && this.read) {
      encoder.resolveQuerySet(this.querySet, 0, 2, this.resolve, 0);
      encoder.copyBufferToBuffer(this.resolve, 0, this.read, 0, 16);
    }
    const t0 = performance.now();
    this.device.queue.submit([encoder.finish()]);
    await this.device.queue.onSubmittedWorkDone();
    const wall = performance.now() - t0;
    if (!stamp || !this.read) return wall;
    await this.read.mapAsync(GPUMapMode.READ);
    const [begin = 0n, end = 0n] = new BigUint64Array(this.read.getMappedRange().slice(0));
    this.read.unmap();
    const ms = Number(end - begin) / 1e6;
    // Timestamps that read zero or run backwards (some software adapters) cannot be trusted: wall clock.
    if (!(ms > 0) || ms > wall * 10 + 1000) {
      this.useTimestamps = false;
      return wall;
    }
    return ms;
  }

  destroy(): void {
    this.querySet?.destroy();
    this.resolve?.destroy();
    this.read?.destroy();
  }
}

/** Deterministic pseudo-random numbers (mulberry32) so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function checkedPipeline(device: GPUDevice, code: string): Promise<GPUComputePipeline> {
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ code });
  const pipeline = await device.createComputePipelineAsync({
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
  });
  const error = await device.popErrorScope();
  if (error) throw new Error(`shader rejected: ${error.message}`);
  return pipeline;
}

async function readBack(device: GPUDevice, buffer: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
  const read = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(buffer, 0, read, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const copy = read.getMappedRange().slice(0);
  read.unmap();
  read.destroy();
  return copy;
}

/** The tiled matmul benchmark in fp32 or fp16 on an opened device. */
export async function benchGpuMatmul(
  gpu: GpuBench,
  type: 'f32' | 'f16',
  budgetMs: number,
  stage: StageFn,
): Promise<BenchmarkResult> {
  const id: BenchmarkId = type === 'f32' ? 'webgpu-matmul-fp32' : 'webgpu-matmul-fp16';
  if (type === 'f16' && !gpu.f16)
    return unmeasured(id, 'skipped', "the adapter has no 'shader-f16' feature", { ranOn: gpu.ranOn });
  const { device } = gpu;
  const pipeline = await checkedPipeline(device, matmulShader(type));
  const timer = new DispatchTimer(device, gpu.timestamps);
  const bytesPer = type === 'f32' ? 4 : 2;
  const random = seededRandom(type === 'f32' ? 1 : 2);
  let buffers: GPUBuffer[] = [];
  let bindGroup: GPUBindGroup | null = null;
  let hostA = new Float32Array(0);
  let hostB = new Float32Array(0);
  const upload = (values: Float32Array<ArrayBuffer>): GPUBuffer => {
    const buffer = device.createBuffer({
      size: values.length * bytesPer,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    const data = type === 'f32' ? values : Uint16Array.from(values, (v) => toHalfBits(v));
    device.queue.writeBuffer(buffer, 0, data);
    return buffer;
  };
  // fp32: uniform in [-1, 1); fp16: -1, 0 or 1, whose sums stay exact in half precision.
  const value = (): number => (type === 'f32' ? random() * 2 - 1 : Math.floor(random() * 3) - 1);
  try {
    const outcome = await adaptiveRun({
      start: 128,
      policy: { targetMs: 100, max: 2048, costFactor: 8 },
      budgetMs,
      now: () => performance.now(),
      onSize: (n) => stage(`${n}×${n}×${n} ${type}`, Math.log2(n / 64) / 5),
      prepare: (n) => {
        for (const b of buffers) b.destroy();
        hostA = Float32Array.from({ length: n * n }, value);
        hostB = Float32Array.from({ length: n * n }, value);
        const c = device.createBuffer({
          size: n * n * bytesPer,
          usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
        });
        const dims = device.createBuffer({
          size: 16,
          usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
        });
        device.queue.writeBuffer(dims, 0, new Uint32Array([n, 0, 0, 0]));
        buffers = [upload(hostA), upload(hostB), c, dims];
        bindGroup = device.createBindGroup({
          layout: pipeline.getBindGroupLayout(0),
          entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
        });
      },
      run: (n) => {
        if (!bindGroup) throw new Error('no bind group');
        return timer.time(pipeline, bindGroup, n / TILE, n / TILE);
      },
    });
    const n = outcome.size;
    const out = buffers[2];
    let verified: boolean | null = null;
    if (out) {
      const raw = await readBack(device, out, n * n * bytesPer);
      const c = type === 'f32' ? new Float32Array(raw) : Array.from(new Uint16Array(raw), fromHalfBits);
      verified = checkMatmulSamples(
        hostA,
        hostB,
        c,
        n,
        samplePositions(n),
        type === 'f32' ? { abs: 1e-3, rel: 1e-3 } : { abs: 0.5, rel: 1e-3 },
      );
    }
    return measured({
      id,
      stats: repStats(outcome.times),
      rate: (ms) => matmulGflops(n, ms),
      timing: timer.useTimestamps ? 'timestamp-query' : 'wall-clock',
      size: `${n}×${n}×${n} ${type === 'f32' ? 'fp32' : 'fp16'}, ${TILE}×${TILE} tiles`,
      ranOn: gpu.ranOn,
      verified,
      note:
        gpu.timestamps && !timer.useTimestamps ? 'timestamp queries read unusable; wall clock used' : null,
    });
  } finally {
    for (const b of buffers) b.destroy();
    timer.destroy();
  }
}

/** The largest power-of-two copy size, bytes, within the device's limits and `cap`. */
export function copyCapBytes(maxBytes: number, cap = 256 * 1024 ** 2): number {
  const limit = Math.min(maxBytes, cap);
  let size = 1024 ** 2;
  while (size * 2 <= limit) size *= 2;
  return size;
}

/** The copy-kernel bandwidth benchmark on an opened device. */
export async function benchGpuCopy(
  gpu: GpuBench,
  budgetMs: number,
  stage: StageFn,
): Promise<BenchmarkResult> {
  const { device } = gpu;
  const pipeline = await checkedPipeline(device, COPY_SHADER);
  const timer = new DispatchTimer(device, gpu.timestamps);
  const max = copyCapBytes(gpu.maxCopyBytes);
  const maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
  let buffers: GPUBuffer[] = [];
  let bindGroup: GPUBindGroup | null = null;
  try {
    const outcome = await adaptiveRun({
      start: Math.min(16 * 1024 ** 2, max),
      policy: { targetMs: 50, max, costFactor: 2 },
      budgetMs,
      now: () => performance.now(),
      onSize: (bytes) => stage(`${formatBytes(bytes)} copy`, Math.log2(bytes / (8 * 1024 ** 2)) / 5),
      prepare: (bytes) => {
        for (const b of buffers) b.destroy();
        const src = device.createBuffer({
          size: bytes,
          usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
        });
        const dst = device.createBuffer({
          size: bytes,
          usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
        });
        buffers = [src, dst];
        bindGroup = device.createBindGroup({
          layout: pipeline.getBindGroupLayout(0),
          entries: [
            { binding: 0, resource: { buffer: src } },
            { binding: 1, resource: { buffer: dst } },
          ],
        });
      },
      run: (bytes) => {
        if (!bindGroup) throw new Error('no bind group');
        const groups = Math.min(Math.ceil(bytes / 16 / COPY_WORKGROUP), maxGroups, 16384);
        return timer.time(pipeline, bindGroup, groups, 1);
      },
    });
    const bytes = outcome.size;
    return measured({
      id: 'webgpu-copy',
      stats: repStats(outcome.times),
      rate: (ms) => copyGbps(bytes, ms),
      timing: timer.useTimestamps ? 'timestamp-query' : 'wall-clock',
      size: `${formatBytes(bytes)} copy, vec4<f32>`,
      ranOn: gpu.ranOn,
      verified: null,
      note: 'GB/s counts each byte read and written (2 × size / time)',
    });
  } finally {
    for (const b of buffers) b.destroy();
    timer.destroy();
  }
}
