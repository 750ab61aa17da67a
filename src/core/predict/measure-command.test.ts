import { describe, expect, it } from 'vitest';
import { LLAMA2_7B, RESNET50 } from '../roofline/fixtures.test-util.ts';
import { measureCommand } from './measure-command.ts';

const llama = { ...LLAMA2_7B, aliases: 'Llama 2 7B|meta-llama/Llama-2-7b-hf' };
const resnet = { ...RESNET50, aliases: '' };
const llm = {
  model: llama,
  mode: 'inference' as const,
  batch: 1,
  precision: 'q4_k_m',
  nDevices: 1,
  promptTokens: 512,
  genTokens: 128,
};

describe('measureCommand', () => {
  it('gives the benchmark each runtime’s users run', () => {
    expect(measureCommand('llama.cpp-cuda', llama, llm)).toBe(
      'llama-bench -m llama-2-7b-Q4_K_M.gguf -p 512 -n 128 -b 1 -ngl 99',
    );
    expect(
      measureCommand('tensorrt-llm', llama, { ...llm, precision: 'fp8', batch: 64, nDevices: 2 }),
    ).toMatch(
      /^trtllm-bench --model meta-llama\/Llama-2-7b-hf throughput .*--tp 2 --max_batch_size 64 --quantization FP8$/,
    );
    expect(measureCommand('vllm', llama, { ...llm, precision: 'fp16', batch: 8 })).toMatch(
      /^vllm bench throughput --model meta-llama\/Llama-2-7b-hf --input-len 512 --output-len 128/,
    );
    const vision = { model: resnet, mode: 'inference' as const, batch: 256, precision: 'mixed', nDevices: 1 };
    expect(measureCommand('pytorch-compile', resnet, vision)).toMatch(
      /^python benchmark.py --model resnet50 --bench inference --batch-size 256 --img-size 224 --amp --amp-dtype float16 --torchcompile/,
    );
    expect(measureCommand('openvino', resnet, vision)).toBeNull();
  });
});
