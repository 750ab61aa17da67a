/** The curated device list: identity, names as benchmarks write them, and which raw row feeds each source. */
import type { HardwareKind } from '../../../src/core/catalog/schema.ts';

export type Field =
  | 'memory_gb'
  | 'mem_bw_gbs'
  | 'fp32_tflops'
  | 'tf32_tflops'
  | 'fp16_tflops'
  | 'fp16_acc32_tflops'
  | 'bf16_tflops'
  | 'fp8_tflops'
  | 'fp4_tflops'
  | 'int8_tops'
  | 'int4_tops'
  | 'tdp_w'
  | 'interconnect_gbs'
  | 'price_usd'
  | 'cores';

/** A figure taken from a vendor datasheet / spec page (not in the raw folders), or derived from other rows. */
export interface Fact {
  field: Field;
  value: number;
  /** e.g. `vendor-datasheet:nvidia L40S datasheet` or `derived:2x intel-arc-pro-b60`. */
  source: string;
}

/** A raw-source figure rejected for this device (known source error), with the reason for the notes. */
export interface Reject {
  field: Field;
  source: 'epoch' | 'hf' | 'wiki' | 'la' | 'lv' | 'genz' | 'metal';
  why: string;
}

export interface DeviceDef {
  id: string;
  name: string;
  vendor: string;
  kind: HardwareKind;
  segment: string;
  architecture: string;
  aliases?: string[];
  /** Row keys in each raw source. */
  epoch?: string;
  hf?: string;
  wiki?: string;
  la?: string;
  lv?: string;
  genz?: string;
  metal?: string;
  /** hf-providers cloud_pricing `gpu` key (defaults to `hf`). */
  cloud?: string;
  interconnect?: string;
  release_date?: string;
  /** Apple binned-GPU variants: fraction of the referenced chip's GPU cores (e.g. 7/8). */
  coreScale?: number;
  facts?: Fact[];
  reject?: Reject[];
  note?: string;
}

/** Shorthand for a datasheet fact. */
export const fact = (field: Field, value: number, source: string): Fact => ({ field, value, source });
