/**
 * The pure arithmetic of the browser microbenchmarks: rates from timings, adaptive problem sizes, repetition
 * statistics and result records. No browser APIs, so it is unit-tested in Node.
 */
import { BENCHMARK_IDS, type BenchmarkId, type BenchmarkResult } from '../../core/lab/types.ts';

/** GFLOPS of an n×n×n matmul (2·n³ floating-point operations) that took `ms` milliseconds. */
export function matmulGflops(n: number, ms: number): number {
  if (!(ms > 0) || !(n > 0)) return 0;
  return (2 * n ** 3) / (ms * 1e6);
}

/** GB/s of a copy of `bytes` bytes (each byte read once and written once) that took `ms` milliseconds. */
export function copyGbps(bytes: number, ms: number): number {
  if (!(ms > 0) || !(bytes > 0)) return 0;
  return (2 * bytes) / (ms * 1e6);
}

/** Median of the values (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return hi;
  return ((sorted[mid - 1] ?? Number.NaN) + hi) / 2;
}

/** How a benchmark grows its problem size. */
export interface GrowthPolicy {
  /** Keep growing while one run takes less than this, ms. */
  targetMs: number;
  /** Largest size. */
  max: number;
  /** How the run time scales when the size doubles (8 for an n³ matmul, 2 for a linear copy). */
  costFactor: number;
}

/**
 * The next size to try after a run of `size` took `lastMs`, or null to stay: stop once a run reaches the
 * target, at the largest size, or when the doubled run (predicted by the cost factor) would not fit in what is
 * left of the benchmark's budget (`remainingMs`, with room for a few timed repetitions).
 */
export function nextSize(
  size: number,
  lastMs: number,
  remainingMs: number,
  policy: GrowthPolicy,
): number | null {
  if (lastMs >= policy.targetMs) return null;
  if (size * 2 > policy.max) return null;
  const predicted = Math.max(lastMs, 0.01) * policy.costFactor;
  // The doubled size needs one warm-up run and at least two timed ones.
  if (predicted * 3 > remainingMs) return null;
  return size * 2;
}

/** Summary of timed repetitions: best and median, ms. */
export interface RepStats {
  bestMs: number;
  medianMs: number;
  reps: number;
}

/** Best and median of the repetition times. */
export function repStats(times: readonly number[]): RepStats {
  return {
    bestMs: times.length ? Math.min(...times) : Number.NaN,
    medianMs: median(times),
    reps: times.length,
  };
}

/** The unit each benchmark reports in. */
export function unitOf(id: BenchmarkId): BenchmarkResult['unit'] {
  return id.endsWith('-copy') ? 'GB/s' : 'GFLOPS';
}

/** A result that was not measured (skipped, failed or cancelled), with the reason. */
export function unmeasured(
  id: BenchmarkId,
  status: Exclude<BenchmarkResult['status'], 'ok'>,
  note: string,
  extra: Partial<Pick<BenchmarkResult, 'size' | 'ranOn'>> = {},
): BenchmarkResult {
  return {
    id,
    status,
    value: null,
    unit: unitOf(id),
    bestMs: null,
    medianMs: null,
    reps: 0,
    timing: null,
    size: extra.size ?? '',
    ranOn: extra.ranOn ?? '',
    verified: null,
    note,
  };
}

/** A measured result: the rate comes from the BEST repetition (the least disturbed one). */
export function measured(args: {
  id: BenchmarkId;
  stats: RepStats;
  /** Rate from a time in ms (e.g. `ms => matmulGflops(n, ms)`). */
  rate: (ms: number) => number;
  timing: BenchmarkResult['timing'];
  size: string;
  ranOn: string;
  verified: boolean | null;
  note?: string | null;
}): BenchmarkResult {
  const { id, stats } = args;
  return {
    id,
    status: 'ok',
    value: round(args.rate(stats.bestMs), 4),
    unit: unitOf(id),
    bestMs: round(stats.bestMs, 4),
    medianMs: round(stats.medianMs, 4),
    reps: stats.reps,
    timing: args.timing,
    size: args.size,
    ranOn: args.ranOn,
    verified: args.verified,
    note: args.note ?? null,
  };
}

/** Round to `digits` significant digits (keeps tiny software-adapter rates readable). */
export function round(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** "64 MiB", "512 KiB": a byte count for a size label. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${round(bytes / 1024 ** 2, 4)} MiB`;
  return `${round(bytes / 1024, 4)} KiB`;
}

/**
 * The report's results in benchmark order: the finished ones as they came, every other benchmark with
 * `status` and `note` (cancelled by the user or the budget, or failed because the worker died).
 */
export function completeResults(
  finished: readonly BenchmarkResult[],
  status: Exclude<BenchmarkResult['status'], 'ok'>,
  note: string,
): BenchmarkResult[] {
  const byId = new Map(finished.map((r) => [r.id, r] as const));
  return BENCHMARK_IDS.map((id) => byId.get(id) ?? unmeasured(id, status, note));
}

/** Check entries of a computed matmul against a CPU dot product: |got − want| ≤ abs + rel·|want|. */
export function checkMatmulSamples(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: ArrayLike<number>,
  n: number,
  samples: ReadonlyArray<readonly [number, number]>,
  tolerance: { abs: number; rel: number },
): boolean {
  for (const [i, j] of samples) {
    let want = 0;
    for (let k = 0; k < n; k++) want += (a[i * n + k] ?? 0) * (b[k * n + j] ?? 0);
    const got = c[i * n + j] ?? Number.NaN;
    if (!(Math.abs(got - want) <= tolerance.abs + tolerance.rel * Math.abs(want))) return false;
  }
  return true;
}

/** A handful of (row, column) positions spread over an n×n output, corners included. */
export function samplePositions(n: number): Array<[number, number]> {
  const last = n - 1;
  const mid = Math.floor(n / 2);
  return [
    [0, 0],
    [0, last],
    [last, 0],
    [last, last],
    [mid, mid],
    [Math.floor(n / 3), Math.floor((2 * n) / 3)],
    [Math.floor((3 * n) / 4), 1 % n],
  ];
}

/** "Name: message" of anything thrown (DOMException, Error, a string...). */
export function errorText(err: unknown): string {
  if (err && typeof err === 'object') {
    const name = 'name' in err && typeof err.name === 'string' ? err.name : 'Error';
    const message = 'message' in err && typeof err.message === 'string' ? err.message : String(err);
    return `${name}: ${message}`;
  }
  return `Error: ${String(err)}`;
}

/** IEEE half-precision bits of a float (round to nearest even; overflow to infinity). */
export function toHalfBits(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rem > halfway || (rem === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && half & 1)) half++;
  e = half >>> 10;
  return sign | (e >= 0x1f ? 0x7c00 : half);
}

/** The float a half-precision bit pattern stands for. */
export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? Number.NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Progress callback: a stage line and the fraction of this benchmark done (0..1). */
export type StageFn = (stage: string, fraction: number) => void;

/** What an adaptive run settled on: the size and the timed repetitions there, ms. */
export interface AdaptiveOutcome {
  size: number;
  times: number[];
}

/**
 * Grow a problem until one run is measurable, then time repetitions at that size, all within `budgetMs`:
 * at each size `prepare` (allocate), one warm-up run (compile, first touch), one timed run that decides
 * whether to double (see {@link nextSize}); at the final size up to `maxReps` more timed runs while the
 * budget lasts. `run` returns the milliseconds of one run (its own clock: wall or GPU timestamps).
 */
export async function adaptiveRun(opts: {
  start: number;
  policy: GrowthPolicy;
  budgetMs: number;
  now: () => number;
  prepare: (size: number) => Promise<void> | void;
  run: (size: number) => Promise<number>;
  onSize?: (size: number) => void;
  maxReps?: number;
}): Promise<AdaptiveOutcome> {
  const t0 = opts.now();
  const left = (): number => opts.budgetMs - (opts.now() - t0);
  const maxReps = opts.maxReps ?? 7;
  let size = opts.start;
  opts.onSize?.(size);
  await opts.prepare(size);
  await opts.run(size);
  let times = [await opts.run(size)];
  for (;;) {
    const next = nextSize(size, times[0] ?? 0, left(), opts.policy);
    if (next === null) break;
    size = next;
    opts.onSize?.(size);
    await opts.prepare(size);
    await opts.run(size);
    times = [await opts.run(size)];
  }
  const perRun = Math.max(...times);
  while (times.length < maxReps && left() > perRun * 1.2) times.push(await opts.run(size));
  return { size, times };
}
