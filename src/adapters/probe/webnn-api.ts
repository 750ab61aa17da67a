/**
 * The little of the WebNN API the lab uses, declared locally (TypeScript ships no WebNN types). Only shapes:
 * the probe and the benchmark work against any object that has them, so tests can pass fakes.
 */

/** `MLContextOptions` as Chromium accepts them (`deviceType` is dropped from the spec but still honoured). */
export interface MlContextOptions {
  powerPreference?: string;
  deviceType?: string;
}

export interface MlOperandDescriptor {
  dataType: string;
  shape: number[];
  /** The older spelling of `shape` (pre-2024 Chromium). */
  dimensions?: number[];
}

export interface MlTensorDescriptor extends MlOperandDescriptor {
  readable?: boolean;
  writable?: boolean;
}

export type MlOperand = object;
export type MlGraph = object & { compute?: unknown };
export type MlTensor = object & { destroy?: () => void };

export interface MlContext {
  opSupportLimits?: () => unknown;
  createTensor?: (descriptor: MlTensorDescriptor) => Promise<MlTensor>;
  writeTensor?: (tensor: MlTensor, data: ArrayBufferView) => void;
  dispatch?: (graph: MlGraph, inputs: Record<string, MlTensor>, outputs: Record<string, MlTensor>) => void;
  readTensor?: (tensor: MlTensor) => Promise<ArrayBuffer>;
  /** The older one-call API. */
  compute?: (
    graph: MlGraph,
    inputs: Record<string, ArrayBufferView>,
    outputs: Record<string, ArrayBufferView>,
  ) => Promise<{ outputs?: Record<string, ArrayBufferView> }>;
  destroy?: () => void;
}

export interface Ml {
  createContext: (options?: MlContextOptions) => Promise<MlContext>;
}

export interface MlGraphBuilder {
  input(name: string, descriptor: MlOperandDescriptor): MlOperand;
  constant(descriptor: MlOperandDescriptor, data: ArrayBufferView): MlOperand;
  matmul(a: MlOperand, b: MlOperand): MlOperand;
  build(outputs: Record<string, MlOperand>): Promise<MlGraph>;
}

export type MlGraphBuilderCtor = new (context: MlContext) => MlGraphBuilder;

/** `navigator.ml` when it looks like the API (window or worker), else undefined. */
export function navigatorMl(): Ml | undefined {
  try {
    const ml = (globalThis as { navigator?: { ml?: unknown } }).navigator?.ml;
    return isMl(ml) ? ml : undefined;
  } catch {
    return undefined;
  }
}

/** The global `MLGraphBuilder` constructor, when there is one. */
export function graphBuilderCtor(): MlGraphBuilderCtor | undefined {
  const ctor = (globalThis as { MLGraphBuilder?: unknown }).MLGraphBuilder;
  return typeof ctor === 'function' ? (ctor as MlGraphBuilderCtor) : undefined;
}

/** The value has a `createContext` method. */
export function isMl(value: unknown): value is Ml {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { createContext?: unknown }).createContext === 'function'
  );
}
