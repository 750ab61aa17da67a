/** sources.parquet rows (kind `models`) for the folders the model catalog reads. */
import type { ModelRow, SourceRow } from '../../../src/core/catalog/schema.ts';

type Meta = Omit<SourceRow, 'row_count' | 'kind'>;

/** Metadata transcribed from each folder's SOURCE.md. */
export const MODEL_SOURCES: Meta[] = [
  {
    id: 'timm',
    title: 'timm (pytorch-image-models) benchmark and ImageNet results',
    repository: 'https://github.com/huggingface/pytorch-image-models',
    paths: 'timm/benchmark-infer-*.csv|timm/results-imagenet.csv',
    commit: 'aa4b5850c1543fa488abf260f18390eda46cf85d',
    license: 'Apache-2.0',
  },
  {
    id: 'model-configs-mlc-llm',
    title: 'MLC-LLM model presets',
    repository: 'https://github.com/mlc-ai/mlc-llm',
    paths: 'model-configs-mlc-llm/mlc_llm_model_presets.json',
    commit: '79d603f085f50500e9509fa01785ffa7ecfaaa93',
    license: 'Apache-2.0',
  },
  {
    id: 'model-configs-attention',
    title:
      'Model attention / KV-cache config fields (config.json copies in NVIDIA aiconfigurator, transformers config defaults, gemma_pytorch reference configs, an LLM-Prof config copy)',
    repository:
      'https://github.com/ai-dynamo/aiconfigurator|https://github.com/huggingface/transformers|https://github.com/google/gemma_pytorch|https://github.com/citsjtu2020/LLM-Prof',
    paths: 'model-configs-attention/configs.jsonl',
    commit:
      'aiconfigurator 095f58a51c4ca8e61b66ec108d86f223f8d559ce (Qwen3-Next: 1b7cfb10a6fa06880ad7911db5ddb949882ff76a)|transformers jamba 008f5c8c29be84d4721dc6d1e0fcd72300580be4, mistral 001f85b38fb432858ace93f18622f07cec46d874, phi3 008e574391258935f3ecc3035c882e73bbcac419|gemma_pytorch 014acb7ac4563a5f77c76d7ff98f31b568c16508|LLM-Prof 8434c8d19c396b2f95d92a67845a7c0a0e0dd512',
    license:
      'Apache-2.0 (aiconfigurator, transformers, gemma_pytorch)|no license checked (LLM-Prof: one config.json copy, facts only)',
  },
  {
    id: 'model-configs-hf-misc',
    title: 'Hugging Face transformers config defaults / vendored config.json',
    repository: 'https://github.com/huggingface/transformers',
    paths: 'model-configs-hf-misc/configs.json',
    commit: null,
    license: 'Apache-2.0',
  },
  {
    id: 'model-docs-bert',
    title: 'google-research/bert README model sizes',
    repository: 'https://github.com/google-research/bert',
    paths: 'model-docs-bert/bert_models.csv',
    commit: 'eedf5716ce1268e56f0a50264a88cafad334ac61',
    license: 'Apache-2.0',
  },
  {
    id: 'model-docs-whisper',
    title: 'openai/whisper README model sizes',
    repository: 'https://github.com/openai/whisper',
    paths: 'model-docs-whisper/whisper_models.csv',
    commit: 'c0d2f624c09dc18e709e37c2ad90c039a4eb72a2',
    license: 'MIT',
  },
  {
    id: 'hw-specs-llm-analysis',
    title: 'llm-analysis model configs',
    repository: 'https://github.com/cli99/llm-analysis',
    paths: 'hw-specs-llm-analysis/model_configs.csv',
    commit: 'd841e40aec8c84b9e76ba9cfbce67418adb172bd',
    license: 'Apache-2.0',
  },
  {
    id: 'hw-specs-gpu-poor',
    title: 'gpu_poor Hugging Face config subset',
    repository: 'https://github.com/RahulSChand/gpu_poor',
    paths: 'hw-specs-gpu-poor/all_configs_hf_model_configs.json',
    commit: 'ad2fc0ef0e6ceeb7684363504eecc3342a5e7dc4',
    license: 'none stated',
  },
  {
    id: 'mlperf-inference-v4.1',
    title: 'MLPerf Inference v4.1 results (benchmark model names)',
    repository: 'https://github.com/mlcommons/inference_results_v4.1',
    paths: 'mlperf-inference-v4.1/summary_results.json',
    commit: '4a0c87411066bd697db46fa44cf6f04fd458f627',
    license: 'Apache-2.0',
  },
  {
    id: 'mlperf-inference-v5.1',
    title: 'MLPerf Inference v5.1 results (benchmark model names)',
    repository: 'https://github.com/mlcommons/inference_results_v5.1',
    paths: 'mlperf-inference-v5.1/summary_results.json',
    commit: '965182b03376a00fcae415c54e560e1c83937932',
    license: 'Apache-2.0 (see SOURCE.md caveat)',
  },
  {
    id: 'nvidia-dle',
    title: 'NVIDIA DeepLearningExamples README tables (model names)',
    repository: 'https://github.com/NVIDIA/DeepLearningExamples',
    paths: 'nvidia-dle/dle_readme_tables_index.csv',
    commit: '729963dd47e7c8bd462ad10bfac7a7b0b604e6dd',
    license: 'per-folder (mostly Apache-2.0)',
  },
  {
    id: 'lambda',
    title: 'Lambda deeplearning-benchmark (model names)',
    repository: 'https://github.com/lambdal/deeplearning-benchmark',
    paths: 'lambda/v2/pytorch-train-throughput-v2-fp16.csv',
    commit: 'aa5addb6a53675a649a80036dad548f1c27cbcc4',
    license: 'none stated',
  },
  {
    id: 'whispercpp-bench',
    title: 'whisper.cpp bench results (model names)',
    repository: 'https://github.com/ggerganov/whisper.cpp',
    paths: 'whispercpp-bench/whispercpp_bench.csv',
    commit: '503a786c9a76f059ea8653d9fe3936be4f37a7bc',
    license: 'MIT',
  },
  {
    id: 'webgpu-llamacpp-browser-bench',
    title: 'webgpu-bench llama.cpp in-browser results (model names)',
    repository: 'https://github.com/abhijitramesh/webgpu-bench',
    paths: 'webgpu-llamacpp-browser-bench/webgpu_llamacpp_browser_results.csv',
    commit: '5f0b1b5',
    license: 'none stated',
  },
  {
    id: 'tfjs-wasm-backend-bench',
    title: 'tfjs-backend-wasm README benchmarks',
    repository: 'https://github.com/tensorflow/tfjs',
    paths: 'tfjs-wasm-backend-bench/tfjs_wasm_webgl_js_latency.csv',
    commit: '0107aa99f848fac16f94c9fcdb635f0e13320b59',
    license: 'Apache-2.0',
  },
  {
    id: 'published-config',
    title: 'Published model configs and model cards (Hugging Face config.json, papers, torchvision docs)',
    repository: 'https://huggingface.co',
    paths: '',
    commit: null,
    license: 'per model (facts cited)',
  },
];

/** Source rows with row_count = catalog rows whose `source` cites the folder (prefix `id:` in any `;` part). */
export function sourceRows(rows: readonly ModelRow[]): SourceRow[] {
  const cites = (row: ModelRow, id: string): boolean =>
    row.source.split(';').some((part) => {
      const p = part.trim();
      return (
        p.startsWith(`${id}:`) ||
        (id.startsWith('mlperf-inference') && p.startsWith('mlperf-inference-v4.1+v5.1:'))
      );
    });
  return MODEL_SOURCES.map((m) => ({
    ...m,
    kind: 'models' as const,
    row_count: rows.filter((r) => cites(r, m.id)).length,
  }))
    .filter((s) => s.row_count > 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
