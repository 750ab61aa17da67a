/**
 * Which software stack a prediction assumes. `auto` picks the runtime most typical in the snapshot for the
 * device kind, the model's kind and the precision; a GGUF precision implies llama.cpp. Every answer names it.
 */
import { isGgufKind } from '../catalog/normalize.ts';
import { RUNTIME_LABELS, runtimeForModel, type RuntimeClass } from '../catalog/runtime.ts';
import type { HardwareRow, MeasurementRow, Mode, ModelRow } from '../catalog/schema.ts';
import { precisionInfo } from '../roofline/precision.ts';
import { isGenerative } from '../roofline/workload.ts';

export interface RuntimeDecision {
  runtime: RuntimeClass;
  /** Why this runtime: the user's choice, the GGUF rule, or the evidence it is typical. */
  why: string;
}

type DeviceLike = Pick<HardwareRow, 'id' | 'kind' | 'vendor'>;
type ModelLike = Pick<ModelRow, 'architecture' | 'modality' | 'family'>;

/** The model kinds runtimes specialize in. */
export function modelKind(m: ModelLike): 'llm' | 'vision' | 'encoder' | 'audio' | 'other' {
  if (m.modality === 'audio') return 'audio';
  if (isGenerative(m)) return 'llm';
  if (/cnn|vit/.test(m.architecture) || m.modality === 'vision') return 'vision';
  if (/encoder/.test(m.architecture)) return 'encoder';
  return 'other';
}

/** 16-bit floats and AMP count as one precision class, as the engine's references do. */
function precisionClass(p: string): string {
  const info = precisionInfo(p);
  if (!info) return p;
  if (isGgufKind(p)) return 'gguf';
  if (info.weightOnly) return `w${Math.round(info.weightBits)}`;
  return info.activationBytes === 2 ? 'f16' : info.compute.join('/');
}

const deviceClass = (hw: DeviceLike) => `${hw.kind}|${hw.vendor.toLowerCase()}`;

/** llama.cpp's backend for a device: Metal on Apple, ROCm on AMD GPUs, SYCL on Intel GPUs, CPU on CPUs. */
export function llamaCppFor(hw: DeviceLike): RuntimeClass {
  const v = hw.vendor.toLowerCase();
  if (hw.kind === 'browser') return 'llama.cpp-wasm';
  if (hw.kind === 'cpu' || hw.kind === 'npu') return 'llama.cpp-cpu';
  if (v === 'apple') return 'llama.cpp-metal';
  if (v === 'amd') return 'llama.cpp-rocm';
  if (v === 'intel') return 'llama.cpp-sycl';
  return 'llama.cpp-cuda';
}

/** When the snapshot has no row of a device class × model kind × precision: the stack most people use there. */
function fallback(mode: Mode, hw: DeviceLike, kind: string): RuntimeClass {
  if (hw.kind === 'browser') return kind === 'llm' ? 'llama.cpp-webgpu' : 'tfjs-wasm';
  if (hw.kind === 'tpu') return 'jax';
  if (mode === 'training') return 'pytorch';
  if (kind === 'audio') return hw.kind === 'gpu' ? 'pytorch' : 'whisper.cpp';
  if (kind === 'llm')
    return hw.kind === 'gpu' && hw.vendor.toLowerCase() !== 'apple' ? 'vllm' : llamaCppFor(hw);
  return 'pytorch';
}

/** Counts of runtime classes in the snapshot, by device class × model kind × precision class, and per device. */
export class RuntimeEvidence {
  private readonly byKey = new Map<string, Map<RuntimeClass, number>>();
  private readonly byDevice = new Map<string, Map<RuntimeClass, number>>();

  constructor(
    rows: readonly Pick<
      MeasurementRow,
      'hardware_id' | 'model_id' | 'mode' | 'precision' | 'runtime_class'
    >[],
    hardware: ReadonlyMap<string, DeviceLike>,
    models: ReadonlyMap<string, ModelLike>,
  ) {
    const bump = (m: Map<string, Map<RuntimeClass, number>>, k: string, r: RuntimeClass, n: number) => {
      let c = m.get(k);
      if (!c) m.set(k, (c = new Map()));
      c.set(r, (c.get(r) ?? 0) + n);
    };
    // 57k rows repeat a few thousand combinations: count each distinct one, then classify it once.
    const combos = new Map<string, { row: (typeof rows)[number]; n: number }>();
    for (const row of rows) {
      if (row.runtime_class === 'other' || row.runtime_class === 'vendor-sdk') continue;
      const key = `${row.hardware_id}|${row.model_id}|${row.mode}|${row.precision}|${row.runtime_class}`;
      const c = combos.get(key);
      if (c) c.n++;
      else combos.set(key, { row, n: 1 });
    }
    const kinds = new Map<string, string>();
    const classes = new Map<string, string>();
    for (const { row, n } of combos.values()) {
      const r = row.runtime_class as RuntimeClass;
      const hw = hardware.get(row.hardware_id);
      const m = models.get(row.model_id);
      if (!hw || !m) continue;
      let kind = kinds.get(row.model_id);
      if (kind === undefined) kinds.set(row.model_id, (kind = modelKind(m)));
      let pc = classes.get(row.precision);
      if (pc === undefined) classes.set(row.precision, (pc = precisionClass(row.precision)));
      bump(this.byKey, `${row.mode}|${deviceClass(hw)}|${kind}|${pc}`, r, n);
      bump(this.byDevice, hw.id, r, n);
    }
  }

  /**
   * The runtimes measured on a device (rows of any model), most rows first; `generative`: as they would run a
   * generative LLM (TensorRT's rows count as TensorRT-LLM's, see runtimeForModel).
   */
  runtimesOn(hardwareId: string, generative = false): { runtime: RuntimeClass; rows: number }[] {
    const counts = new Map<RuntimeClass, number>();
    for (const [r, n] of this.byDevice.get(hardwareId) ?? []) {
      const runtime = runtimeForModel(r, generative);
      counts.set(runtime, (counts.get(runtime) ?? 0) + n);
    }
    return [...counts]
      .map(([runtime, rows]) => ({ runtime, rows }))
      .sort((a, b) => b.rows - a.rows || a.runtime.localeCompare(b.runtime));
  }

  /** The most common runtime for this mode, device class, model kind and precision, with its row count. */
  typical(
    mode: Mode,
    hw: DeviceLike,
    m: ModelLike,
    precision: string,
  ): { runtime: RuntimeClass; rows: number } | null {
    const c = this.byKey.get(`${mode}|${deviceClass(hw)}|${modelKind(m)}|${precisionClass(precision)}`);
    if (!c) return null;
    let best: { runtime: RuntimeClass; rows: number } | null = null;
    for (const [runtime, rows] of c)
      if (!best || rows > best.rows || (rows === best.rows && runtime < best.runtime))
        best = { runtime, rows };
    return best;
  }
}

/** Resolve `auto` (or keep an explicit runtime) for one device and model, saying why. */
export function chooseRuntime(
  choice: RuntimeClass | 'auto',
  mode: Mode,
  hw: DeviceLike,
  m: ModelLike,
  precision: string,
  evidence: RuntimeEvidence | null,
): RuntimeDecision {
  if (choice !== 'auto') {
    const r = runtimeForModel(choice, isGenerative(m));
    if (r === choice) return { runtime: r, why: `${RUNTIME_LABELS[r]} (chosen)` };
    return {
      runtime: r,
      why: `${RUNTIME_LABELS[r]} (${RUNTIME_LABELS[choice]} runs LLM generation through ${RUNTIME_LABELS[r]})`,
    };
  }
  if (isGgufKind(precision)) {
    const r = llamaCppFor(hw);
    return { runtime: r, why: `${RUNTIME_LABELS[r]} (auto: ${precision} is a GGUF quantization)` };
  }
  const kind = modelKind(m);
  const t = evidence?.typical(mode, hw, m, precision);
  if (t)
    return {
      runtime: t.runtime,
      why: `${RUNTIME_LABELS[t.runtime]} (auto: most measured for ${kind} ${mode} at ${precisionClass(precision)} on ${hw.vendor} ${hw.kind} devices, ${t.rows} rows)`,
    };
  const r = fallback(mode, hw, kind);
  return { runtime: r, why: `${RUNTIME_LABELS[r]} (auto: no measurements of this kind; the usual stack)` };
}
