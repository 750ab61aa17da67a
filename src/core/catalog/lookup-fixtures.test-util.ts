/**
 * Catalog rows for the lookup tests: copied from the committed catalog (ids, names, aliases, memory) so the
 * tests exercise real spellings, plus two layouts the catalog may grow into.
 */
import type { NamedDevice } from './device-variants.ts';
import type { Named } from './resolve.ts';

export const HARDWARE: NamedDevice[] = [
  {
    id: 'nvidia-h100-sxm5-80gb',
    name: 'NVIDIA H100 SXM5 80GB',
    aliases: 'H100|H100 SXM|H100 SXM5|H100-SXM-80GB|H100 80GB SXM5|H100 SXM5 80GB|H100-SXM5|H100_GPU',
    memory_gb: 80,
  },
  {
    id: 'nvidia-h100-pcie-80gb',
    name: 'NVIDIA H100 PCIe 80GB',
    aliases: 'H100 PCIe|H100 PCIe 80GB|H100-PCIe-80GB|H100 80GB PCIe|H100 80GB PCIe Gen5|H100-PCIE-80GB',
    memory_gb: 80,
  },
  {
    id: 'nvidia-h100-nvl-94gb',
    name: 'NVIDIA H100 NVL 94GB',
    aliases: 'H100 NVL|H100-NVL-94GB|H100 NVL 94GB',
    memory_gb: 94,
  },
  {
    id: 'nvidia-h200-sxm-141gb',
    name: 'NVIDIA H200 SXM 141GB',
    aliases:
      'H200|H200 SXM|H200-SXM-141GB|H200-SXM-141GB-CTS|H200 140GB SXM|H200 141GB SXM|Virtualized NVIDIA H200-SXM-141GB',
    memory_gb: 141,
  },
  {
    id: 'nvidia-h200-nvl-141gb',
    name: 'NVIDIA H200 NVL 141GB',
    aliases: 'H200 NVL|H200-NVL-141GB',
    memory_gb: 141,
  },
  {
    id: 'nvidia-gh200-96gb',
    name: 'NVIDIA GH200 Grace Hopper Superchip 96GB',
    aliases: 'GH200|GH200 96GB|GH200 Grace Hopper Superchip 96GB|GH200-GraceHopper-Superchip|GH200 80GB',
    memory_gb: 96,
  },
  {
    id: 'nvidia-gh200-144gb',
    name: 'NVIDIA GH200 Grace Hopper Superchip 144GB',
    aliases: 'GH200 144GB|GH200 Grace Hopper Superchip 144GB|GH200_GPU',
    memory_gb: 144,
  },
  {
    id: 'nvidia-a100-sxm4-40gb',
    name: 'NVIDIA A100 SXM4 40GB',
    aliases:
      'A100|A100 40GB|A100 40G|A100 SXM4 40GB|A100 40GB SXM4|A100-SXM4-40GB|A100_40GB_GPU|p4d.24xlarge',
    memory_gb: 40,
  },
  {
    id: 'nvidia-a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    aliases:
      'A100 80GB|A100 80G|A100 SXM4 80GB|A100 80GB SXM4|A100-SXM-80GB|A100-SXM4-80GB|A100 SXM|A100_80GB_GPU',
    memory_gb: 80,
  },
  {
    id: 'nvidia-a100-pcie-40gb',
    name: 'NVIDIA A100 PCIe 40GB',
    aliases: 'A100 PCIe 40GB|A100 40GB PCIe|A100-PCIE-40GB',
    memory_gb: 40,
  },
  {
    id: 'nvidia-a100-pcie-80gb',
    name: 'NVIDIA A100 PCIe 80GB',
    aliases: 'A100 PCIe 80GB|A100 80GB PCIe|A100 PCIe|A100-PCIE-80GB',
    memory_gb: 80,
  },
  {
    id: 'nvidia-b200-sxm-180gb',
    name: 'NVIDIA B200 SXM 180GB',
    aliases: 'B200|B200-SXM-180GB|B200 192GB SXM5|B200 192GB|B200 SXM',
    memory_gb: 180,
  },
  {
    id: 'nvidia-b300-sxm-288gb',
    name: 'NVIDIA B300 (Blackwell Ultra)',
    aliases: 'B300|B300 SXM',
    memory_gb: 270,
  },
  {
    id: 'nvidia-gb300',
    name: 'NVIDIA GB300 (per Blackwell Ultra GPU)',
    aliases: 'GB300|GB300 NVL72',
    memory_gb: 287.5,
  },
  { id: 'nvidia-l40s', name: 'NVIDIA L40S', aliases: 'L40S|L40S 48GB', memory_gb: 48 },
  { id: 'nvidia-rtx-4060', name: 'NVIDIA GeForce RTX 4060', aliases: 'RTX 4060', memory_gb: 8 },
  {
    id: 'nvidia-rtx-4060-ti-16gb',
    name: 'NVIDIA GeForce RTX 4060 Ti 16GB',
    aliases: 'RTX 4060 Ti 16GB|RTX 4060 Ti',
    memory_gb: 16,
  },
  {
    id: 'nvidia-rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    aliases: 'RTX 4090|4090|rtx4090|rtx-4090',
    memory_gb: 24,
  },
  {
    id: 'amd-instinct-mi300x',
    name: 'AMD Instinct MI300X 192GB',
    aliases:
      'MI300X|MI300X-NPS1-SPX-192GB-750W|Instinct MI300X-NPS1-SPX-192GB-750W|MI300X 192GB HBM3|MI300X 192GB',
    memory_gb: 192,
  },
  {
    id: 'amd-instinct-mi325x',
    name: 'AMD Instinct MI325X 256GB',
    aliases: 'MI325X|MI325X 256GB HBM3e|MI325X 256GB HBM3E|MI325X 256GB',
    memory_gb: 256,
  },
  { id: 'apple-m1-max', name: 'Apple M1 Max', aliases: 'M1 Max|M1 Max 32-Core GPU', memory_gb: 64 },
  {
    id: 'apple-m1-max-24c-gpu',
    name: 'Apple M1 Max (24-core GPU)',
    aliases: 'M1 Max 24-Core GPU',
    memory_gb: 64,
  },
  { id: 'apple-m2-max', name: 'Apple M2 Max', aliases: 'M2 Max|M2 Max 38-Core GPU', memory_gb: 96 },
  {
    id: 'apple-m3-max',
    name: 'Apple M3 Max (40-core GPU)',
    aliases: 'M3 Max|M3 Max 40-Core GPU',
    memory_gb: 128,
  },
  {
    id: 'intel-xeon-platinum-8480plus',
    name: 'Intel Xeon Platinum 8480+',
    aliases: 'Xeon Platinum 8480+|INTEL(R) XEON(R) PLATINUM 8480+|Intel(R) Xeon(R) Platinum 8480+',
    memory_gb: null,
  },
  {
    id: 'intel-arc-140t',
    name: 'Intel Arc 140T (Core Ultra 7 255H iGPU)',
    aliases: 'Intel(R) Arc(TM) 140T GPU|Arc 140T|Arc(TM) 140T GPU',
    memory_gb: null,
  },
];
export const MODELS: Named[] = [
  {
    id: 'llama-7b',
    name: 'LLaMA-7B',
    aliases:
      'decapoda-research_llama-7b-hf|huggyllama/llama-7b|LLaMA 1 7B|lmsys_vicuna-7b-delta-v0|lmsys/vicuna-7b-delta-v0',
  },
  {
    id: 'llama-2-7b',
    name: 'Llama-2-7B',
    aliases:
      'meta-llama/Llama-2-7b-hf|Llama-2-7b-chat-hf|Llama-2-7B-Chat|neuralmagic_Llama-2-7b-chat-hf-FP8|Llama-2-7b-chat-hf-q4f16_1-MLC|Llama-2-7b-chat-hf-q4f32_1-MLC|NousResearch_Llama-2-7b-hf|Llama-2-7b-chat-hf-q4f32_1-MLC-1k|Llama-2-7b-chat-hf-q4f16_1-MLC-1k',
  },
  {
    id: 'llama-2-70b',
    name: 'Llama-2-70B',
    aliases:
      'meta-llama/Llama-2-70b-hf|Llama-2-70b-chat-hf|llama2-70b-99|llama2-70b-99.9|llama2-70b-interactive-99|llama2-70b-interactive-99.9|llama2-70b-fp8_quark|upstage_Llama-2-70b-instruct-v2',
  },
  {
    id: 'llama-3-8b',
    name: 'Llama-3-8B',
    aliases:
      'Meta-Llama-3-8B|Llama-3-8B-Instruct|Meta-Llama-3-8B-Instruct|Hermes-2-Pro-Llama-3-8B|Hermes-2-Theta-Llama-3-8B|Hermes-2-Theta-Llama-3-8B-q4f16_1-MLC|Hermes-2-Theta-Llama-3-8B-q4f32_1-MLC|Hermes-2-Pro-Llama-3-8B-q4f16_1-MLC|Hermes-2-Pro-Llama-3-8B-q4f32_1-MLC|Llama-3-8B-Instruct-q4f32_1-MLC-1k|Llama-3-8B-Instruct-q4f16_1-MLC-1k|Llama-3-8B-Instruct-q4f32_1-MLC|Llama-3-8B-Instruct-q4f16_1-MLC',
  },
  {
    id: 'llama-3-70b',
    name: 'Llama-3-70B',
    aliases:
      'Meta-Llama-3-70B|Llama-3-70B-Instruct|Meta-Llama-3-70B-Instruct|Llama-3-70B-Instruct-q3f16_1-MLC',
  },
  {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1-8B',
    aliases:
      'meta-llama/Llama-3.1-8B|Llama-3.1-8B-Instruct|Meta-Llama-3.1-8B|llama3.1-8b-edge|llama3_1-8b-edge|Hermes-3-Llama-3.1-8B|DeepSeek-R1-Distill-Llama-8B|Llama-3.1-8B-Instruct-q4f32_1-MLC-1k|Llama-3.1-8B-Instruct-q4f16_1-MLC-1k|Llama-3.1-8B-Instruct-q4f32_1-MLC|Llama-3.1-8B-Instruct-q4f16_1-MLC|DeepSeek-R1-Distill-Llama-8B-q4f32_1-MLC|DeepSeek-R1-Distill-Llama-8B-q4f16_1-MLC|Hermes-3-Llama-3.1-8B-q4f32_1-MLC|Hermes-3-Llama-3.1-8B-q4f16_1-MLC',
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1-70B',
    aliases:
      'meta-llama/Llama-3.1-70B|Llama-3.1-70B-Instruct|Meta-Llama-3.1-70B|llama3_1-70b-fp8_dyn|llama3_1-70b-fp8_pre|llama3_1-70b-fp8_trtllm|Llama-3.1-70B-Instruct-q3f16_1-MLC',
  },
  {
    id: 'llama-3.1-405b',
    name: 'Llama-3.1-405B',
    aliases: 'Meta-Llama-3.1-405B|Llama-3.1-405B-Instruct|llama3_1-405b_finetuned',
  },
  { id: 'llama-3.3-70b', name: 'Llama-3.3-70B', aliases: 'Llama-3.3-70B-Instruct' },
  { id: 'gpt-oss-20b', name: 'gpt-oss-20b', aliases: 'openai/gpt-oss-20b' },
  { id: 'gpt-oss-120b', name: 'gpt-oss-120b', aliases: 'openai/gpt-oss-120b' },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral-8x7B',
    aliases:
      'mistralai/Mixtral-8x7B-v0.1|Mixtral-8x7B-v0.1|Mixtral-8x7B-Instruct-v0.1|mixtral-8x7b-99|mixtral-8x7b-99.9',
  },
  {
    id: 'mixtral-8x22b',
    name: 'Mixtral-8x22B',
    aliases: 'mistralai/Mixtral-8x22B-v0.1|Mixtral-8x22B-Instruct-v0.1',
  },
  { id: 'qwen3-8b', name: 'Qwen3-8B', aliases: 'Qwen/Qwen3-8B|Qwen3-8B-q4f16_1-MLC|Qwen3-8B-q4f32_1-MLC' },
  { id: 'qwen3-30b-a3b', name: 'Qwen3-30B-A3B', aliases: 'Qwen/Qwen3-30B-A3B' },
  {
    id: 'qwen3-vl-30b-a3b',
    name: 'Qwen3-VL-30B-A3B',
    aliases: 'Qwen/Qwen3-VL-30B-A3B-Instruct|Qwen3-VL-30B-A3B-Instruct',
  },
  {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1',
    aliases: 'deepseek-ai/DeepSeek-R1|deepseek-r1-99|deepseek-r1-interactive',
  },
  { id: 'deepseek-v3', name: 'DeepSeek-V3', aliases: 'deepseek-ai/DeepSeek-V3|DeepSeek-V3-0324' },
  { id: 'opt-13b', name: 'OPT-13B', aliases: 'facebook_opt-13b|facebook/opt-13b' },
  {
    id: 'phi-3.5-mini',
    name: 'Phi-3.5-mini',
    aliases:
      'microsoft/Phi-3.5-mini-instruct|Phi-3.5-mini-instruct|Phi-3.5-mini-instruct-q4f16_1-MLC|Phi-3.5-mini-instruct-q4f32_1-MLC|Phi-3.5-mini-instruct-q4f16_1-MLC-1k|Phi-3.5-mini-instruct-q4f32_1-MLC-1k',
  },
];

/** A laptop chip row, as a catalog with AMD client parts would have it. */
export const RYZEN_AI: NamedDevice = {
  id: 'amd-ryzen-ai-9-hx-370',
  name: 'AMD Ryzen AI 9 HX 370',
  aliases: 'Ryzen AI 9 HX 370',
  memory_gb: null,
};

/** Apple rows per memory configuration (the layout of ids like `apple-m3-max-40c-128gb`). */
export const APPLE_PER_CONFIG: NamedDevice[] = [
  {
    id: 'apple-m3-max-30c-36gb',
    name: 'Apple M3 Max (30-core GPU, 36GB)',
    aliases: 'M3 Max 30-Core GPU 36GB',
    memory_gb: 36,
  },
  {
    id: 'apple-m3-max-40c-48gb',
    name: 'Apple M3 Max (40-core GPU, 48GB)',
    aliases: 'M3 Max 40-Core GPU 48GB',
    memory_gb: 48,
  },
  {
    id: 'apple-m3-max-40c-64gb',
    name: 'Apple M3 Max (40-core GPU, 64GB)',
    aliases: 'M3 Max 40-Core GPU 64GB',
    memory_gb: 64,
  },
  {
    id: 'apple-m3-max-40c-128gb',
    name: 'Apple M3 Max (40-core GPU, 128GB)',
    aliases: 'M3 Max 40-Core GPU 128GB|M3 Max|M3 Max 40-Core GPU',
    memory_gb: 128,
  },
];
