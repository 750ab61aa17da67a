/** A small catalog for import tests: devices and models the fixture files name (public figures, rounded). */
import type { HardwareRow, ModelRow } from '../catalog/schema.ts';
import { NO_KV_ARCH } from '../catalog/schema.ts';
import { A100, H100 } from '../roofline/fixtures.test-util.ts';
import { BERT_BASE, LLAMA2_70B, RESNET50 } from '../roofline/fixtures.test-util.ts';
import type { ModelArch } from '../roofline/workload.ts';
import { importCatalog } from './catalog.ts';

const gpu = (over: Partial<HardwareRow> & Pick<HardwareRow, 'id' | 'name'>): HardwareRow => ({
  ...H100,
  aliases: '',
  interconnect: null,
  interconnect_gbs: null,
  tdp_w: null,
  ...over,
});

export const HARDWARE: HardwareRow[] = [
  gpu({
    ...H100,
    id: 'nvidia-h100-sxm5-80gb',
    name: 'NVIDIA H100 SXM5 80GB',
    aliases: 'H100|H100 SXM|H100 SXM5|H100-SXM-80GB|H100 80GB HBM3',
  }),
  gpu({
    ...A100,
    id: 'nvidia-a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    aliases: 'A100 SXM4 80GB|A100 80GB',
  }),
  gpu({
    id: 'nvidia-rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    aliases: 'RTX 4090|4090',
    segment: 'consumer',
    architecture: 'ada',
    memory_gb: 24,
    mem_bw_gbs: 1008,
    fp32_tflops: 82.6,
    tf32_tflops: 82.6,
    fp16_tflops: 330,
    fp16_acc32_tflops: 165,
    bf16_tflops: 165,
    fp8_tflops: 660,
    int8_tops: 660,
    int4_tops: 1321,
  }),
  gpu({
    id: 'nvidia-l4',
    name: 'NVIDIA L4',
    aliases: 'L4',
    architecture: 'ada',
    memory_gb: 24,
    mem_bw_gbs: 300,
    fp32_tflops: 30.3,
    tf32_tflops: 60,
    fp16_tflops: 121,
    bf16_tflops: 121,
    fp8_tflops: 242.5,
    int8_tops: 242.5,
  }),
  gpu({
    id: 'apple-m2-max',
    name: 'Apple M2 Max',
    aliases: 'M2 Max|M2 Max 38-Core GPU',
    vendor: 'Apple',
    kind: 'soc-gpu',
    segment: 'laptop',
    architecture: 'm2',
    memory_gb: 96,
    mem_bw_gbs: 400,
    fp32_tflops: 13.6,
    tf32_tflops: null,
    fp16_tflops: 13.6,
    bf16_tflops: null,
    fp8_tflops: null,
    int8_tops: null,
  }),
];

const model = (arch: ModelArch, name: string, aliases = ''): ModelRow => ({
  ...NO_KV_ARCH,
  ...arch,
  name,
  aliases,
  source: 'test-fixture',
  notes: null,
});

const LLAMA31_8B: ModelArch = {
  ...LLAMA2_70B,
  id: 'llama-3.1-8b',
  family: 'llama-3',
  params_m: 8030,
  layers: 32,
  hidden: 4096,
  heads: 32,
  kv_heads: 8,
  ffn: 14336,
  vocab: 128256,
  max_seq: 131072,
};
const vision = (id: string, gflops: number, params: number): ModelArch => ({
  ...RESNET50,
  id,
  family: id.split(/[._]/)[0]!,
  gflops_per_sample: gflops,
  params_m: params,
});

export const MODELS: ModelRow[] = [
  model(
    LLAMA31_8B,
    'Llama-3.1-8B',
    'meta-llama/Llama-3.1-8B|Llama-3.1-8B-Instruct|Meta-Llama-3.1-8B-Instruct',
  ),
  model(
    { ...LLAMA31_8B, id: 'llama-3-8b', max_seq: 8192 },
    'Llama-3-8B',
    'Meta-Llama-3-8B|Llama-3-8B-Instruct',
  ),
  model(
    {
      ...LLAMA31_8B,
      id: 'qwen2.5-7b',
      family: 'qwen2.5',
      params_m: 7616,
      layers: 28,
      hidden: 3584,
      heads: 28,
      kv_heads: 4,
      ffn: 18944,
      vocab: 152064,
    },
    'Qwen2.5-7B',
    'Qwen/Qwen2.5-7B|Qwen2.5-7B-Instruct',
  ),
  model(LLAMA2_70B, 'Llama-2-70B', 'meta-llama/Llama-2-70b-hf|llama2-70b-99|llama2-70b-99.9'),
  model(BERT_BASE, 'bert-base-uncased', 'bert-base'),
  model(
    { ...RESNET50, id: 'resnet50.tv_in1k', gflops_per_sample: 8.22 },
    'resnet50.tv_in1k',
    'resnet50|resnet',
  ),
  model(vision('resnet50.a1_in1k', 8.22, 25.56), 'resnet50.a1_in1k'),
  model(
    vision('vit_base_patch16_224.augreg2_in21k_ft_in1k', 35.16, 86.57),
    'vit_base_patch16_224.augreg2_in21k_ft_in1k',
  ),
  model(vision('convnext_tiny.in12k_ft_in1k', 8.94, 28.59), 'convnext_tiny.in12k_ft_in1k'),
  model(vision('efficientnet_b0.ra4_e3600_r224_in1k', 0.8, 5.29), 'efficientnet_b0.ra4_e3600_r224_in1k'),
];

/** One catalog for every test in a file (building lookups is the slow part). */
export const CATALOG = importCatalog(HARDWARE, MODELS);

export const utf8 = (text: string) => new TextEncoder().encode(text);
