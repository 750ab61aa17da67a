/**
 * The command that measures a prediction on real hardware, with the tool the runtime's users already run,
 * so a user can check the number and bring the result back (llama-bench, trtllm-bench, vLLM's and timm's
 * benchmark scripts). Null where no standard benchmark exists for that runtime.
 */
import type { RuntimeClass } from '../catalog/runtime.ts';
import type { ModelRow } from '../catalog/schema.ts';
import { DEFAULTS, isGenerative, type Workload } from '../roofline/workload.ts';

/** A Hugging Face repo id where the catalog's aliases carry one ("meta-llama/Llama-3.1-8B"), else the id. */
function repoOf(m: Pick<ModelRow, 'id' | 'aliases'>): string {
  return (
    m.aliases
      .split('|')
      .find((a) => /^[\w.-]+\/[\w.-]+$/.test(a.trim()))
      ?.trim() ?? m.id
  );
}

const TIMM_AMP = new Set(['fp16', 'bf16', 'mixed', 'mixed-bf16']);

export function measureCommand(
  runtime: RuntimeClass,
  model: Pick<ModelRow, 'id' | 'aliases' | 'architecture' | 'modality'>,
  w: Workload,
): string | null {
  const prompt = w.promptTokens ?? DEFAULTS.promptTokens;
  const gen = w.genTokens ?? DEFAULTS.genTokens;
  const llm = isGenerative(w.model) && w.mode === 'inference';
  const tp = w.layout?.tp ?? (w.nDevices > 1 ? w.nDevices : 1);
  if (llm && runtime.startsWith('llama.cpp'))
    return `llama-bench -m ${model.id}-${w.precision.toUpperCase()}.gguf -p ${prompt} -n ${gen} -b ${Math.max(w.batch, 1)} -ngl 99`;
  if (llm && runtime === 'tensorrt-llm')
    return `trtllm-bench --model ${repoOf(model)} throughput --dataset <synthetic ${prompt}/${gen} tokens> --tp ${tp} --max_batch_size ${w.batch}${w.precision === 'fp8' || w.precision === 'fp4' ? ` --quantization ${w.precision.toUpperCase()}` : ''}`;
  if (llm && (runtime === 'vllm' || runtime === 'sglang'))
    return runtime === 'vllm'
      ? `vllm bench throughput --model ${repoOf(model)} --input-len ${prompt} --output-len ${gen} --num-prompts ${Math.max(w.batch, 1) * 4} --max-num-seqs ${w.batch} -tp ${tp}${w.precision === 'fp8' ? ' --quantization fp8' : ''}`
      : `python -m sglang.bench_offline_throughput --model-path ${repoOf(model)} --dataset-name random --random-input-len ${prompt} --random-output-len ${gen} --num-prompts ${Math.max(w.batch, 1) * 4} --tp ${tp}`;
  if (llm && runtime === 'mlx')
    return `mlx_lm.generate --model ${repoOf(model)} --prompt "<${prompt} tokens>" --max-tokens ${gen} --verbose True`;
  const vision = /cnn|vit/.test(model.architecture) || model.modality === 'vision';
  if (vision && (runtime === 'pytorch' || runtime === 'pytorch-compile'))
    return `python benchmark.py --model ${model.id} --bench ${w.mode === 'training' ? 'train' : 'inference'} --batch-size ${w.batch} --img-size ${w.imageSize ?? DEFAULTS.imageSize}${TIMM_AMP.has(w.precision) ? ` --amp --amp-dtype ${w.precision.includes('bf16') ? 'bfloat16' : 'float16'}` : ''}${runtime === 'pytorch-compile' ? ' --torchcompile' : ''}  # timm's benchmark.py`;
  if (vision && runtime === 'tensorrt')
    return `trtexec --onnx=${model.id}.onnx --shapes=input:${w.batch}x3x${w.imageSize ?? DEFAULTS.imageSize}x${w.imageSize ?? DEFAULTS.imageSize}${w.precision === 'int8' ? ' --int8' : w.precision === 'fp32' ? '' : ' --fp16'}`;
  if (runtime === 'whisper.cpp') return `whisper-bench -m ggml-${model.id}.bin -t 8`;
  return null;
}
